import { describe, expect, it } from "vitest";
import { type NotAttemptedItem, notAttemptedNote } from "./batch-note.js";
import type { StopCause } from "./item-outcome.js";

function notAttempted(
  id: number,
  stopCause: StopCause | undefined,
  retryAfter: number | null,
): NotAttemptedItem {
  return {
    id,
    failure: { ok: false, error: new Error("stopped"), errorType: "timeout", notAttempted: true, stopCause },
    described: {
      item_id: String(id),
      error_type: "timeout",
      error_message: `Item ${id} was not attempted.`,
      remediation: "Safe to retry.",
      retry_after_seconds: retryAfter,
    },
  };
}

const limits = { itemTimeoutMs: 2_000, deadlineMs: 30_000 };

describe("notAttemptedNote", () => {
  it("is null when every item was attempted", () => {
    expect(notAttemptedNote([], 10, limits)).toBeNull();
  });

  it("names each distinct reason once, every id, and the longest wait", () => {
    const note = notAttemptedNote(
      [
        notAttempted(7, undefined, 10),
        notAttempted(8, "deadline", 0),
        notAttempted(9, "deadline", 0),
        notAttempted(12, "item_timeout", null),
      ],
      20,
      limits,
    );
    expect(note).toBe(
      "4 of 20 items were not attempted (the client's time limit passed while it waited for a free upstream " +
        "slot; the 30 s batch deadline passed; the 2 s item timeout passed): no request was sent for ids " +
        "7, 8, 9, 12. They are listed in `failed_items` and are safe to retry in 10 s.",
    );
  });

  it("says the limit is unknown rather than inventing one", () => {
    expect(
      notAttemptedNote([notAttempted(1, "deadline", 0)], 1, {
        itemTimeoutMs: undefined,
        deadlineMs: undefined,
      }),
    ).toContain("(the configured batch deadline passed)");
  });
});
