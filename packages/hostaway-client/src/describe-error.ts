import type { ErrorType } from "@hostaway-mcp/domain-models";
import {
  HostawayAbortError,
  HostawayAuthError,
  HostawayError,
  HostawayNetworkError,
  HostawayRateLimitError,
  HostawayResponseValidationError,
  HostawayUpstreamError,
  HostawayValidationError,
} from "./errors.js";
import { redactText } from "./redact.js";

/** Any failure in words every edge can use; each edge adds only its own next step (a tool name, a route). */
export interface ErrorDescription {
  error_type: ErrorType;
  /**
   * A short reason without a trailing period, e.g. `not found in Hostaway (HTTP 404)`. Never the upstream
   * method and path, never Hostaway's own text, never a secret or a guest's contact data.
   */
  message: string;
  /** Whether the same call may succeed later, unchanged. */
  retryable: boolean;
  /** How long to wait before that retry, when waiting helps; null otherwise. */
  retry_after_ms: number | null;
  /** The caller's own cancellation (its signal fired): nobody is waiting for an answer. */
  cancelled: boolean;
  /** For bad input: each field and what it allows (at most 10). */
  issues: Array<{ field: string; message: string }>;
}

// REFERENCE.md §4: Hostaway's windows are 10 s long and no Retry-After header is documented, so without one a
// full window is the wait that is sure to help.
export const DEFAULT_RATE_LIMIT_WAIT_MS = 10_000;
/** A request that timed out upstream: a short pause before trying again. */
export const TIMEOUT_RETRY_WAIT_MS = 5_000;
/** 5xx and network failures: Hostaway is struggling, and retrying at once rarely helps. */
export const UPSTREAM_RETRY_WAIT_MS = 30_000;

const MAX_ISSUES = 10;

/**
 * The one place an error becomes an answer: the client's errors by class, zod errors (bad input, naming each
 * field), the toolkit's own errors that carry an `errorType` (a batch worker's `BatchItemError`, message-timeline's
 * `TimelineValidationError`), aborts and timeouts, and anything else as an internal error.
 */
export function describeError(error: unknown): ErrorDescription {
  if (HostawayError.isInstance(error)) return describeClientError(error);
  if (isZodError(error)) {
    const issues = error.issues.slice(0, MAX_ISSUES).map((issue) => ({
      field: issue.path?.length ? issue.path.map(String).join(".") : "(input)",
      message: redactText(issue.message ?? "invalid"),
    }));
    return validation(
      `invalid input (${issues.map(({ field, message }) => `${field}: ${message}`).join("; ")})`,
      issues,
    );
  }
  const own = ownErrorType(error);
  if (own !== undefined) {
    const message = redactText(withoutRequestPrefix((error as Error).message));
    if (own === "validation_error") return validation(message, ownIssues(error));
    return { ...base(own, message), retryable: own === "rate_limit" || own === "timeout" };
  }
  const name = errorName(error);
  if (name === "TimeoutError") return timeout("no answer came in time");
  if (name === "AbortError") return { ...base("timeout", "the request was cancelled"), cancelled: true };
  if (error instanceof Error) {
    return base(
      "internal_error",
      redactText(`${error.name}: ${withoutRequestPrefix(error.message || "(no message)")}`),
    );
  }
  return base("internal_error", `failed with a non-error value (${typeof error})`);
}

function describeClientError(error: HostawayError): ErrorDescription {
  const status = (error as { status?: unknown }).status;
  const http = typeof status === "number" ? ` (HTTP ${status})` : "";
  if (HostawayAbortError.isInstance(error)) {
    return {
      ...base(error.errorType === "timeout" ? "timeout" : "internal_error", "the request was cancelled"),
      cancelled: true,
    };
  }
  switch (error.errorType) {
    case "not_found":
      return base("not_found", `not found in Hostaway${http}`);
    case "unauthorized":
      // REFERENCE.md §2: the token request is where the account id and secret are checked.
      return base(
        "unauthorized",
        HostawayAuthError.isInstance(error) && error.path === "/accessTokens"
          ? `Hostaway rejected the account id or secret key${http}`
          : `Hostaway refused access${http}`,
      );
    case "validation_error":
      // An argument the client refused before sending: its text is ours and names the field, never the value.
      if (
        HostawayValidationError.isInstance(error) &&
        (error.code === "HOSTAWAY_INVALID_ARGUMENT" || error.status === undefined)
      ) {
        return validation(redactText(withoutRequestPrefix(error.message)), []);
      }
      return validation(`Hostaway rejected the request as invalid${http}`, []);
    case "rate_limit": {
      const wait = HostawayRateLimitError.isInstance(error) ? error.retryAfterMs : undefined;
      return {
        ...base("rate_limit", `Hostaway's rate limit was reached${http}`),
        retryable: true,
        retry_after_ms: wait ?? DEFAULT_RATE_LIMIT_WAIT_MS,
      };
    }
    case "timeout":
      return timeout("Hostaway did not answer in time");
    default:
      return {
        ...base(error.errorType, upstreamReason(error, http)),
        retryable: error.isRetryable,
        retry_after_ms: error.isRetryable ? UPSTREAM_RETRY_WAIT_MS : null,
      };
  }
}

function upstreamReason(error: HostawayError, http: string): string {
  if (HostawayNetworkError.isInstance(error)) {
    return `the connection to Hostaway failed${error.networkCode ? ` (${error.networkCode})` : ""}`;
  }
  if (HostawayResponseValidationError.isInstance(error))
    return "Hostaway's answer did not have the expected shape";
  if (HostawayUpstreamError.isInstance(error)) {
    if (error.code === "HOSTAWAY_MALFORMED_RESPONSE") return `Hostaway sent an unreadable answer${http}`;
    if (error.code === "HOSTAWAY_FAIL_STATUS")
      return `Hostaway answered "fail" without an error status${http}`;
  }
  return `Hostaway failed${http}`;
}

function base(errorType: ErrorType, message: string): ErrorDescription {
  return {
    error_type: errorType,
    message,
    retryable: false,
    retry_after_ms: null,
    cancelled: false,
    issues: [],
  };
}

function validation(message: string, issues: ErrorDescription["issues"]): ErrorDescription {
  return { ...base("validation_error", message), issues };
}

function timeout(message: string): ErrorDescription {
  return { ...base("timeout", message), retryable: true, retry_after_ms: TIMEOUT_RETRY_WAIT_MS };
}

const ERROR_TYPES: ReadonlySet<string> = new Set<ErrorType>([
  "not_found",
  "unauthorized",
  "validation_error",
  "rate_limit",
  "timeout",
  "upstream_error",
  "internal_error",
]);

/** The `errorType` of the toolkit's own errors (defined in packages above this one), when it is one of ours. */
function ownErrorType(error: unknown): ErrorType | undefined {
  if (!(error instanceof Error)) return undefined;
  const errorType = (error as { errorType?: unknown }).errorType;
  return typeof errorType === "string" && ERROR_TYPES.has(errorType) ? (errorType as ErrorType) : undefined;
}

/** `TimelineValidationError.issues` (`{ path, message }`), as field issues. */
function ownIssues(error: unknown): ErrorDescription["issues"] {
  const issues = (error as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return [];
  return issues
    .slice(0, MAX_ISSUES)
    .map((issue: { path?: PropertyKey[]; message?: string; field?: string }) => ({
      field: issue.field ?? (issue.path?.length ? issue.path.map(String).join(".") : "(input)"),
      message: redactText(issue.message ?? "invalid"),
    }));
}

/** Duck-typed, so it holds whichever zod copy (classic or core, any install) threw it. */
function isZodError(error: unknown): error is { issues: Array<{ path?: PropertyKey[]; message?: string }> } {
  return errorName(error) === "ZodError" && Array.isArray((error as { issues?: unknown }).issues);
}

function errorName(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const name = (error as { name?: unknown }).name;
  return typeof name === "string" ? name : undefined;
}

/** `GET /reservations/1: not found` → `not found`: the upstream method and path stay out of answers. */
export function withoutRequestPrefix(message: string): string {
  return message.replace(/^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \/\S*: /, "");
}
