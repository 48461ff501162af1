import type { BatchFailure } from "@hostaway-mcp/domain-models";
import { type FailureContext, stopPhrase } from "./describe-failure.js";
import type { ItemFailure } from "./item-outcome.js";
import type { BatchItemId } from "./types.js";

export interface NotAttemptedItem {
  id: BatchItemId;
  failure: ItemFailure;
  described: BatchFailure;
}

/**
 * The answer's `note`: null when every item was attempted. Otherwise it says how many items never sent a request
 * (the deadline or the caller's abort came first, or they waited too long for the client's limiter), that they are
 * listed in `failed_items`, and that they are safe to retry — the summary cannot say this, it only counts.
 */
export function notAttemptedNote(
  notAttempted: readonly NotAttemptedItem[],
  distinctIds: number,
  context: Pick<FailureContext, "itemTimeoutMs" | "deadlineMs">,
): string | null {
  if (notAttempted.length === 0) return null;
  const reasons = [...new Set(notAttempted.map(({ failure }) => stopPhrase(failure.stopCause, context)))];
  const wait = Math.max(0, ...notAttempted.map(({ described }) => described.retry_after_seconds ?? 0));
  const count = notAttempted.length;
  const items = count === 1 ? "item was" : "items were";
  const ids = notAttempted.map(({ id }) => String(id)).join(", ");
  return (
    `${count} of ${distinctIds} ${items} not attempted (${reasons.join("; ")}): no request was sent for ids ` +
    `${ids}. They are listed in \`failed_items\` and are safe to retry ${wait > 0 ? `in ${wait} s` : "now"}.`
  );
}
