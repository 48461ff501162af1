import {
  BatchFailureSchema,
  BatchSummarySchema,
  type PartialFailureResponse,
} from "@hostaway-mcp/domain-models";
import {
  HostawayAbortError,
  HostawayNotFoundError,
  HostawayRateLimitError,
  HostawayTimeoutError,
  HostawayUpstreamError,
} from "@hostaway-mcp/hostaway-client";
import { describe, expect, it, vi } from "vitest";
import { runBatch } from "./run-batch.js";
import type { BatchWorker } from "./types.js";

const request = (id: number) => ({ method: "GET" as const, path: `/reservations/${id}` });

/** The promise of the package, checked on every answer a test sees. */
function expectAccounted<T>(response: PartialFailureResponse<T>, distinctIds: number): void {
  const { summary } = response;
  expect(BatchSummarySchema.parse(summary)).toEqual(summary);
  for (const failure of response.failed_items) expect(BatchFailureSchema.parse(failure)).toEqual(failure);
  expect(summary.total_attempted).toBe(distinctIds);
  expect(summary.succeeded + summary.failed).toBe(summary.total_attempted);
  expect(response.successful_results).toHaveLength(summary.succeeded);
  expect(response.failed_items).toHaveLength(summary.failed);
}

/** A worker that never settles unless its signal aborts, and then rejects like the client does. */
function hangingWorker(sent: boolean): BatchWorker<number, never> {
  return (id, { signal }) =>
    new Promise((_resolve, reject) => {
      signal.addEventListener("abort", () =>
        reject(new HostawayAbortError({ ...request(id), detail: "aborted", sent, reason: signal.reason })),
      );
    });
}

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe("runBatch", () => {
  it("keeps the input order whatever order the items finish in", async () => {
    const ids = [5, 3, 9, 1, 7];
    const response = await runBatch(ids, async (id) => {
      await tick(10 - id); // higher ids finish first
      return { id };
    });
    expect(response.successful_results.map((item) => item.id)).toEqual(ids);
    expectAccounted(response, 5);
    expect(response.summary.success_rate).toBe(1);
  });

  it("runs and answers a duplicate id once, at its first position", async () => {
    const worker = vi.fn(async (id: number | string) => ({ id }));
    const response = await runBatch([4, 2, 4, "2", 8, 4], worker);
    expect(worker).toHaveBeenCalledTimes(3);
    expect(worker.mock.calls.map(([id]) => id)).toEqual([4, 2, 8]);
    expect(response.successful_results.map((item) => item.id)).toEqual([4, 2, 8]);
    expectAccounted(response, 3);
  });

  it("answers an empty batch with zero counts", async () => {
    const response = await runBatch([], async () => "never");
    expect(response).toEqual({
      successful_results: [],
      failed_items: [],
      summary: { total_attempted: 0, succeeded: 0, failed: 0, success_rate: 0 },
      note: null,
    });
  });

  it("keeps going when items fail, and never lets one failure cancel another", async () => {
    const signals: AbortSignal[] = [];
    const response = await runBatch(
      [1, 2, 3, 4],
      async (id, { signal }) => {
        signals.push(signal);
        if (id === 2) throw new HostawayNotFoundError({ ...request(id), detail: "not found", status: 404 });
        await tick(5);
        return id * 10;
      },
      { describeItem: (id) => `booking ${id}` },
    );
    expect(response.successful_results).toEqual([10, 30, 40]);
    expect(signals.some((signal) => signal.aborted)).toBe(false);
    expect(response.failed_items).toEqual([
      {
        item_id: "2",
        error_type: "not_found",
        error_message: "Booking 2: not found in Hostaway (HTTP 404).",
        remediation: expect.stringContaining("Booking 2 does not exist. Check the id;"),
        retry_after_seconds: null,
      },
    ]);
    expectAccounted(response, 4);
    expect(response.note).toBeNull(); // every item was attempted: the answer is complete
  });

  it("classifies a rate limit, a timeout and a 5xx, and names the ids to retry with the wait", async () => {
    const ids = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const response = await runBatch(
      ids,
      async (id) => {
        if (id === 3)
          throw new HostawayRateLimitError({ ...request(id), detail: "rate limited", retryAfterMs: 7_200 });
        if (id === 6)
          throw new HostawayTimeoutError({ ...request(id), detail: "timed out after 1000 ms", sent: true });
        if (id === 9) throw new HostawayUpstreamError({ ...request(id), detail: "HTTP 503", status: 503 });
        return { id };
      },
      { describeItem: (id) => `booking ${id}` },
    );
    expect(response.successful_results.map((item) => item.id)).toEqual([1, 2, 4, 5, 7, 8, 10]);
    expectAccounted(response, 10);
    const [rateLimited, timedOut, upstream] = response.failed_items;
    expect(rateLimited).toMatchObject({ item_id: "3", error_type: "rate_limit", retry_after_seconds: 8 });
    expect(rateLimited?.remediation).toContain("Retry in 8 s; ids to retry: 3, 6.");
    // A timeout retried with the rate-limited id waits as long, or it would hit the same limit.
    expect(timedOut).toMatchObject({ item_id: "6", error_type: "timeout", retry_after_seconds: 8 });
    expect(timedOut?.remediation).toContain("Booking 6 timed out before Hostaway answered.");
    expect(timedOut?.remediation).toContain("ids to retry: 3, 6.");
    expect(upstream).toMatchObject({ item_id: "9", error_type: "upstream_error", retry_after_seconds: 30 });
    expect(upstream?.remediation).toContain("Retry later, in 30 s.");
    expect(response.summary).toEqual({ total_attempted: 10, succeeded: 7, failed: 3, success_rate: 0.7 });
  });

  it("gives every item a signal of its own, and its own timeout", async () => {
    const response = await runBatch(
      [1, 2, 3],
      async (id, { signal }) => {
        if (id === 2) return hangingWorker(true)(id, { signal, batchSignal: signal });
        return id;
      },
      { itemTimeoutMs: 20, describeItem: (id) => `property ${id}` },
    );
    expect(response.successful_results).toEqual([1, 3]);
    expect(response.failed_items).toEqual([
      {
        item_id: "2",
        error_type: "timeout",
        error_message: "Property 2 got no answer: the 0.02 s item timeout passed.",
        remediation: "Property 2 timed out before Hostaway answered. Retry in 5 s; ids to retry: 2.",
        retry_after_seconds: 5,
      },
    ]);
    expectAccounted(response, 3);
    expect(response.note).toBeNull(); // its request was sent, so it was attempted
  });

  it("reports an item still queued in the client when its own timeout fires as not attempted", async () => {
    const response = await runBatch([1], hangingWorker(false), { itemTimeoutMs: 10 });
    expect(response.failed_items[0]).toMatchObject({ error_type: "timeout", retry_after_seconds: 10 });
    expect(response.failed_items[0]?.error_message).toBe(
      "Item 1 was not attempted: the 0.01 s item timeout passed.",
    );
    expect(response.failed_items[0]?.remediation).toContain("waited for a free upstream slot");
    expect(response.failed_items[0]?.remediation).toContain("safe to retry");
    expect(response.note).toBe(
      "1 of 1 item was not attempted (the 0.01 s item timeout passed): no request was sent for ids 1. " +
        "They are listed in `failed_items` and are safe to retry in 10 s.",
    );
  });

  it("reports items that could not start before the deadline as not attempted, and keeps the finished ones", async () => {
    const ids = [1, 2, 3, 4, 5, 6];
    const started: number[] = [];
    const response = await runBatch(
      ids,
      async (id, { signal }) => {
        started.push(id);
        if (id <= 2) return id; // done before the deadline
        return hangingWorker(id === 3)(id, { signal, batchSignal: signal }); // 3 was sent, the others queued
      },
      { deadlineMs: 25, concurrency: 3, describeItem: (id) => `property ${id}` },
    );
    expect(response.successful_results).toEqual([1, 2]);
    expect(started).toEqual([1, 2, 3, 4, 5]); // 6 never started
    expectAccounted(response, 6);
    expect(response.failed_items.map((failure) => [failure.item_id, failure.error_type])).toEqual([
      ["3", "timeout"],
      ["4", "timeout"],
      ["5", "timeout"],
      ["6", "timeout"],
    ]);
    const [inFlight, queued, , neverStarted] = response.failed_items;
    expect(inFlight?.error_message).toBe("Property 3 got no answer: the 0.025 s batch deadline passed.");
    expect(queued?.error_message).toBe("Property 4 was not attempted: the 0.025 s batch deadline passed.");
    expect(neverStarted?.remediation).toBe(
      "Property 6 was not attempted: the 0.025 s batch deadline passed before its request was sent. " +
        "Nothing was read; it is safe to retry. Retry now; ids to retry: 3, 4, 5, 6.",
    );
    expect(neverStarted?.retry_after_seconds).toBe(0);
    // 3 was in flight, so only 4, 5 and 6 count as not attempted.
    expect(response.note).toBe(
      "3 of 6 items were not attempted (the 0.025 s batch deadline passed): no request was sent for ids 4, 5, 6. " +
        "They are listed in `failed_items` and are safe to retry now.",
    );
  });

  it("reports every item as not attempted when the caller aborts, without waiting for stuck workers", async () => {
    const controller = new AbortController();
    const ids = [1, 2, 3];
    // 1 ignores its signal entirely, 2 is queued in the client, 3 never starts (concurrency 2).
    const ignoresSignal: BatchWorker<number, number> = () => new Promise(() => {});
    const pending = runBatch(
      ids,
      (id, context) => (id === 1 ? ignoresSignal(id, context) : hangingWorker(false)(id, context)),
      { signal: controller.signal, concurrency: 2, abortGraceMs: 5 },
    );
    await tick(5);
    controller.abort(new Error("user pressed stop"));
    const response = await pending;
    expectAccounted(response, 3);
    expect(response.failed_items.map((failure) => failure.error_message)).toEqual([
      "Item 1 got no answer: the request was cancelled.",
      "Item 2 was not attempted: the request was cancelled.",
      "Item 3 was not attempted: the request was cancelled.",
    ]);
    expect(response.failed_items.every((failure) => failure.error_type === "timeout")).toBe(true);
    expect(response.note).toBe(
      "2 of 3 items were not attempted (the request was cancelled): no request was sent for ids 2, 3. " +
        "They are listed in `failed_items` and are safe to retry now.",
    );
  });

  it("starts nothing when the caller's signal is already aborted", async () => {
    const worker = vi.fn(async () => 1);
    const response = await runBatch([1, 2], worker, { signal: AbortSignal.abort() });
    expect(worker).not.toHaveBeenCalled();
    expect(response.summary).toMatchObject({ total_attempted: 2, failed: 2 });
    expect(response.failed_items[1]?.remediation).toContain("was not attempted");
  });

  it("keeps a worker's own answer when it settles during the grace after an abort", async () => {
    const response = await runBatch(
      [1, 2],
      (id, { signal }) =>
        new Promise((resolve, reject) => {
          signal.addEventListener("abort", () => {
            if (id === 1) resolve("finished anyway");
            else reject(new HostawayNotFoundError({ ...request(id), detail: "not found" }));
          });
        }),
      { deadlineMs: 5 },
    );
    expect(response.successful_results).toEqual(["finished anyway"]);
    expect(response.failed_items[0]?.error_type).toBe("not_found");
  });

  it("treats the client's own deadline passing on a queued request as not attempted", async () => {
    const response = await runBatch([1], async (id) => {
      throw new HostawayTimeoutError({ ...request(id), detail: "deadline passed", sent: false });
    });
    expect(response.failed_items[0]?.error_message).toBe(
      "Item 1 was not attempted: the client's time limit passed while it waited for a free upstream slot.",
    );
  });

  it("reports progress after each distinct item settles, and survives a throwing listener", async () => {
    const progress: Array<{ done: number; total: number }> = [];
    const response = await runBatch(
      [1, 2, 2, 3],
      async (id) => {
        if (id === 2) throw new Error("boom");
        return id;
      },
      {
        onProgress: (update) => {
          progress.push(update);
          throw new Error("listener bug");
        },
      },
    );
    expect(progress).toEqual([
      { done: 1, total: 3 },
      { done: 2, total: 3 },
      { done: 3, total: 3 },
    ]);
    expectAccounted(response, 3);
  });

  it("falls back to a neutral label when describeItem throws", async () => {
    const response = await runBatch(
      [1],
      async () => {
        throw new Error("nope");
      },
      {
        describeItem: () => {
          throw new Error("label bug");
        },
      },
    );
    expect(response.failed_items[0]?.error_message).toBe("Item 1: Error: nope.");
  });

  it("holds at most `concurrency` workers in flight", async () => {
    let inFlight = 0;
    let peak = 0;
    const response = await runBatch(
      Array.from({ length: 12 }, (_, index) => index + 1),
      async (id) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await tick(1);
        inFlight -= 1;
        return id;
      },
      { concurrency: 3 },
    );
    expect(peak).toBe(3);
    expect(response.summary.succeeded).toBe(12);
  });

  it("starts every item at once by default (the client's limiter does the pacing)", async () => {
    let inFlight = 0;
    let peak = 0;
    await runBatch(
      Array.from({ length: 50 }, (_, index) => index),
      async () => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await tick(1);
        inFlight -= 1;
      },
    );
    expect(peak).toBe(50);
  });

  it("gives 50 concurrent batches over overlapping ids exactly their own answers", async () => {
    // A shared fake upstream with random latency, like a client that dedupes identical GETs.
    const inFlight = new Map<number, Promise<{ id: number; name: string }>>();
    const fetchShared = (id: number) => {
      let pending = inFlight.get(id);
      if (!pending) {
        pending = tick((id * 7) % 5).then(() => {
          inFlight.delete(id);
          if (id % 13 === 0)
            throw new HostawayNotFoundError({ ...request(id), detail: "not found", status: 404 });
          return { id, name: `listing ${id}` };
        });
        inFlight.set(id, pending);
      }
      return pending;
    };
    const batches = Array.from({ length: 50 }, (_, batch) =>
      Array.from({ length: 10 }, (_, index) => ((batch * 3 + index * 7) % 40) + 1),
    );
    const responses = await Promise.all(batches.map((ids) => runBatch(ids, (id) => fetchShared(id))));
    responses.forEach((response, batch) => {
      const ids = [...new Set(batches[batch])];
      expectAccounted(response, ids.length);
      expect(response.successful_results.map((item) => item.id)).toEqual(ids.filter((id) => id % 13 !== 0));
      expect(response.successful_results.every((item) => item.name === `listing ${item.id}`)).toBe(true);
      expect(response.failed_items.map((failure) => failure.item_id)).toEqual(
        ids.filter((id) => id % 13 === 0).map(String),
      );
    });
  });

  it("rejects bad arguments with an error naming the argument", async () => {
    const worker = async () => 1;
    await expect(runBatch("1,2" as never, worker)).rejects.toThrow(
      'runBatch: ids must be an array, got "1,2"',
    );
    await expect(runBatch([1, null] as never, worker)).rejects.toThrow(
      "ids[1] must be a finite number or a non-empty string, got null",
    );
    await expect(runBatch([" "], worker)).rejects.toThrow("ids[0]");
    await expect(runBatch([1], "worker" as never)).rejects.toThrow("worker must be a function");
    await expect(runBatch([1], worker, null as never)).rejects.toThrow("options must be an object, got null");
    await expect(runBatch([1], worker, { itemTimeoutMs: 0 })).rejects.toThrow(
      "itemTimeoutMs must be a number of milliseconds from 1",
    );
    await expect(runBatch([1], worker, { deadlineMs: 3e9 })).rejects.toThrow(RangeError);
    await expect(runBatch([1], worker, { concurrency: 1.5 })).rejects.toThrow(
      "concurrency must be an integer ≥ 1 (or Infinity), got 1.5",
    );
    await expect(runBatch([1], worker, { signal: {} as never })).rejects.toThrow(
      "signal must be an AbortSignal, got object",
    );
    await expect(runBatch([1], worker, { onProgress: 3 as never })).rejects.toThrow(
      "onProgress must be a function, got 3",
    );
    await expect(runBatch([1], worker, { notFoundHint: "" })).rejects.toThrow(
      "notFoundHint must be a non-empty string",
    );
    await expect(runBatch([1], worker, { abortGraceMs: -1 })).rejects.toThrow("abortGraceMs");
  });
});
