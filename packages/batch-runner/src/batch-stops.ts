import type { StopCause } from "./item-outcome.js";

// One reason object per cause, so the first signal to abort can be told apart by identity.
const deadlineReason = new DOMException("the batch deadline passed", "TimeoutError");
const itemTimeoutReason = new DOMException("the item timeout passed", "TimeoutError");

/** The signal every item shares: the batch deadline and the caller's abort. */
export class BatchStop {
  readonly signal: AbortSignal;
  readonly #deadline = new AbortController();
  readonly #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(deadlineMs: number | undefined, callerSignal: AbortSignal | undefined) {
    this.signal = callerSignal
      ? AbortSignal.any([callerSignal, this.#deadline.signal])
      : this.#deadline.signal;
    if (deadlineMs !== undefined && !this.signal.aborted) {
      this.#timer = setTimeout(() => this.#deadline.abort(deadlineReason), deadlineMs);
    }
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }
}

/**
 * One item's signal: the batch's, plus its own timeout, started when the item starts. Every item gets a signal of
 * its own even without a timeout (`AbortSignal.any` follows the batch's without adding a listener to it): the
 * listeners an item adds (`settleWithin`, `abortable`, the client's) then land on that signal, not 50 of them on
 * one shared signal, which Node reports as a leak past 10 (`MaxListenersExceededWarning`, the default before
 * Node 24 and whenever a caller sets a limit).
 */
export class ItemStop {
  readonly signal: AbortSignal;
  readonly #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(batchSignal: AbortSignal, itemTimeoutMs: number | undefined) {
    if (itemTimeoutMs === undefined) {
      this.signal = AbortSignal.any([batchSignal]);
      return;
    }
    const timeout = new AbortController();
    this.signal = AbortSignal.any([batchSignal, timeout.signal]);
    this.#timer = setTimeout(() => timeout.abort(itemTimeoutReason), itemTimeoutMs);
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }
}

/** Which stop an aborted signal came from; anything that is not ours is the caller's cancellation. */
export function stopCauseOf(signal: AbortSignal): StopCause {
  if (signal.reason === deadlineReason) return "deadline";
  if (signal.reason === itemTimeoutReason) return "item_timeout";
  return "cancelled";
}
