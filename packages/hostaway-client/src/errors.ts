import type { ErrorType } from "@hostaway-mcp/domain-models";
import type { z } from "zod";
import type { HttpMethod } from "./http-method.js";

/** The error taxonomy of `@hostaway-mcp/domain-models`; the servers map it to HTTP statuses and MCP results. */
export type HostawayErrorType = ErrorType;

const brand = Symbol.for("hostaway-mcp.error");

export interface HostawayErrorDetails {
  method: HttpMethod;
  /** The request path without its query string, e.g. `/reservations/4711`. */
  path: string;
  /** What went wrong, already free of secrets and guest contact data. */
  detail: string;
}

/**
 * Base class of every error the client throws. Messages read `GET /reservations/4711: not found`: they name the
 * method and path and never carry the token, the secret, query values or response bodies.
 *
 * Branded with `Symbol.for("hostaway-mcp.error")` so `HostawayError.isInstance(e)` holds even when two copies of
 * this package are installed (an `instanceof` check would fail across copies).
 */
export abstract class HostawayError extends Error {
  readonly [brand] = true;
  /** A stable machine-readable code, e.g. `HOSTAWAY_NOT_FOUND`. */
  abstract readonly code: string;
  /** The shared error taxonomy (`ErrorType` of domain-models). */
  abstract readonly errorType: HostawayErrorType;
  /** Whether the same request may succeed when sent again later. */
  abstract readonly isRetryable: boolean;
  readonly method: HttpMethod;
  readonly path: string;

  constructor({ method, path, detail }: HostawayErrorDetails) {
    super(`${method} ${path}: ${detail}`);
    this.method = method;
    this.path = path;
  }

  static isInstance(value: unknown): value is HostawayError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}

/** The credentials were rejected, or a fresh token was rejected too (REFERENCE.md §2: 403 = invalid token). */
export class HostawayAuthError extends HostawayError {
  override readonly name = "HostawayAuthError";
  readonly code = "HOSTAWAY_UNAUTHORIZED";
  readonly errorType = "unauthorized";
  readonly isRetryable = false;
  readonly status: number | undefined;

  constructor(details: HostawayErrorDetails & { status?: number }) {
    super(details);
    this.status = details.status;
  }
}

/** HTTP 404, or a `status: "fail"` whose text says "not found" (REFERENCE.md §5, §11). */
export class HostawayNotFoundError extends HostawayError {
  override readonly name = "HostawayNotFoundError";
  readonly code = "HOSTAWAY_NOT_FOUND";
  readonly errorType = "not_found";
  readonly isRetryable = false;
  readonly status: number | undefined;

  constructor(details: HostawayErrorDetails & { status?: number }) {
    super(details);
    this.status = details.status;
  }
}

/**
 * Hostaway refused the request (another 4xx, or `status: "fail"` with any HTTP status, REFERENCE.md §5), or the
 * caller passed an argument the client rejects before sending (then `status` is undefined).
 */
export class HostawayValidationError extends HostawayError {
  override readonly name = "HostawayValidationError";
  readonly code: string;
  readonly errorType = "validation_error";
  readonly isRetryable = false;
  readonly status: number | undefined;

  constructor(details: HostawayErrorDetails & { status?: number; code?: string }) {
    super(details);
    this.status = details.status;
    this.code = details.code ?? "HOSTAWAY_VALIDATION_FAILED";
  }
}

/** HTTP 429 (REFERENCE.md §4). `retryAfterMs` comes from a `Retry-After` header when Hostaway sends one. */
export class HostawayRateLimitError extends HostawayError {
  override readonly name = "HostawayRateLimitError";
  readonly code = "HOSTAWAY_RATE_LIMITED";
  readonly errorType = "rate_limit";
  readonly isRetryable = true;
  readonly status = 429;
  readonly retryAfterMs: number | undefined;

  constructor(details: HostawayErrorDetails & { retryAfterMs?: number }) {
    super(details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** An attempt outlived `timeoutMs`, or the call outlived `deadlineMs`. */
export class HostawayTimeoutError extends HostawayError {
  override readonly name = "HostawayTimeoutError";
  readonly code = "HOSTAWAY_TIMEOUT";
  readonly errorType = "timeout";
  readonly isRetryable = true;
  /** Whether a request had left for Hostaway when time ran out. */
  readonly sent: boolean;

  constructor(details: HostawayErrorDetails & { sent: boolean }) {
    super(details);
    this.sent = details.sent;
  }
}

/** The caller's `AbortSignal` fired. */
export class HostawayAbortError extends HostawayError {
  override readonly name = "HostawayAbortError";
  readonly code = "HOSTAWAY_ABORTED";
  /** `timeout` when the signal came from `AbortSignal.timeout()`, `internal_error` for any other cancellation. */
  readonly errorType: HostawayErrorType;
  readonly isRetryable = false;
  /** Whether a request had left for Hostaway before the abort (a write may then have happened). */
  readonly sent: boolean;

  constructor(details: HostawayErrorDetails & { sent: boolean; reason?: unknown }) {
    super(details);
    this.sent = details.sent;
    this.errorType = isTimeoutReason(details.reason) ? "timeout" : "internal_error";
  }
}

/** The connection failed (reset, refused, DNS…) before a response arrived. */
export class HostawayNetworkError extends HostawayError {
  override readonly name = "HostawayNetworkError";
  readonly code = "HOSTAWAY_NETWORK_ERROR";
  readonly errorType = "upstream_error";
  readonly isRetryable = true;
  /** The system error code, e.g. `ECONNRESET`. */
  readonly networkCode: string | undefined;

  constructor(details: HostawayErrorDetails & { networkCode?: string }) {
    super(details);
    this.networkCode = details.networkCode;
  }
}

/** Hostaway answered with a 5xx, an unexpected status, or a body that is not JSON. */
export class HostawayUpstreamError extends HostawayError {
  override readonly name = "HostawayUpstreamError";
  readonly code: string;
  readonly errorType = "upstream_error";
  readonly isRetryable: boolean;
  readonly status: number;

  constructor(details: HostawayErrorDetails & { status: number; code?: string; isRetryable?: boolean }) {
    super(details);
    this.status = details.status;
    this.code = details.code ?? "HOSTAWAY_UPSTREAM_ERROR";
    this.isRetryable = details.isRetryable ?? details.status >= 500;
  }
}

/** A response did not match the tolerant schema. `issues` lists where, never the body's values. */
export class HostawayResponseValidationError extends HostawayError {
  override readonly name = "HostawayResponseValidationError";
  readonly code = "HOSTAWAY_RESPONSE_INVALID";
  readonly errorType = "upstream_error";
  readonly isRetryable = false;
  readonly issues: readonly z.core.$ZodIssue[];

  constructor(details: HostawayErrorDetails & { issues: readonly z.core.$ZodIssue[] }) {
    super(details);
    this.issues = details.issues;
  }
}

function isTimeoutReason(reason: unknown): boolean {
  return (
    typeof reason === "object" && reason !== null && (reason as { name?: unknown }).name === "TimeoutError"
  );
}
