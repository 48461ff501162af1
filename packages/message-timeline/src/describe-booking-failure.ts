import { type BatchFailure, type ErrorType, ErrorTypeSchema } from "@hostaway-mcp/domain-models";

// REFERENCE.md §4: the windows are 10 s long and no Retry-After header is documented, so a full window is the
// wait that is sure to help when the client gave no delay.
const RATE_LIMIT_WAIT_SECONDS = 10;
/** A request that timed out: a short pause before retrying. */
const TIMEOUT_RETRY_SECONDS = 5;
/** 5xx or unreadable answers: Hostaway is struggling, retrying at once rarely helps. */
const UPSTREAM_RETRY_SECONDS = 30;

/**
 * The failure category of an error, as batch-runner classifies it: the error's own `errorType` when it carries a
 * known one (every `HostawayError` of the client does), otherwise `internal_error` (a bug, not Hostaway's answer).
 */
export function classifyFailure(error: unknown): ErrorType {
  const errorType = (error as { errorType?: unknown } | null)?.errorType;
  const parsed = ErrorTypeSchema.safeParse(errorType);
  return parsed.success ? parsed.data : "internal_error";
}

/** The wire failure for a booking whose messages could not be read: what happened and what to do next. */
export function describeBookingFailure(bookingId: number, error: unknown): BatchFailure {
  const errorType = classifyFailure(error);
  const retryAfterSeconds = retryAfterFor(errorType, error);
  return {
    item_id: String(bookingId),
    error_type: errorType,
    error_message: messageFor(bookingId, errorType, error),
    remediation: remediationFor(bookingId, errorType, retryAfterSeconds),
    retry_after_seconds: retryAfterSeconds,
  };
}

function retryAfterFor(errorType: ErrorType, error: unknown): number | null {
  switch (errorType) {
    case "rate_limit": {
      const retryAfterMs = (error as { retryAfterMs?: unknown }).retryAfterMs;
      return typeof retryAfterMs === "number" && Number.isFinite(retryAfterMs) && retryAfterMs >= 0
        ? Math.max(1, Math.ceil(retryAfterMs / 1000))
        : RATE_LIMIT_WAIT_SECONDS;
    }
    case "timeout":
      return TIMEOUT_RETRY_SECONDS;
    case "upstream_error":
      return UPSTREAM_RETRY_SECONDS;
    default:
      return null;
  }
}

function messageFor(bookingId: number, errorType: ErrorType, error: unknown): string {
  // Only errors that carry an errorType (the client's) have messages vetted to hold no secret or contact data;
  // anything else is described by its class name alone.
  if (errorType !== "internal_error" && error instanceof Error && error.message !== "") {
    return `Booking ${bookingId}: ${error.message}`;
  }
  const name = error instanceof Error ? error.name : typeof error;
  return `Booking ${bookingId}: its messages could not be read (unexpected ${name}).`;
}

function remediationFor(bookingId: number, errorType: ErrorType, retryAfterSeconds: number | null): string {
  const retry = `search again with booking_id ${bookingId}`;
  switch (errorType) {
    case "not_found":
      return `Booking ${bookingId} does not exist in this Hostaway account: check the booking id (search bookings by guest name or dates to find it).`;
    case "unauthorized":
      return "Hostaway rejected the credentials: check the account id and API secret, then retry.";
    case "rate_limit":
      return `Hostaway's rate limit was reached: wait ${retryAfterSeconds} s, then ${retry}.`;
    case "timeout":
      return `Hostaway did not answer in time: wait ${retryAfterSeconds} s, then ${retry}.`;
    case "upstream_error":
      return `Hostaway failed or sent an unreadable answer: wait ${retryAfterSeconds} s, then ${retry}.`;
    case "validation_error":
      return `Hostaway rejected the request for booking ${bookingId}: check the booking id.`;
    default:
      return `An unexpected error occurred while reading booking ${bookingId}: ${retry} once, and report the problem if it persists.`;
  }
}
