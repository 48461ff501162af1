import type { ErrorType } from "@hostaway-mcp/domain-models";
import { describeError } from "@hostaway-mcp/hostaway-client";
import { EdgeRefusal } from "@hostaway-mcp/hostaway-client/server";
import type { ErrorRequestHandler, Request, RequestHandler } from "express";
import { undecodablePathField } from "../routes.js";
import { ApiError } from "./api-error.js";
import type { ErrorResponse } from "./error-response.js";

/** `res.locals` keys the error path fills, read by the audit line and the request log. */
export interface ErrorLocals {
  errorType?: ErrorType;
  /** The operation's not-found wording for this input, through this app's routes. */
  notFoundMessage?: string;
  /** The route's parameters, added to any 400 that does not list them yet. */
  allowedParams?: readonly string[];
}

/**
 * Maps anything thrown by a route to one `ApiError`. The client's describer (hostaway-client `describeError`, the
 * MCP server's too) classifies and words it; this app adds only the HTTP status and its own next step. No
 * upstream URL, token, secret or Hostaway text can reach a response.
 */
export function toApiError(error: unknown, notFoundMessage?: string): ApiError {
  if (error instanceof ApiError) return error;
  if (EdgeRefusal.isInstance(error)) {
    return new ApiError(
      error.status,
      error.errorType,
      error.message,
      error.retryAfterSeconds === undefined ? null : { retry_after_seconds: error.retryAfterSeconds },
      error.headers,
    );
  }
  const expressStatus = httpStatusOf(error);
  if (expressStatus === 413) {
    return new ApiError(413, "validation_error", "The request is too large; this API takes no request body.");
  }
  if (expressStatus !== undefined && expressStatus >= 400 && expressStatus < 500 && !isToolkitError(error)) {
    return new ApiError(
      400,
      "validation_error",
      "The request is malformed (check the URL encoding and body).",
    );
  }
  const described = describeError(error);
  switch (described.error_type) {
    case "validation_error":
      if (described.issues.length > 0) {
        return new ApiError(
          400,
          "validation_error",
          `Invalid request: ${described.issues.map((i) => i.message).join("; ")}`,
          {
            issues: described.issues,
          },
        );
      }
      // The client refused an argument before sending, or Hostaway refused the request (its own 4xx): the same
      // type as in the MCP server and in batch items.
      return new ApiError(400, "validation_error", `Invalid request: ${described.message}`);
    case "not_found":
      return new ApiError(404, "not_found", notFoundMessage ?? "The requested item does not exist.");
    case "unauthorized":
      return new ApiError(
        502,
        "unauthorized",
        `${capitalise(described.message)}: the operator should check HOSTAWAY_ACCOUNT_ID and HOSTAWAY_SECRET_KEY.`,
      );
    case "rate_limit": {
      const seconds = Math.max(1, Math.ceil((described.retry_after_ms ?? 10_000) / 1000));
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
      return new ApiError(502, "upstream_error", `${capitalise(described.message)}; retry later.`);
    default:
      return new ApiError(
        500,
        "internal_error",
        "Internal error; the request id in X-Request-Id helps trace it.",
      );
  }
}

/** The toolkit's own errors carry an `errorType`; Express's body and URL errors carry only a status. */
function isToolkitError(error: unknown): boolean {
  return typeof (error as { errorType?: unknown } | null)?.errorType === "string";
}

/** body-parser and Express attach `status`/`statusCode` to client errors. */
function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  if (typeof status === "number") return status;
  return typeof statusCode === "number" ? statusCode : undefined;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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
    let apiError = badPathSegment(error, req.path) ?? toApiError(error, locals.notFoundMessage);
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

/** Express could not decode a path segment (`/api/bookings/%E0%A4%A`): name the parameter it was meant to be. */
function badPathSegment(error: unknown, path: string): ApiError | undefined {
  if (!(error instanceof URIError)) return undefined;
  const field = undecodablePathField(path);
  if (field === undefined) return undefined;
  const message = `${field} is not valid percent-encoding in the path; send the id as plain digits`;
  return new ApiError(400, "validation_error", `Invalid request: ${message}`, {
    issues: [{ field, message }],
  });
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
        `No route ${req.method} ${JSON.stringify(req.path.slice(0, 100))}; GET /openapi.json lists every route.`,
      ),
    );
  };
}
