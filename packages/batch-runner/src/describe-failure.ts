import type { BatchFailure } from "@hostaway-mcp/domain-models";
import {
  DEFAULT_RATE_LIMIT_WAIT_MS,
  describeError,
  TIMEOUT_RETRY_WAIT_MS,
  UPSTREAM_RETRY_WAIT_MS,
} from "@hostaway-mcp/hostaway-client";
import { defaultNotFoundHint } from "./batch-options.js";
import type { ItemFailure, StopCause } from "./item-outcome.js";
import type { BatchItemId } from "./types.js";

// The waits the client's describer suggests (REFERENCE.md §4: a full 10 s window helps a rate limit), in seconds.
const defaultRateLimitWaitSeconds = DEFAULT_RATE_LIMIT_WAIT_MS / 1000;
const timeoutRetrySeconds = TIMEOUT_RETRY_WAIT_MS / 1000;
const upstreamRetrySeconds = UPSTREAM_RETRY_WAIT_MS / 1000;

export interface FailureContext {
  /** How messages name the item ("property 42"). */
  label: string;
  notFoundHint: string;
  /** Every id of the batch worth retrying (rate limits, timeouts, not attempted), in input order. */
  retryIds: readonly BatchItemId[];
  /** Longest rate-limit wait in this batch (0 when none), so ids retried together do not hit it again. */
  batchRateLimitWaitSeconds: number;
  itemTimeoutMs: number | undefined;
  deadlineMs: number | undefined;
  /** How to retry, after "Retry in N s; ". Default: `ids to retry: <retryIds>`. */
  retryStep?: string | undefined;
}

export interface ItemFailureOptions {
  /** How messages name the item, e.g. `booking 42`. Default: `item <id>`. */
  label?: string;
  /** The next step of a not-found remediation. Default: "check that the id exists in this Hostaway account". */
  notFoundHint?: string;
  /** How to retry, e.g. "search again with booking_id 42". Default: `ids to retry: <id>`. */
  retryStep?: string;
}

/**
 * The wire `BatchFailure` for one item that failed outside `runBatch` (message-timeline's search reads bookings
 * itself): the same classification, message and remediation a batch gives, so every answer words failures alike.
 */
export function describeItemFailure(
  id: BatchItemId,
  error: unknown,
  options: ItemFailureOptions = {},
): BatchFailure {
  const errorType = describeError(error).error_type;
  // A request the client's own deadline caught in its limiter queue was never sent (`sent: false`).
  const notAttempted = errorType === "timeout" && (error as { sent?: unknown } | null)?.sent === false;
  const failure: ItemFailure = { ok: false, error, errorType, notAttempted, stopCause: undefined };
  const rateLimitWait = errorType === "rate_limit" ? rateLimitWaitSeconds(error) : 0;
  return describeFailure(id, failure, {
    label: options.label ?? `item ${id}`,
    notFoundHint: options.notFoundHint ?? defaultNotFoundHint,
    retryIds: [id],
    batchRateLimitWaitSeconds: rateLimitWait,
    itemTimeoutMs: undefined,
    deadlineMs: undefined,
    retryStep: options.retryStep,
  });
}

/** The wire `BatchFailure` for one failed item: a redacted message and a remediation naming the next step. */
export function describeFailure(
  id: BatchItemId,
  failure: ItemFailure,
  context: FailureContext,
): BatchFailure {
  const retryAfterSeconds = retryAfterSecondsFor(failure, context.batchRateLimitWaitSeconds);
  return {
    item_id: String(id),
    error_type: failure.errorType,
    error_message: errorMessageFor(failure, context),
    remediation: remediationFor(failure, context, retryAfterSeconds),
    retry_after_seconds: retryAfterSeconds,
  };
}

/** Seconds from the client's `retryAfterMs` (rate-limit errors), when it gave one. */
export function rateLimitWaitSeconds(error: unknown): number {
  const retryAfterMs = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  if (typeof retryAfterMs === "number" && Number.isFinite(retryAfterMs) && retryAfterMs >= 0) {
    return Math.max(1, Math.ceil(retryAfterMs / 1000));
  }
  return defaultRateLimitWaitSeconds;
}

function retryAfterSecondsFor(failure: ItemFailure, batchWait: number): number | null {
  if (failure.notAttempted) {
    // Queued too long behind the limiter: wait for a window to free up; otherwise it can go at once.
    const queued = failure.stopCause !== "deadline" && failure.stopCause !== "cancelled";
    const ownWait = queued ? defaultRateLimitWaitSeconds : 0;
    return Math.max(batchWait, ownWait);
  }
  switch (failure.errorType) {
    case "rate_limit":
      return rateLimitWaitSeconds(failure.error);
    case "timeout":
      return Math.max(batchWait, timeoutRetrySeconds);
    case "upstream_error":
      return upstreamRetrySeconds;
    default:
      return null;
  }
}

function errorMessageFor(failure: ItemFailure, context: FailureContext): string {
  const label = capitalise(context.label);
  if (failure.notAttempted) return `${label} was not attempted: ${stopPhrase(failure.stopCause, context)}.`;
  if (failure.stopCause !== undefined)
    return `${label} got no answer: ${stopPhrase(failure.stopCause, context)}.`;
  const reason = describeError(failure.error).message;
  return `${label}: ${reason}${/[.!?…]$/.test(reason) ? "" : "."}`;
}

/** Why an item stopped, as a phrase ("the 2 s batch deadline passed"); shared with the batch's note. */
export function stopPhrase(
  cause: StopCause | undefined,
  context: Pick<FailureContext, "itemTimeoutMs" | "deadlineMs">,
): string {
  switch (cause) {
    case undefined:
      return "the client's time limit passed while it waited for a free upstream slot";
    case "item_timeout":
      return `the ${seconds(context.itemTimeoutMs)} item timeout passed`;
    case "deadline":
      return `the ${seconds(context.deadlineMs)} batch deadline passed`;
    case "cancelled":
      return "the request was cancelled";
  }
}

function remediationFor(failure: ItemFailure, context: FailureContext, retryAfter: number | null): string {
  const label = context.label;
  const retry = `Retry ${when(retryAfter)}; ${context.retryStep ?? `ids to retry: ${context.retryIds.join(", ")}`}.`;
  if (failure.notAttempted) {
    const why =
      failure.stopCause === "deadline" || failure.stopCause === "cancelled"
        ? `${stopPhrase(failure.stopCause, context)} before its request was sent`
        : "its time limit passed while it waited for a free upstream slot (Hostaway allows 15 requests per 10 s)";
    return `${capitalise(label)} was not attempted: ${why}. Nothing was read; it is safe to retry. ${retry}`;
  }
  switch (failure.errorType) {
    case "not_found":
      return `${capitalise(label)} does not exist. Check the id; ${context.notFoundHint}.`;
    case "unauthorized":
      return `Hostaway refused the credentials while reading ${label}. Check the account id and secret key (and that the key is active), then retry.`;
    case "validation_error":
      return `The request for ${label} was rejected as invalid. Check that the id is a positive integer Hostaway id; retrying unchanged will fail again.`;
    case "rate_limit":
      return `Hostaway's rate limit (15 requests per 10 s per IP, 20 per account) stopped ${label}. ${retry}`;
    case "timeout":
      return `${capitalise(label)} timed out before Hostaway answered. ${retry}`;
    case "upstream_error":
      return `Hostaway failed while answering for ${label} (a server or network error). Retry later, ${when(retryAfter)}.`;
    default:
      return `An unexpected internal error stopped ${label}. Retry once; if it fails again, report it with this message.`;
  }
}

function when(retryAfterSeconds: number | null): string {
  return retryAfterSeconds ? `in ${retryAfterSeconds} s` : "now";
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? "configured" : `${Number((ms / 1000).toFixed(3))} s`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
