import type { ErrorType } from "@hostaway-mcp/domain-models";

/** Why an item's signal aborted: its own timeout, the batch deadline, or the caller's cancellation. */
export type StopCause = "item_timeout" | "deadline" | "cancelled";

export interface ItemSuccess<T> {
  ok: true;
  value: T;
}

export interface ItemFailure {
  ok: false;
  /** The worker's error (never emitted as is: only its classification and a redacted message). */
  error: unknown;
  errorType: ErrorType;
  /** No request for this item left the client (never started, or still queued when it was stopped). */
  notAttempted: boolean;
  /** Set when the item ended because one of its signals aborted. */
  stopCause: StopCause | undefined;
}

export type ItemOutcome<T> = ItemSuccess<T> | ItemFailure;
