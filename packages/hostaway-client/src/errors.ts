import type { ErrorType } from "@hostaway-mcp/domain-models";
import type { z } from "zod";
import type { HttpMethod } from "./http-method.js";
import { redactText } from "./redact.js";

/** The error taxonomy of `@hostaway-mcp/domain-models`; the servers map it to HTTP statuses and MCP results. */
export type HostawayErrorType = ErrorType;

export interface HostawayErrorDetails {
  method: HttpMethod;
  /** The request path without its query string, e.g. `/reservations/4711`. */
  path: string;
  /** What went wrong, already free of secrets and guest contact data. */
  detail: string;
  /** The lower-level failure, kept for debugging as a redacted summary (see `RedactedCause`). */
  cause?: unknown;
}

/** What an error's `cause` keeps of the failure underneath: its name, code and scrubbed message, never objects. */
export interface RedactedCause {
  name: string;
  code: string | undefined;
  message: string;
}

/** The marker of one error class: `Symbol.for`, so it is the same symbol in every installed copy of the package. */
function markerFor(className: string): symbol {
  return Symbol.for(`hostaway-mcp.error/${className}`);
}

/**
 * Base class of every error the client throws. Messages read `GET /reservations/4711: not found`: they name the
 * method and path and never carry the token, the secret, query values or response bodies.
 *
 * Each class has a marker of its own (`Symbol.for("hostaway-mcp.error/<Class>")`) that its instances and its
 * subclasses' instances carry, so `HostawayNotFoundError.isInstance(e)` holds for a not-found error from any
 * installed copy of this package (an `instanceof` check would fail across copies) and never for a sibling class.
 */
export abstract class HostawayError extends Error {
  static readonly marker: symbol = markerFor("HostawayError");
  /** A stable machine-readable code, e.g. `HOSTAWAY_NOT_FOUND`. */
  abstract readonly code: string;
  /** The shared error taxonomy (`ErrorType` of domain-models). */
  abstract readonly errorType: HostawayErrorType;
  /** Whether the same request may succeed when sent again later. */
  abstract readonly isRetryable: boolean;
  readonly method: HttpMethod;
  readonly path: string;

  constructor({ method, path, detail, cause }: HostawayErrorDetails) {
    super(`${method} ${path}: ${detail}`, cause === undefined ? undefined : { cause: redactCause(cause) });
    this.method = method;
    this.path = path;
    // Mark the instance with the marker of every class from its own up to HostawayError.
    for (let proto = new.target.prototype; proto !== Error.prototype; proto = Object.getPrototypeOf(proto)) {
      const marker = (proto.constructor as { marker?: unknown }).marker;
      if (typeof marker === "symbol") Object.defineProperty(this, marker, { value: true });
    }
  }

  /** True when `value` is an instance of this class (or a subclass), from any copy of the package. */
  static isInstance<Instance>(
    this: (abstract new (...args: never[]) => Instance) & { marker: symbol },
    value: unknown,
  ): value is Instance {
    return (
      typeof value === "object" &&
      value !== null &&
      // biome-ignore lint/complexity/noThisInStatic: `this` is the class isInstance is called on, its own marker.
      (value as Record<symbol, unknown>)[this.marker] === true
    );
  }
}

/** A failure underneath, reduced to text that cannot carry a request's headers, URL query or body. */
export function redactCause(cause: unknown): RedactedCause {
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return {
      name: cause.name,
      code: typeof code === "string" ? code : undefined,
      message: redactText(withoutUrls(cause.message)),
    };
  }
  return { name: typeof cause, code: undefined, message: "(not an Error)" };
}

/** URLs may carry query strings with ids, names or tokens; keep only their origin and path. */
function withoutUrls(text: string): string {
  return text.replace(/\bhttps?:\/\/[^\s?#"']+(\?[^\s#"']*)?/g, (url, query: string | undefined) =>
    query === undefined ? url : url.slice(0, url.length - query.length),
  );
}

/** The credentials were rejected, or a fresh token was rejected too (REFERENCE.md §2: 403 = invalid token). */
export class HostawayAuthError extends HostawayError {
  static override readonly marker: symbol = markerFor("HostawayAuthError");
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
  static override readonly marker: symbol = markerFor("HostawayNotFoundError");
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
  static override readonly marker: symbol = markerFor("HostawayValidationError");
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
  static override readonly marker: symbol = markerFor("HostawayRateLimitError");
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
  static override readonly marker: symbol = markerFor("HostawayTimeoutError");
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
  static override readonly marker: symbol = markerFor("HostawayAbortError");
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
  static override readonly marker: symbol = markerFor("HostawayNetworkError");
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
  static override readonly marker: symbol = markerFor("HostawayUpstreamError");
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
  static override readonly marker: symbol = markerFor("HostawayResponseValidationError");
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
