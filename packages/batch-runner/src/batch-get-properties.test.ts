import { ListingSchema } from "@hostaway-mcp/domain-models";
import {
  HostawayAuthError,
  HostawayRateLimitError,
  HostawayResponseValidationError,
  HostawayUpstreamError,
} from "@hostaway-mcp/hostaway-client";
import { describe, expect, it } from "vitest";
import { fakePropertySource, range } from "../test/fake-sources.js";
import { batchGetProperties } from "./batch-get-properties.js";

const listPath = { method: "GET" as const, path: "/listings" };

describe("batchGetProperties", () => {
  it("answers a 50-id batch from one index page when the account has fewer than 100 listings", async () => {
    const { source, calls } = fakePropertySource({ ids: range(1001, 36) });
    const ids = [...range(1001, 36), ...range(2001, 14)];
    const response = await batchGetProperties(source, ids);
    expect(calls).toEqual(["list offset=0"]);
    expect(response.successful_results.map((listing) => listing.id)).toEqual(range(1001, 36));
    for (const listing of response.successful_results) expect(ListingSchema.parse(listing)).toEqual(listing);
    expect(response.failed_items).toHaveLength(14);
    expect(response.failed_items[0]).toMatchObject({
      item_id: "2001",
      error_type: "not_found",
      retry_after_seconds: null,
    });
    expect(response.failed_items[0]?.error_message).toBe(
      "Property 2001: no listing with id 2001 among the account's 36 listings.",
    );
    expect(response.failed_items[0]?.remediation).toBe(
      "Property 2001 does not exist. Check the id; list the account's properties to find valid ids.",
    );
    expect(response.summary).toEqual({ total_attempted: 50, succeeded: 36, failed: 14, success_rate: 0.72 });
  });

  it("keeps the input order and answers duplicates once", async () => {
    const { source } = fakePropertySource({ ids: range(1, 40) });
    const response = await batchGetProperties(source, [30, 2, 30, 17, 2]);
    expect(response.successful_results.map((listing) => listing.id)).toEqual([30, 2, 17]);
    expect(response.summary.total_attempted).toBe(3);
  });

  it("fetches a single id directly (one request either way, and a smaller one)", async () => {
    const { source, calls } = fakePropertySource({ ids: range(1, 40) });
    const response = await batchGetProperties(source, [7, 7]);
    expect(calls).toEqual(["get 7"]);
    expect(response.successful_results.map((listing) => listing.id)).toEqual([7]);
  });

  it("walks the remaining index pages at once when they cost less than the single fetches", async () => {
    const { source, calls } = fakePropertySource({ ids: range(1, 250) });
    const response = await batchGetProperties(source, [5, 120, 240, 999, 998]);
    expect(calls).toEqual(["list offset=0", "list offset=100", "list offset=200"]);
    expect(response.successful_results.map((listing) => listing.id)).toEqual([5, 120, 240]);
    expect(response.failed_items.map((failure) => [failure.item_id, failure.error_type])).toEqual([
      ["999", "not_found"],
      ["998", "not_found"],
    ]);
  });

  it("pages by what the server returns when it caps pages below 100", async () => {
    const { source, calls } = fakePropertySource({ ids: range(1, 120), pageCap: 40 });
    const response = await batchGetProperties(source, [1, 50, 90, 119]);
    expect(calls).toEqual(["list offset=0", "list offset=40", "list offset=80"]);
    expect(response.summary.succeeded).toBe(4);
  });

  it("fetches the missing ids one by one when the rest of the index would cost more", async () => {
    const { source, calls } = fakePropertySource({ ids: range(1, 1000) });
    const response = await batchGetProperties(source, [3, 500, 900]);
    // Nine more pages would replace two single fetches: not worth it.
    expect(calls).toEqual(["list offset=0", "get 500", "get 900"]);
    expect(response.summary.succeeded).toBe(3);
  });

  it("cannot prove an id absent without a count, so it asks for the missing ids (REFERENCE.md §3)", async () => {
    const { source, calls } = fakePropertySource({ ids: range(1, 30), omitCount: true });
    const response = await batchGetProperties(source, [1, 2, 77]);
    expect(calls).toEqual(["list offset=0", "get 77"]);
    expect(response.failed_items[0]).toMatchObject({ item_id: "77", error_type: "not_found" });
  });

  it("falls back to single fetches for the ids a failed page might have held (5xx, malformed page)", async () => {
    const pageErrors = [
      new HostawayUpstreamError({ ...listPath, detail: "HTTP 500", status: 500 }),
      new HostawayResponseValidationError({ ...listPath, detail: "response did not match", issues: [] }),
    ];
    for (const pageError of pageErrors) {
      const { source, calls } = fakePropertySource({
        ids: range(1, 250),
        failList: (offset) => (offset === 100 ? pageError : undefined),
      });
      const response = await batchGetProperties(source, [5, 120, 240, 999]);
      expect(calls.slice(0, 3).sort()).toEqual(["list offset=0", "list offset=100", "list offset=200"]);
      expect(calls.slice(3)).toEqual(["get 120", "get 999"]);
      expect(response.successful_results.map((listing) => listing.id)).toEqual([5, 120, 240]);
      expect(response.failed_items.map((failure) => [failure.item_id, failure.error_type])).toEqual([
        ["999", "not_found"],
      ]);
    }
  });

  it("falls back to single fetches when the first page fails with a 5xx", async () => {
    const { source, calls } = fakePropertySource({
      ids: range(1, 40),
      failList: () => new HostawayUpstreamError({ ...listPath, detail: "HTTP 502", status: 502 }),
    });
    const response = await batchGetProperties(source, [1, 2]);
    expect(calls).toEqual(["list offset=0", "get 1", "get 2"]);
    expect(response.summary.succeeded).toBe(2);
  });

  it("fails the unfound ids with the page's error when every single fetch would fail the same way", async () => {
    const cases = [
      [
        new HostawayRateLimitError({ ...listPath, detail: "rate limited", retryAfterMs: 4000 }),
        "rate_limit",
        "Property 1: Hostaway's rate limit was reached (HTTP 429).",
      ],
      [
        new HostawayAuthError({ ...listPath, detail: "access denied", status: 403 }),
        "unauthorized",
        "Property 1: Hostaway refused access (HTTP 403).",
      ],
    ] as const;
    for (const [pageError, errorType, message] of cases) {
      const { source, calls } = fakePropertySource({ ids: range(1, 40), failList: () => pageError });
      const response = await batchGetProperties(source, [1, 2, 3]);
      expect(calls).toEqual(["list offset=0"]);
      expect(response.failed_items.map((failure) => failure.error_type)).toEqual([
        errorType,
        errorType,
        errorType,
      ]);
      expect(response.failed_items[0]?.error_message).toBe(message);
    }
  });

  it("uses one GET per id with strategy single (the baseline)", async () => {
    const { source, calls } = fakePropertySource({ ids: range(1, 40) });
    const response = await batchGetProperties(source, [1, 2, 3], { strategy: "single" });
    expect(calls).toEqual(["get 1", "get 2", "get 3"]);
    expect(response.summary.succeeded).toBe(3);
  });

  it("reports ids still waiting for the index at the deadline, without cancelling the walk for the others", async () => {
    const { source } = fakePropertySource({ ids: range(1, 40) });
    const slowIndex = {
      listings: {
        ...source.listings,
        // An index page that never answers until its signal aborts.
        list: (_query: { limit: number; offset: number }, options?: { signal?: AbortSignal }) =>
          new Promise<never>((_resolve, reject) => {
            options?.signal?.addEventListener("abort", () => reject(options.signal?.reason));
          }),
      },
    };
    const response = await batchGetProperties(slowIndex, [1, 2, 3], { deadlineMs: 10 });
    expect(response.summary).toMatchObject({ total_attempted: 3, failed: 3 });
    expect(response.failed_items.every((failure) => failure.error_type === "timeout")).toBe(true);
    expect(response.failed_items[0]?.remediation).toContain("ids to retry: 1, 2, 3.");
    expect(response.note).toBeNull(); // the index request had left: they got no answer, not "not attempted"
  });

  it("passes the caller's options through and rejects bad ones", async () => {
    const { source } = fakePropertySource({ ids: range(1, 5) });
    const progress: number[] = [];
    const response = await batchGetProperties(source, [1, 9], {
      describeItem: (id) => `listing #${id}`,
      notFoundHint: "see GET /api/listings",
      onProgress: ({ done }) => progress.push(done),
    });
    expect(progress).toEqual([1, 2]);
    expect(response.failed_items[0]?.remediation).toBe(
      "Listing #9 does not exist. Check the id; see GET /api/listings.",
    );
    await expect(batchGetProperties(source, [1], { strategy: "fast" as never })).rejects.toThrow(
      'strategy must be "auto" or "single", got "fast"',
    );
    await expect(batchGetProperties(source, [1], null as never)).rejects.toThrow("options must be an object");
    await expect(batchGetProperties(source, 5 as never)).rejects.toThrow("ids must be an array");
  });
});
