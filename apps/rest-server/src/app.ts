import type { HostawayClient } from "@hostaway-mcp/hostaway-client";
import { HostawayError } from "@hostaway-mcp/hostaway-client";
import cors from "cors";
import express, { type Express, type RequestHandler } from "express";
import helmet from "helmet";
import type { Logger } from "pino";
import pino from "pino";
import swaggerUi from "swagger-ui-express";
import { type AppConfig, DEFAULT_APP_CONFIG } from "./config.js";
import { ApiError, badRequest } from "./errors/api-error.js";
import { type ErrorLocals, errorMiddleware, notFoundHandler, toApiError } from "./errors/error-middleware.js";
import { type AuditLocals, type AuditSink, auditAccess, stderrAuditSink } from "./http/audit.js";
import { apiKeyAuth } from "./http/auth.js";
import { createInputParser } from "./http/parse-input.js";
import { perIpRateLimit, perKeyRateLimit } from "./http/rate-limits.js";
import { createReadyCheck } from "./http/ready-check.js";
import { requestLogging } from "./http/request-logging.js";
import { buildOpenApiDocument } from "./openapi/build-openapi-document.js";
import { apiRoutes } from "./routes/api-routes.js";
import { expressPath, type RouteDefinition } from "./routes/route-definition.js";
import { packageVersion } from "./version.js";

/** No route takes a body; anything larger than this is refused with 413 before it is buffered further. */
const MAX_BODY_BYTES = 16 * 1024;

export interface CreateAppOptions {
  /** The Hostaway client every route calls (its limiter is the one upstream throttle). */
  client: HostawayClient;
  /** Auth, inbound limits, CORS; unset fields take `DEFAULT_APP_CONFIG`. */
  config?: Partial<AppConfig>;
  /** pino logger for request logs (default: silent). */
  logger?: Logger;
  /** Where audit lines go (default: one JSON line on stderr). */
  audit?: AuditSink;
}

/**
 * Builds the Express app: public probes and docs, then `/api/*` behind the per-IP limit, API-key auth and the
 * per-key limit, every route derived from one `RouteDefinition`, and one error middleware at the end.
 */
export function createApp({
  client,
  config = {},
  logger = pino({ level: "silent" }),
  audit = stderrAuditSink,
}: CreateAppOptions): Express {
  const settings: AppConfig = { ...DEFAULT_APP_CONFIG, ...config };
  const app = express();
  app.disable("x-powered-by");
  // Without keys anyone who can connect is served: `serve()` then refuses any but a loopback address.
  app.locals.loopbackOnly = settings.apiKeys.length === 0;

  app.use(requestLogging(logger));
  app.use(helmet());
  if (settings.corsOrigins.length > 0) {
    app.use(
      cors({
        origin: [...settings.corsOrigins],
        methods: ["GET", "HEAD", "OPTIONS"],
        allowedHeaders: ["Authorization", "X-API-Key", "X-Request-Id"],
        exposedHeaders: ["X-Request-Id", "Retry-After", "RateLimit", "RateLimit-Policy"],
      }),
    );
  }
  app.use(express.raw({ type: () => true, limit: MAX_BODY_BYTES }));

  const perIp = perIpRateLimit({ limit: settings.rateLimitIp, windowMs: settings.rateLimitWindowMs });
  const openApiDocument = buildOpenApiDocument(apiRoutes, {
    title: "Hostaway REST API",
    version: packageVersion,
    description:
      "Read-only access to a Hostaway account: properties, availability, bookings, guests, financial reports and every guest message as one timeline. JSON bodies are the wire shapes of @hostaway-mcp/domain-models, identical to the MCP tools' structured results. Send an API key as `X-API-Key` or `Authorization: Bearer`; /health, /ready, /openapi.json and /docs are public.",
  });

  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  const ready = createReadyCheck(client, {
    successCacheMs: settings.readyCacheMs,
    failureCacheMs: settings.readyFailureCacheMs,
    deadlineMs: settings.readyDeadlineMs,
  });
  app.get("/ready", perIp, async (_req, res) => {
    try {
      await ready();
      res.json({ status: "ready" });
    } catch (error) {
      const cause = HostawayError.isInstance(error) ? toApiError(error) : undefined;
      throw new ApiError(
        503,
        cause?.type ?? "upstream_error",
        `Not ready: ${cause?.message ?? "Hostaway could not be reached."}`,
      );
    }
  });
  app.get("/openapi.json", (_req, res) => {
    res.json(openApiDocument);
  });
  app.use(
    "/docs",
    swaggerUi.serve,
    swaggerUi.setup(openApiDocument, { customSiteTitle: "Hostaway REST API" }),
  );

  app.use(
    "/api",
    perIp,
    apiKeyAuth(settings.apiKeys),
    perKeyRateLimit({ limit: settings.rateLimitAccount, windowMs: settings.rateLimitWindowMs }),
  );
  for (const route of apiRoutes) registerRoute(app, route, client, audit);

  app.use(notFoundHandler());
  app.use(errorMiddleware());
  return app;
}

function registerRoute(app: Express, route: RouteDefinition, client: HostawayClient, audit: AuditSink): void {
  const pathFields = new Set(Object.values(route.pathParams ?? {}));
  const parser = createInputParser(route.request, pathFields);
  const handlers: RequestHandler[] = [];
  const auditField = route.auditBookingField;
  if (auditField !== undefined) {
    const pathParam = Object.entries(route.pathParams ?? {}).find(([, field]) => field === auditField)?.[0];
    handlers.push(auditAccess(`GET ${route.path}`, audit, (params) => params[pathParam ?? auditField]));
  }

  handlers.push(async (req, res) => {
    // Caller-chosen keys go into an object without a prototype: on a plain `{}`, `?__proto__=…` would set the
    // prototype instead of a key, and vanish from the unknown-parameter check.
    const raw: Record<string, unknown> = Object.create(null);
    for (const [name, value] of Object.entries(req.query)) {
      if (pathFields.has(name)) {
        throw badRequest(
          [{ field: name, message: `${name} is part of the path (${route.path}), not a query parameter` }],
          {
            allowed: parser.queryParams,
          },
        );
      }
      raw[name] = value;
    }
    for (const [param, field] of Object.entries(route.pathParams ?? {})) raw[field] = req.params[param];

    const locals = res.locals as ErrorLocals & AuditLocals;
    locals.allowedParams = parser.queryParams;
    const input = parser.parse(raw) as Record<string, unknown>;
    if (auditField !== undefined) locals.auditBookingId = (input[auditField] as number | undefined) ?? null;
    if (route.notFound !== undefined) locals.notFoundMessage = route.notFound(input);

    // Stop upstream work when the caller hangs up.
    const controller = new AbortController();
    res.once("close", () => {
      if (!res.writableFinished) controller.abort(new Error("client closed the connection"));
    });
    try {
      const body = await route.handle(input, { client, signal: controller.signal, logger: req.log });
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
  app.get(expressPath(route.path), ...handlers);
}
