import { type HostawayError, HostawayRateLimitError } from "./errors.js";

export interface RetryOptions {
  /** Attempts per call, the first included. `1` turns retries off. Default 4. */
  maxAttempts?: number;
  /** Backoff before the n-th retry is drawn from [0, min(maxDelayMs, baseDelayMs · 2^(n-1))]. Default 1000. */
  baseDelayMs?: number;
  /** Ceiling of one backoff. Default 20 000. */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this is not waited for: the rate-limit error is thrown instead. Default 60 000. */
  maxRetryAfterMs?: number;
  /** Source of jitter in [0, 1); injectable for deterministic tests. Default `Math.random`. */
  random?: () => number;
}

export interface RetryPolicy {
  /**
   * How long to wait before retrying after `attempt` (1-based) failed with `error`, or `undefined` when the call
   * should give up. Whether the request may be replayed at all (GET, not POST) is the transport's decision.
   */
  delayBeforeRetry(attempt: number, error: HostawayError): number | undefined;
}

/** Upstream answers that are retried once only (REFERENCE.md §5: `fail` with any HTTP code; unreadable bodies). */
const RETRIED_ONCE: ReadonlySet<string> = new Set(["HOSTAWAY_MALFORMED_RESPONSE", "HOSTAWAY_FAIL_STATUS"]);

export function createRetryPolicy(options: RetryOptions = {}): RetryPolicy {
  const maxAttempts = positiveInteger("retry.maxAttempts", options.maxAttempts ?? 4);
  const baseDelayMs = nonNegative("retry.baseDelayMs", options.baseDelayMs ?? 1000);
  const maxDelayMs = nonNegative("retry.maxDelayMs", options.maxDelayMs ?? 20_000);
  const maxRetryAfterMs = nonNegative("retry.maxRetryAfterMs", options.maxRetryAfterMs ?? 60_000);
  const random = options.random ?? Math.random;

  return {
    delayBeforeRetry(attempt, error) {
      if (!error.isRetryable || attempt >= maxAttempts) return undefined;
      // A garbled body or an HTTP-200 "fail" may be a one-off: worth one more look, not more.
      if (RETRIED_ONCE.has(error.code) && attempt > 1) return undefined;
      const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
      if (error instanceof HostawayRateLimitError) {
        // The server said when: wait that long, unless it is longer than we are willing to wait.
        if (error.retryAfterMs !== undefined) {
          return error.retryAfterMs > maxRetryAfterMs ? undefined : error.retryAfterMs;
        }
        // Hostaway documents no Retry-After (REFERENCE.md §4). "Equal jitter" keeps a floor, so a full window
        // (likely shared with another process) is not hit again at once.
        return ceiling / 2 + random() * (ceiling / 2);
      }
      // "Full jitter" for 5xx, timeouts and resets: spreads the retries of many callers out.
      return random() * ceiling;
    },
  };
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a whole number ≥ 1, got ${value}`);
  return value;
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`${name} must be a number ≥ 0, got ${value}`);
  return value;
}
