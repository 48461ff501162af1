import type { ErrorType } from "@hostaway-mcp/domain-models";
import { HostawayError } from "@hostaway-mcp/hostaway-client";
import { TimelineValidationError } from "@hostaway-mcp/message-timeline";
import type { ErrorRequestHandler, Request, RequestHandler } from "express";
import { z } from "zod";
import { ApiError, badRequest } from "./api-error.js";
import type { ErrorResponse } from "./error-response.js";

/** When Hostaway rate-limits us without saying for how long (REFERENCE.md §4: no Retry-After is documented). */
const DEFAULT_UPSTREAM_RETRY_AFTER_SECONDS = 10;

/** `res.locals` keys the error path fills, read by the audit line and the request log. */
export interface ErrorLocals {
  errorType?: ErrorType;
  /** A route's wording for "this id does not exist" (e.g. "listing 7 does not exist; GET /api/listings lists ids"). */
  notFoundMessage?: string;
  /** The route's parameters, added to any 400 that does not list them yet. */
  allowedParams?: readonly string[];
}

/**
 * Maps anything thrown by a route (our `ApiError`, the client's `HostawayError`, Express's own body-parser errors,
 * or a bug) to one `ApiError`. Messages are written here, never copied from upstream, so no upstream URL, token or
 * secret can leak into a response.
 */
export function toApiError(error: unknown, notFoundMessage?: string): ApiError {
  if (error instanceof ApiError) return error;
  if (HostawayError.isInstance(error)) return fromHostawayError(error, notFoundMessage);
  if (TimelineValidationError.isInstance(error)) return badRequest(error.issues);
  // Input checks that happen after parsing (e.g. `decodeCursor`) throw ZodErrors whose paths name the field.
  if (error instanceof z.ZodError) {
    return badRequest(
      error.issues.map((issue) => ({
        field: issue.path.map(String).join(".") || "(request)",
        message: issue.message,
      })),
    );
  }
  const expressStatus = httpStatusOf(error);
  if (expressStatus === 413) {
    return new ApiError(413, "validation_error", "The request is too large; this API takes no request body.");
  }
  if (expressStatus !== undefined && expressStatus >= 400 && expressStatus < 500) {
    return new ApiError(
      400,
      "validation_error",
      "The request is malformed (check the URL encoding and body).",
    );
  }
  return new ApiError(
    500,
    "internal_error",
    "Internal error; the request id in X-Request-Id helps trace it.",
  );
}

function fromHostawayError(error: HostawayError, notFoundMessage: string | undefined): ApiError {
  switch (error.errorType) {
    case "not_found":
      return new ApiError(404, "not_found", notFoundMessage ?? "The requested item does not exist.");
    case "unauthorized":
      return new ApiError(
        502,
        "unauthorized",
        "Hostaway rejected this server's credentials; the operator should check HOSTAWAY_ACCOUNT_ID and HOSTAWAY_SECRET_KEY.",
      );
    case "validation_error":
      if (statusOf(error) === undefined) {
        // The client refused an argument before sending anything: the caller's input is at fault.
        return new ApiError(400, "validation_error", `Invalid request: ${detailOf(error)}`);
      }
      return new ApiError(502, "upstream_error", `Hostaway refused the request: ${detailOf(error)}`);
    case "rate_limit": {
      const retryAfterMs = (error as { retryAfterMs?: number }).retryAfterMs;
      const seconds =
        retryAfterMs === undefined
          ? DEFAULT_UPSTREAM_RETRY_AFTER_SECONDS
          : Math.max(1, Math.ceil(retryAfterMs / 1000));
      return new ApiError(
        503,
        "rate_limit",
        `Hostaway's rate limit is exhausted; retry in ${seconds} s.`,
        { retry_after_seconds: seconds },
        { "Retry-After": String(seconds) },
      );
    }
    case "timeout":
      return new ApiError(504, "timeout", "Hostaway did not answer in time; retry later.");
    case "upstream_error":
      return new ApiError(502, "upstream_error", upstreamMessage(error));
    default:
      return new ApiError(
        500,
        "internal_error",
        "Internal error; the request id in X-Request-Id helps trace it.",
      );
  }
}

function upstreamMessage(error: HostawayError): string {
  const status = statusOf(error);
  return status === undefined
    ? "Hostaway could not be reached or sent an unreadable answer; retry later."
    : `Hostaway failed with HTTP ${status}; retry later.`;
}

/** The client's messages read `GET /path: detail`; keep only the detail (no path, no host). */
function detailOf(error: HostawayError): string {
  const prefix = `${error.method} ${error.path}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : "see the API documentation";
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown }).status;
  return typeof status === "number" ? status : undefined;
}

/** body-parser and Express attach `status`/`statusCode` to client errors. */
function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  if (typeof status === "number") return status;
  return typeof statusCode === "number" ? statusCode : undefined;
}

export function errorBody(error: ApiError): ErrorResponse {
  return { error: { type: error.type, message: error.message, details: error.details } };
}

/** Writes an `ApiError` as the JSON error body with its status and headers. */
export function sendApiError(res: Parameters<RequestHandler>[1], error: ApiError): void {
  (res.locals as ErrorLocals).errorType = error.type;
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  res.status(error.status).json(errorBody(error));
}

/** The one error middleware: every failure of every route ends here. */
export function errorMiddleware(): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const locals = res.locals as ErrorLocals;
    let apiError = toApiError(error, locals.notFoundMessage);
    if (
      apiError.status === 400 &&
      locals.allowedParams !== undefined &&
      apiError.details?.allowed === undefined
    ) {
      apiError = new ApiError(400, apiError.type, apiError.message, {
        ...apiError.details,
        allowed: locals.allowedParams,
      });
    }
    if (apiError.type === "internal_error") {
      req.log?.error({ err: error }, "unexpected error");
      apiError = new ApiError(apiError.status, apiError.type, apiError.message, {
        request_id: String(req.id),
      });
    } else if (apiError.status >= 500) {
      req.log?.warn({ err: summarize(error) }, "upstream failure");
    }
    sendApiError(res, apiError);
  };
}

/** What to log about an upstream failure: its class and message (already free of secrets), no stack. */
function summarize(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    return { name: error.name, message: error.message, code: (error as { code?: unknown }).code };
  }
  return { value: String(error) };
}

/** The catch-all for paths no route matches. */
export function notFoundHandler(): RequestHandler {
  return (req: Request, _res, next) => {
    next(
      new ApiError(
        404,
        "not_found",
        `No route ${req.method} ${req.path.slice(0, 200)}; GET /openapi.json lists every route.`,
      ),
    );
  };
}
