import type { HostawayListing, HostawayReservation } from "@hostaway-mcp/domain-models";
import { HostawayAbortError } from "@hostaway-mcp/hostaway-client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { batchGetBookings } from "./batch-get-bookings.js";
import { batchGetProperties } from "./batch-get-properties.js";
import { DEFAULT_BATCH_DEADLINE_MS } from "./batch-options.js";
import { runBatch } from "./run-batch.js";
import type { BookingSource, PropertySource, SourceCallOptions } from "./sources.js";

/** A client call stuck in the limiter's queue: it settles only when its signal aborts, as "nothing was sent". */
function queuedForever(path: string, options: SourceCallOptions | undefined): Promise<never> {
  return new Promise((_resolve, reject) => {
    options?.signal?.addEventListener("abort", () =>
      reject(
        new HostawayAbortError({
          method: "GET",
          path,
          detail: "aborted",
          sent: false,
          reason: options.signal?.reason,
        }),
      ),
    );
  });
}

const stuckBookings: BookingSource = {
  reservations: {
    get: (id, options): Promise<HostawayReservation> => queuedForever(`/reservations/${id}`, options),
  },
};

const stuckListings: PropertySource = {
  listings: {
    list: (_query, options) => queuedForever("/listings", options),
    get: (id, options): Promise<HostawayListing> => queuedForever(`/listings/${id}`, options),
  },
};

/** Settles `promise` while fake time moves forward by `ms`; reports whether it settled. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  promise.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  await vi.advanceTimersByTimeAsync(ms);
  return settled;
}

describe("the default batch deadline", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is 45 s: room for 50 bookings at 15 requests per 10 s", () => {
    expect(DEFAULT_BATCH_DEADLINE_MS).toBe(45_000);
  });

  it.each([
    ["runBatch", () => runBatch([1, 2], (id, { signal }) => queuedForever(`/items/${id}`, { signal }))],
    ["batchGetBookings", () => batchGetBookings(stuckBookings, [1, 2])],
    ["batchGetProperties", () => batchGetProperties(stuckListings, [1, 2])],
  ])("%s without a deadlineMs answers after 45 s, every stuck item a timeout", async (_name, start) => {
    const pending = start();
    expect(await settlesWithin(pending, DEFAULT_BATCH_DEADLINE_MS - 1)).toBe(false);
    expect(await settlesWithin(pending, 1)).toBe(true);
    const response = await pending;
    expect(response.summary).toMatchObject({ total_attempted: 2, succeeded: 0, failed: 2 });
    expect(response.failed_items.map((failure) => failure.error_type)).toEqual(["timeout", "timeout"]);
    for (const failure of response.failed_items) {
      expect(failure.error_message).toMatch(/the 45 s batch deadline passed\.$/);
    }
  });

  it("reports the items still queued in the client at the default deadline as not attempted", async () => {
    const pending = batchGetBookings(stuckBookings, [1, 2]);
    await vi.advanceTimersByTimeAsync(DEFAULT_BATCH_DEADLINE_MS);
    expect((await pending).note).toBe(
      "2 of 2 items were not attempted (the 45 s batch deadline passed): no request was sent for ids 1, 2. " +
        "They are listed in `failed_items` and are safe to retry now.",
    );
  });

  it("deadlineMs: Infinity turns it off: only the caller's signal ends the batch", async () => {
    const controller = new AbortController();
    const pending = batchGetBookings(stuckBookings, [1], {
      deadlineMs: Number.POSITIVE_INFINITY,
      signal: controller.signal,
    });
    expect(await settlesWithin(pending, 10 * DEFAULT_BATCH_DEADLINE_MS)).toBe(false);
    controller.abort();
    const response = await pending;
    expect(response.failed_items[0]?.error_message).toBe(
      "Booking 1 was not attempted: the request was cancelled.",
    );
  });

  it("a deadlineMs of its own replaces it", async () => {
    const pending = batchGetBookings(stuckBookings, [1], { deadlineMs: 2_000 });
    expect(await settlesWithin(pending, 2_000)).toBe(true);
    expect((await pending).note).toMatch(/the 2 s batch deadline passed/);
  });

  it("0 is refused with the way to turn the deadline off", async () => {
    await expect(runBatch([1], async () => 1, { deadlineMs: 0 })).rejects.toThrow(
      "runBatch: deadlineMs must be a number of milliseconds from 1 to 2147483647, or Infinity for no deadline, got 0",
    );
  });
});
