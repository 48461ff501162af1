import { OPERATIONS } from "@hostaway-mcp/domain-models";
import {
  createEdgeGuard,
  createWebhookReceiver,
  EdgeRefusal,
  type GuardedRequest,
  type InboundLimitStore,
  redactUrl,
  type ServerMetrics,
  setSecurityHeaders,
  WEBHOOK_PATH,
  type WebhookReceiverOptions,
} from "@hostaway-mcp/hostaway-client/server";
import type { AuthInfo } from "@modelcontextprotocol/sdk/server/auth/types.js";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import express, { type ErrorRequestHandler, type Express, type Request, type Response } from "express";
import type { Logger } from "../logger.js";

/** What one stateless POST can reach: the tools it calls, or every tool (`undefined`) for anything else. */
export interface McpRequestScope {
  toolNames: readonly string[] | undefined;
  /** The caller the edge guard identified (a hash of its key), when keys are set. */
  caller: string | undefined;
}

export interface HttpAppOptions {
  /** Builds a fresh MCP server for one request (stateless mode: nothing is shared between requests but the client). */
  createMcpServer: (request: McpRequestScope) => McpServer;
  /** Bearer tokens accepted at `/mcp`; empty means no authentication (loopback only). */
  apiKeys: readonly string[];
  /** Exact `Origin` values allowed; empty means loopback origins only. */
  allowedOrigins?: readonly string[];
  /** `Host` names served besides loopback and the bound address. */
  allowedHosts?: readonly string[];
  /** The address the server binds, whose name is an allowed Host. */
  host?: string;
  /** Inbound requests per API key per 10 s (default 20; 0 off). */
  perKeyLimit?: number;
  /** Inbound requests without a valid key per client address per 10 s (default 15; 0 off). */
  perIpLimit?: number;
  /** Where the inbound windows are counted. Default: in memory. */
  limitStore?: InboundLimitStore;
  /** Hostaway's webhook at `POST /webhooks/hostaway` (404 while `credentials` is undefined). */
  webhook?: Pick<WebhookReceiverOptions, "credentials" | "invalidate">;
  /** More of `GET /health`'s answer (e.g. the cache warmer's status, the Redis sharing mode). */
  health?: () => Record<string, unknown>;
  /** `METRICS=1`: `GET /metrics` behind the edge guard, and every request counted by its tools. */
  metrics?: ServerMetrics;
  logger: Logger;
}

/** One JSON-RPC message is small; 1 MB leaves room for long arguments and refuses payloads. */
const MAX_BODY = "1mb";

const jsonRpcError = (res: Response, status: number, code: number, message: string, data?: unknown): void => {
  res
    .status(status)
    .json({ jsonrpc: "2.0", error: { code, message, ...(data === undefined ? {} : { data }) }, id: null });
};

/**
 * The Streamable HTTP app: stateless MCP at `POST /mcp` (a new server and transport per request, closed when the
 * response ends) and `GET /health`. Every answer carries the security headers and `Cache-Control: no-store` (a
 * tool result may hold guest data). `/mcp` passes the shared edge guard first (hostaway-client/server: CORS and
 * preflight, Host, Origin, the bearer key, inbound limits per key and per address), the REST server's too.
 */
export function createHttpApp(options: HttpAppOptions): Express {
  const { logger } = options;
  const app = express();
  app.disable("x-powered-by");

  const { metrics } = options;
  app.use((req, res, next) => {
    const started = performance.now();
    setSecurityHeaders(res, { guestData: true });
    res.on("finish", () => {
      metrics?.inbound(metricRoute(req), res.statusCode, (performance.now() - started) / 1000);
      logger.debug(
        {
          method: req.method,
          url: redactUrl(req.originalUrl),
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        "http request",
      );
    });
    next();
  });

  app.get("/health", (_req, res) => {
    res.json({ status: "ok", ...options.health?.() });
  });
  // Serving is never blocked on Redis: /ready answers ready in every mode and says which one.
  app.get("/ready", (_req, res) => {
    res.json({ status: "ready", redis: options.health?.().redis ?? { mode: "off" } });
  });
  for (const path of ["/health", "/ready"]) {
    app.all(path, (_req, res) => {
      res
        .set("Allow", "GET")
        .status(405)
        .json({ error: `Method not allowed: ${path} answers GET.` });
    });
  }

  // Before the edge guard: Hostaway authenticates with the webhook's Basic credentials, not an API key.
  app.all(
    WEBHOOK_PATH,
    createWebhookReceiver({
      credentials: options.webhook?.credentials,
      invalidate: options.webhook?.invalidate ?? (async () => {}),
      logger,
      ...(options.limitStore === undefined ? {} : { store: options.limitStore }),
      ...(metrics === undefined ? {} : { onEvent: (event, outcome) => metrics.webhook(event, outcome) }),
    }),
  );

  const guard = createEdgeGuard({
    apiKeys: options.apiKeys,
    allowedHosts: options.allowedHosts ?? [],
    allowedOrigins: options.allowedOrigins ?? [],
    ...(options.host === undefined ? {} : { bindHost: options.host }),
    realm: "hostaway-mcp",
    ...(options.perKeyLimit === undefined ? {} : { perKeyLimit: options.perKeyLimit }),
    ...(options.perIpLimit === undefined ? {} : { perIpLimit: options.perIpLimit }),
    ...(options.limitStore === undefined ? {} : { store: options.limitStore }),
    cors: {
      methods: ["POST"],
      allowedHeaders: ["Authorization", "Content-Type", "Accept", "Mcp-Protocol-Version", "Mcp-Session-Id"],
      exposedHeaders: ["Mcp-Session-Id", "Retry-After", "RateLimit", "RateLimit-Policy"],
    },
  });
  // The SDK hands `req.auth` to tool handlers: the caller's audit identity (a hash of its key, never the key).
  const identify = (req: Request & { auth?: AuthInfo }, _res: Response, next: () => void): void => {
    const caller = (req as GuardedRequest).caller;
    if (caller) req.auth = { token: caller, clientId: caller, scopes: [] };
    next();
  };

  app.post(
    "/mcp",
    guard,
    identify,
    express.json({ limit: MAX_BODY }),
    async (req: Request, res: Response) => {
      const server = options.createMcpServer({
        toolNames: calledToolNames(req.body),
        caller: (req as GuardedRequest).caller ?? undefined,
      });
      // Stateless: no session id; each POST carries whole JSON-RPC exchanges.
      const transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: undefined,
        enableJsonResponse: !asksForProgress(req.body),
      });
      res.on("close", () => {
        // Closing aborts handlers still running (their `extra.signal`), and with it their upstream requests.
        void transport.close();
        void server.close();
      });
      try {
        await server.connect(transport);
        await transport.handleRequest(req, res, req.body);
      } catch (error) {
        logger.error({ err: error }, "MCP request failed");
        if (!res.headersSent) jsonRpcError(res, 500, -32603, "Internal server error");
      }
    },
  );

  if (metrics !== undefined) {
    app.get("/metrics", guard, async (_req, res) => {
      res.type(metrics.contentType).send(await metrics.render());
    });
  }

  // Stateless mode has no server-initiated stream (GET) and no session to end (DELETE).
  app.all("/mcp", guard, (_req, res) => {
    res.set("Allow", "POST");
    jsonRpcError(
      res,
      405,
      -32000,
      "Method not allowed: this server is stateless; send JSON-RPC with POST /mcp.",
    );
  });

  app.use((_req, res) => {
    res.status(404).json({ error: "Not found: the MCP endpoint is POST /mcp; liveness is GET /health." });
  });

  const onError: ErrorRequestHandler = (error: { type?: string; status?: number }, _req, res, _next) => {
    if (EdgeRefusal.isInstance(error)) {
      for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
      const code = error.status === 401 ? -32001 : -32000;
      const data =
        error.retryAfterSeconds === undefined ? undefined : { retry_after_seconds: error.retryAfterSeconds };
      jsonRpcError(res, error.status, code, error.message, data);
      return;
    }
    if (error.type === "entity.parse.failed") {
      jsonRpcError(res, 400, -32700, "Parse error: the request body is not valid JSON.");
      return;
    }
    if (error.type === "entity.too.large") {
      jsonRpcError(res, 413, -32600, "Request too large: the body limit is 1 MB.");
      return;
    }
    logger.error({ err: error }, "HTTP request failed");
    jsonRpcError(res, 500, -32603, "Internal server error");
  };
  app.use(onError);

  return app;
}

/** Whether any JSON-RPC request in the body carries a progress token (then the answer must stream, over SSE). */
function asksForProgress(body: unknown): boolean {
  const messages: unknown[] = Array.isArray(body) ? body : [body];
  return messages.some((message) => {
    const meta = (message as { params?: { _meta?: { progressToken?: unknown } } } | null)?.params?._meta;
    return meta?.progressToken !== undefined;
  });
}

/**
 * The tools a body calls when every message in it is a `tools/call` (a stateless request can reach nothing else),
 * else `undefined` (initialize, tools/list, …: every tool).
 */
function calledToolNames(body: unknown): string[] | undefined {
  const messages: unknown[] = Array.isArray(body) ? body : [body];
  const names: string[] = [];
  for (const message of messages) {
    const call = message as { method?: unknown; params?: { name?: unknown } } | null;
    if (call?.method !== "tools/call" || typeof call.params?.name !== "string") return undefined;
    names.push(call.params.name);
  }
  return names;
}

const KNOWN_TOOLS = new Set(OPERATIONS.map((operation) => operation.name));

/** `/mcp hostaway_get_booking` for a call of known tools (bounded labels: an unknown name is `other`), else the path. */
function metricRoute(req: Request): string {
  if (req.path !== "/mcp" || req.method !== "POST") return req.route === undefined ? "unmatched" : req.path;
  const names = calledToolNames(req.body);
  if (names === undefined) return "/mcp";
  return `/mcp ${[...new Set(names.map((name) => (KNOWN_TOOLS.has(name) ? name : "other")))].sort().join(",")}`;
}
