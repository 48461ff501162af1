import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { redactUrl } from "@hostaway-mcp/hostaway-client/server";
import type { RequestHandler } from "express";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import type { ErrorLocals } from "../errors/error-middleware.js";

/** A caller-chosen request id is echoed only when it is short and plain. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Request/response logs with a request id (taken from `X-Request-Id` when sane, echoed back). The URL is logged
 * through the shared `redactUrl` (keys, tokens, guest names and contact data in the query string are replaced);
 * headers go through the logger's redaction paths (the shared `LOG_REDACT_PATHS`, the MCP server's too).
 */
export function requestLogging(logger: Logger): RequestHandler {
  const middleware = pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const incoming = req.headers["x-request-id"];
      const id = typeof incoming === "string" && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    customLogLevel: (_req, res, error) => {
      if (error !== undefined || res.statusCode >= 500) return "error";
      return res.statusCode >= 400 ? "warn" : "info";
    },
    customProps: (_req, res) => {
      const errorType = (res as ServerResponse & { locals?: ErrorLocals }).locals?.errorType;
      return errorType === undefined ? {} : { error_type: errorType };
    },
    serializers: {
      req: (req: {
        id: unknown;
        method: string;
        url: string;
        headers: Record<string, unknown>;
        remoteAddress?: string;
      }) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.url),
        headers: { ...req.headers },
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode: number; headers: Record<string, unknown> }) => ({
        statusCode: res.statusCode,
        headers: { ...res.headers },
      }),
    },
  });
  return middleware as unknown as RequestHandler;
}
