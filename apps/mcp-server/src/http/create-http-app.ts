import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import express, { type ErrorRequestHandler, type Express, type Request, type Response } from "express";
import type { Logger } from "../logger.js";
import { bearerAuth } from "./bearer-auth.js";
import { hostCheck } from "./host-check.js";
import { isLoopbackHost } from "./loopback.js";
import { originCheck } from "./origin-check.js";

/** What one stateless POST can reach: the tools it calls, or every tool (`undefined`) for anything else. */
export interface McpRequestScope {
  toolNames: readonly string[] | undefined;
}

export interface HttpAppOptions {
  /** Builds a fresh MCP server for one request (stateless mode: nothing is shared between requests but the client). */
  createMcpServer: (request: McpRequestScope) => McpServer;
  /** Bearer tokens accepted at `/mcp`; empty means no authentication (loopback only, see `startHttpServer`). */
  apiKeys: readonly string[];
  /** Exact `Origin` values allowed; empty means loopback origins only. */
  allowedOrigins?: readonly string[];
  /** `Host` names allowed (no port); empty means loopback names plus the bound address. */
  allowedHosts?: readonly string[];
  /** The address the server binds, used to allow its own Host header. */
  host?: string;
  logger: Logger;
}

const LOOPBACK_HOSTNAMES = ["localhost", "127.0.0.1", "[::1]"];

const jsonRpcError = (res: Response, status: number, code: number, message: string): void => {
  res.status(status).json({ jsonrpc: "2.0", error: { code, message }, id: null });
};

/** The `Host` names `/mcp` answers to: `ALLOWED_HOSTS` when set, else loopback plus the specific bound address. */
export function resolveAllowedHosts(allowedHosts: readonly string[], host: string | undefined): string[] {
  if (allowedHosts.length > 0) return [...allowedHosts];
  const names = [...LOOPBACK_HOSTNAMES];
  if (host !== undefined && host !== "0.0.0.0" && host !== "::" && !isLoopbackHost(host)) {
    names.push(host.includes(":") ? `[${host}]` : host);
  }
  return names;
}

/**
 * The Streamable HTTP app: stateless MCP at `POST /mcp` (a new server and transport per request, closed when the
 * response ends), `GET /health`. `/mcp` checks, in order, Host (DNS rebinding), Origin (403 for a foreign page)
 * and the bearer key (401).
 */
export function createHttpApp(options: HttpAppOptions): Express {
  const { logger } = options;
  const app = express();
  app.disable("x-powered-by");

  app.use((req, res, next) => {
    const started = performance.now();
    res.on("finish", () => {
      logger.debug(
        {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        "http request",
      );
    });
    next();
  });

  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });

  const guard = [
    hostCheck(resolveAllowedHosts(options.allowedHosts ?? [], options.host)),
    originCheck(options.allowedOrigins ?? []),
    bearerAuth(options.apiKeys),
  ];

  app.post("/mcp", ...guard, express.json({ limit: "1mb" }), async (req: Request, res: Response) => {
    const server = options.createMcpServer({ toolNames: calledToolNames(req.body) });
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
  });

  // Stateless mode has no server-initiated stream (GET) and no session to end (DELETE).
  app.all("/mcp", ...guard, (_req, res) => {
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
    if (error.type === "entity.parse.failed") {
      jsonRpcError(res, 400, -32700, "Parse error: the request body is not valid JSON.");
      return;
    }
    if (error.type === "entity.too.large") {
      jsonRpcError(res, 413, -32600, "Request too large: the body limit is 1 MB.");
      return;
    }
    logger.error({ err: error }, "HTTP request failed");
    jsonRpcError(res, error.status ?? 500, -32603, "Internal server error");
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
