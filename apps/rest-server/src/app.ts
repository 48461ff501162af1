import { batchOperations } from "@hostaway-mcp/batch-runner";
import {
  bindOperations,
  OPERATIONS,
  type OperationDeclaration,
  type OperationHandler,
  parseRequest,
  requestParameters,
  WRITE_OPERATIONS,
} from "@hostaway-mcp/domain-models";
import { clientOperations, type HostawayClient, trackReads } from "@hostaway-mcp/hostaway-client";
import {
  createEdgeGuard,
  createWebhookReceiver,
  type ServerMetrics,
  type ServerRuntime,
  setSecurityHeaders,
  WEBHOOK_PATH,
} from "@hostaway-mcp/hostaway-client/server";
import {
  createReplyOperations,
  type DraftStore,
  type ReplyAuditSink,
  timelineOperations,
  type WarmStatus,
} from "@hostaway-mcp/message-timeline";
import express, { type Express, type RequestHandler } from "express";
import type { Logger } from "pino";
import pino from "pino";
import swaggerUi from "swagger-ui-express";
import { ApiError } from "./errors/api-error.js";
import { type ErrorLocals, errorMiddleware, notFoundHandler, toApiError } from "./errors/error-middleware.js";
import { type AuditLocals, type AuditSink, auditAccess, stderrAuditSink } from "./http/audit.js";
import { cacheHeaders } from "./http/cache-headers.js";
import { createReadyCheck } from "./http/ready-check.js";
import { requestLogging } from "./http/request-logging.js";
import { buildOpenApiDocument } from "./openapi/build-openapi-document.js";
import { expressPath, referByRoute } from "./routes.js";
import { type AppSettings, DEFAULT_APP_SETTINGS } from "./settings.js";
import { packageVersion } from "./version.js";

/** No route takes a body; anything larger than this is refused with 413 before it is buffered further. */
const MAX_BODY_BYTES = 16 * 1024;
/** With writes on: a reply of 5,000 characters, every one escaped in JSON, fits. */
const MAX_WRITE_BODY_BYTES = 64 * 1024;

/** Swagger UI is a page: it needs its own scripts, styles and images (everything else answers JSON, allowing nothing). */
const DOCS_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
  "object-src 'none'; frame-ancestors 'none'";

/** Each catalogued operation's implementation, checked once at load: a missing one fails start-up, not a call. */
const handlerOf = bindOperations<HostawayClient>(
  OPERATIONS,
  clientOperations,
  batchOperations,
  timelineOperations,
);

export interface CreateAppOptions {
  /** The Hostaway client every route calls (its limiter is the one upstream throttle). */
  client: HostawayClient;
  /** Auth, inbound limits, allowed hosts and origins; unset fields take `DEFAULT_APP_SETTINGS`. */
  config?: Partial<AppSettings>;
  /** pino logger for request logs (default: silent). */
  logger?: Logger;
  /** Where audit lines go (default: one JSON line on stderr). */
  audit?: AuditSink;
  /** The cache warmer, when `HOSTAWAY_WARM=recent` runs one: its status is `/health`'s `warming` detail. */
  warmer?: { status(): WarmStatus } | undefined;
  /**
   * What the binary runs on (`createServerRuntime`): where inbound limits are counted (Redis with `REDIS_URL`),
   * the metrics (`METRICS=1`: `GET /metrics`, behind the API key when keys are set), and the sharing mode that
   * `/ready` reports.
   */
  runtime?: Pick<ServerRuntime, "limitStore" | "metrics" | "sharing"> | undefined;
  /**
   * Guest replies (`HOSTAWAY_ALLOW_WRITES=1` with keys in `API_KEYS_WRITE`): the write routes exist only with this;
   * `writers` are the callers (key hashes) allowed to use them, every other key gets 403.
   */
  writes?: { drafts: DraftStore; audit: ReplyAuditSink; writers: ReadonlySet<string> } | undefined;
}

/**
 * Builds the Express app: public probes and docs, then `/api/*` behind the shared edge guard (hostaway-client/
 * server: CORS and preflight, Host, Origin, API keys, inbound limits per key and per address), one route per
 * catalogued operation (domain-models `OPERATIONS`), 405 for a known path's other methods, and one error
 * middleware at the end.
 */
export function createApp({
  client,
  config = {},
  logger = pino({ level: "silent" }),
  audit = stderrAuditSink,
  warmer,
  runtime,
  writes,
}: CreateAppOptions): Express {
  const metrics = runtime?.metrics;
  const limitStore = runtime?.limitStore;
  const settings: AppSettings = { ...DEFAULT_APP_SETTINGS, ...config };
  const app = express();
  app.disable("x-powered-by");
  // Without keys anyone who can connect is served: `listen()` then refuses any but a loopback address.
  app.locals.loopbackOnly = settings.apiKeys.length === 0;

  app.use(requestLogging(logger));
  if (metrics !== undefined) app.use(countInbound(metrics));
  app.use((_req, res, next) => {
    setSecurityHeaders(res);
    next();
  });
  // Before the body parser (the receiver reads its own, up to 1 MB) and outside /api: Hostaway authenticates with
  // the webhook's Basic credentials, not an API key.
  app.all(
    WEBHOOK_PATH,
    createWebhookReceiver({
      credentials: settings.webhook,
      invalidate: (what) => client.invalidate(what),
      logger,
      ...(limitStore === undefined ? {} : { store: limitStore }),
      ...(metrics === undefined ? {} : { onEvent: (event, outcome) => metrics.webhook(event, outcome) }),
    }),
  );
  app.use(
    express.raw({ type: () => true, limit: writes === undefined ? MAX_BODY_BYTES : MAX_WRITE_BODY_BYTES }),
  );

  const openApiDocument = buildOpenApiDocument(OPERATIONS, {
    title: "Hostaway REST API",
    version: packageVersion,
    description:
      "Read-only access to a Hostaway account: properties, availability, bookings, guests, financial reports and every guest message as one timeline. JSON bodies are the wire shapes of @hostaway-mcp/domain-models, identical to the MCP tools' structured results. Send an API key as `X-API-Key` or `Authorization: Bearer`; /health, /ready, /openapi.json and /docs are public.",
  });

  app.get("/health", (_req, res) => {
    res.json({ status: "ok", warming: warmer?.status() ?? { mode: "off" } });
  });
  const ready = createReadyCheck(client, {
    successCacheMs: settings.readyCacheMs,
    failureCacheMs: settings.readyFailureCacheMs,
    deadlineMs: settings.readyDeadlineMs,
  });
  app.get("/ready", async (_req, res) => {
    try {
      await ready();
      res.json({ status: "ready", redis: runtime?.sharing() ?? { mode: "off" } });
    } catch (error) {
      const cause = toApiError(error);
      throw new ApiError(503, cause.type, `Not ready: ${cause.message}`);
    }
  });
  app.get("/openapi.json", (_req, res) => {
    res.json(openApiDocument);
  });
  const docsPolicy: RequestHandler = (_req, res, next) => {
    res.setHeader("Content-Security-Policy", DOCS_CSP);
    next();
  };
  app.use(
    "/docs",
    docsPolicy,
    swaggerUi.serve,
    swaggerUi.setup(openApiDocument, { customSiteTitle: "Hostaway REST API" }),
  );
  for (const path of ["/health", "/ready", "/openapi.json"]) app.all(path, methodNotAllowed("GET"));

  app.use(
    metrics === undefined ? ["/api"] : ["/api", "/metrics"],
    createEdgeGuard({
      apiKeys: settings.apiKeys,
      allowedHosts: settings.allowedHosts,
      allowedOrigins: settings.allowedOrigins,
      bindHost: settings.bindHost,
      realm: "hostaway-rest",
      perKeyLimit: settings.perKeyLimit,
      perIpLimit: settings.perIpLimit,
      windowMs: settings.windowMs,
      ...(limitStore === undefined ? {} : { store: limitStore }),
      cors: {
        methods: ["GET"],
        allowedHeaders: ["Authorization", "X-API-Key", "X-Request-Id"],
        exposedHeaders: [
          "X-Request-Id",
          "Retry-After",
          "RateLimit",
          "RateLimit-Policy",
          "Age",
          "Cache-Status",
        ],
      },
    }),
  );
  if (metrics !== undefined) {
    app.get("/metrics", async (_req, res) => {
      res.type(metrics.contentType).send(await metrics.render());
    });
    app.all("/metrics", methodNotAllowed("GET"));
  }
  for (const operation of OPERATIONS) registerRoute(app, operation, client, audit, handlerOf);
  if (writes !== undefined && writes.writers.size > 0) {
    const writeHandlerOf = bindOperations<HostawayClient>(
      WRITE_OPERATIONS,
      createReplyOperations({ drafts: writes.drafts, audit: writes.audit }) as never,
    );
    for (const operation of WRITE_OPERATIONS) {
      registerRoute(app, operation, client, audit, writeHandlerOf, writes.writers);
    }
  }

  app.use(notFoundHandler());
  app.use(errorMiddleware());
  return app;
}

function methodNotAllowed(allow: string): RequestHandler {
  return (req, _res, next) => {
    _res.setHeader("Allow", allow);
    next(
      new ApiError(
        405,
        "validation_error",
        `Method ${req.method} is not allowed here; this path answers ${allow}.`,
      ),
    );
  };
}

/** One route per operation: parse its path and query with domain-models' `parseRequest`, call it, answer JSON. */
function registerRoute(
  app: Express,
  operation: OperationDeclaration,
  client: HostawayClient,
  audit: AuditSink,
  handlers: (name: string) => OperationHandler<HostawayClient>,
  writers?: ReadonlySet<string>,
): void {
  const { http } = operation;
  const pathParams = http.pathParams ?? {};
  const pathFields = new Set(Object.values(pathParams));
  const allowed = requestParameters(operation.input, pathFields);
  const handler: OperationHandler<HostawayClient> = handlers(operation.name);
  const steps: RequestHandler[] = [];
  if (operation.write === true) steps.push(requireWriter(writers ?? new Set()));
  if (operation.auditedBookings !== undefined) {
    const firstPathParam = Object.keys(pathParams)[0];
    steps.push(
      auditAccess(`${http.method} ${http.path}`, audit, (params) => params[firstPathParam ?? "booking_id"]),
    );
  }

  steps.push(async (req, res) => {
    // Caller-chosen keys go into an object without a prototype: on a plain `{}`, `?__proto__=…` would set the
    // prototype instead of a key, and vanish from the unknown-parameter check.
    const raw: Record<string, unknown> = Object.create(null);
    for (const [name, value] of Object.entries(req.query)) {
      if (pathFields.has(name)) {
        throw new ApiError(
          400,
          "validation_error",
          `Invalid request: ${name} is part of the path (${http.path}), not a query parameter`,
          {
            issues: [
              { field: name, message: `${name} is part of the path (${http.path}), not a query parameter` },
            ],
            allowed,
          },
        );
      }
      raw[name] = value;
    }
    if (http.method === "POST") Object.assign(raw, jsonBodyOf(req.body));
    for (const [param, field] of Object.entries(pathParams)) raw[field] = req.params[param];

    const locals = res.locals as ErrorLocals & AuditLocals;
    locals.allowedParams = allowed;
    const parsed = parseRequest(operation.input, raw, { pathFields });
    if (!parsed.ok) {
      const summary = parsed.problem.issues.map((issue) => issue.message).join("; ");
      throw new ApiError(400, "validation_error", `Invalid request: ${summary}`, { ...parsed.problem });
    }
    const input = parsed.value;
    if (operation.auditedBookings !== undefined) locals.auditBookings = operation.auditedBookings(input);
    locals.notFoundMessage = notFoundText(operation, input);
    // Guest contact data and guest messages: no cache may keep them.
    res.setHeader("Cache-Control", operation.guestData ? "no-store" : "private, no-cache");

    // Stop upstream work when the caller hangs up.
    const controller = new AbortController();
    res.once("close", () => {
      if (!res.writableFinished) controller.abort(new Error("client closed the connection"));
    });
    try {
      const { result: body, reads } = await trackReads(() =>
        handler(client, input, {
          signal: controller.signal,
          refer: referByRoute,
          caller: (req as { caller?: string | null }).caller ?? undefined,
        }),
      );
      for (const [name, value] of Object.entries(cacheHeaders(reads, Date.now()))) res.setHeader(name, value);
      if (operation.auditedBookings !== undefined)
        locals.auditBookings = operation.auditedBookings(input, body);
      res.json(body);
    } catch (error) {
      if (controller.signal.aborted) {
        // Nobody is left to answer; not an error of ours.
        req.log.info("caller closed the connection; upstream work cancelled");
        return;
      }
      throw error;
    }
  });
  const path = expressPath(http.path);
  app[http.method === "GET" ? "get" : "post"](path, ...steps);
  app.all(path, methodNotAllowed(http.method));
}

function notFoundText(operation: OperationDeclaration, input: unknown): string {
  const { problem, nextStep } = operation.notFound(input as never, referByRoute);
  return `${problem} Next step: ${nextStep}`;
}

/** Counts each answered request by its route pattern (bounded: `/api/bookings/:booking_id`, never an id). */
function countInbound(metrics: ServerMetrics): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.on("finish", () => {
      const pattern = req.route?.path;
      const route = typeof pattern === "string" ? `${req.baseUrl}${pattern}` : "unmatched";
      metrics.inbound(route, res.statusCode, (performance.now() - started) / 1000);
    });
    next();
  };
}

/** A write route's caller must hold a key listed in `API_KEYS_WRITE`; any other key may only read. */
function requireWriter(writers: ReadonlySet<string>): RequestHandler {
  return (req, _res, next) => {
    const caller = (req as { caller?: string | null }).caller;
    if (caller !== undefined && caller !== null && writers.has(caller)) return next();
    next(
      new ApiError(
        403,
        "unauthorized",
        "Forbidden: this API key may only read. Replying to guests needs a key listed in API_KEYS_WRITE.",
      ),
    );
  };
}

/** A POST body: a JSON object (its keys copied without a prototype), or a 400 that says what is expected. */
function jsonBodyOf(body: unknown): Record<string, unknown> {
  const text = Buffer.isBuffer(body) ? body.toString("utf8") : "";
  let parsed: unknown = {};
  if (text.trim() !== "") {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ApiError(400, "validation_error", "Invalid request: the body must be a JSON object.");
    }
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ApiError(400, "validation_error", "Invalid request: the body must be a JSON object.");
  }
  const copy: Record<string, unknown> = Object.create(null);
  for (const [name, value] of Object.entries(parsed)) copy[name] = value;
  return copy;
}
