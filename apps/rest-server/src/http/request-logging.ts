import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import type { ErrorLocals } from "../errors/error-middleware.js";

const REDACTED = "[Redacted]";
/** Headers that carry credentials. */
const SECRET_HEADERS = new Set(["authorization", "x-api-key", "cookie", "set-cookie", "proxy-authorization"]);
/** Query parameters that carry guest contact data (e.g. `guest_email` on /api/bookings). */
const CONTACT_PARAM = /email|phone/i;
/** A caller-chosen request id is echoed only when it is short and plain. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** `GET /api/bookings?guest_email=a@b.c` logs as `/api/bookings?guest_email=%5BRedacted%5D`. */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf("?");
  if (queryStart < 0) return url;
  const params = new URLSearchParams(url.slice(queryStart + 1));
  for (const key of new Set(params.keys())) {
    if (CONTACT_PARAM.test(key)) params.set(key, REDACTED);
  }
  return `${url.slice(0, queryStart)}?${params.toString()}`;
}

export function redactHeaders(headers: Record<string, unknown> | undefined): Record<string, unknown> {
  const safe: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    safe[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : value;
  }
  return safe;
}

/** Request/response logs with a request id (taken from `X-Request-Id` when sane, echoed back) and redaction. */
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
        headers: redactHeaders(req.headers),
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode: number; headers: Record<string, unknown> }) => ({
        statusCode: res.statusCode,
        headers: redactHeaders(res.headers),
      }),
    },
  });
  return middleware as unknown as RequestHandler;
}
