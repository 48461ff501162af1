import {
  BookingSchema,
  ListingSchema,
  type PartialFailureResponse,
  partialFailureResponseSchema,
} from "@hostaway-mcp/domain-models";
import {
  createHostawayClient,
  type HostawayClient,
  type HostawayClientOptions,
} from "@hostaway-mcp/hostaway-client";
import { type Sandbox, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { batchGetBookings, batchGetProperties } from "../src/index.js";

/**
 * The batch readers against the sandbox through the real client. Upstream requests are counted with
 * `sandbox.stats()`; faults are injected on the wire. The sandbox's limits are off (the client's limiter is the
 * client's to test) and so are the client's retries, so one injected fault reaches the batch as one failure.
 */

let sandbox: Sandbox;
const clients: HostawayClient[] = [];

function freshClient(options: Partial<HostawayClientOptions> = {}): HostawayClient {
  const client = createHostawayClient({
    ...sandbox.credentials,
    baseUrl: sandbox.url,
    tokenActivationDelayMs: 0,
    rateLimit: { ip: 0, account: 0 },
    retry: { maxAttempts: 1 },
    ...options,
  });
  clients.push(client);
  return client;
}

const BookingResponseSchema = partialFailureResponseSchema(BookingSchema);
const ListingResponseSchema = partialFailureResponseSchema(ListingSchema);

function expectAccounted<T>(response: PartialFailureResponse<T>, distinctIds: number): void {
  expect(response.summary.total_attempted).toBe(distinctIds);
  expect(response.summary.succeeded + response.summary.failed).toBe(distinctIds);
  expect(response.successful_results).toHaveLength(response.summary.succeeded);
  expect(response.failed_items).toHaveLength(response.summary.failed);
}

const reservationPath = (id: number) => `/v1/reservations/${id}`;

beforeAll(async () => {
  sandbox = await startSandbox({ rateLimits: false });
});

afterEach(() => {
  sandbox.clearFaults();
  sandbox.setLatency(0);
  sandbox.resetStats();
});

afterAll(async () => {
  for (const client of clients) client.close();
  await sandbox?.close();
});

describe("batchGetProperties against the sandbox", () => {
  it("answers a 50-id batch with the token request and one listing-index page", async () => {
    const { listingIds, unknownListingId } = sandbox.fixtures;
    expect(listingIds.length).toBeGreaterThanOrEqual(30);
    expect(listingIds.length).toBeLessThan(50);
    const unknownIds = Array.from({ length: 50 - listingIds.length }, (_, index) => unknownListingId + index);
    const ids = [...listingIds].reverse().concat(unknownIds);

    const response = ListingResponseSchema.parse(await batchGetProperties(freshClient(), ids));

    const stats = sandbox.stats();
    expect(stats.total).toBeLessThanOrEqual(2);
    expect(stats.byRoute).toEqual({ "POST /v1/accessTokens": 1, "GET /v1/listings": 1 });
    expectAccounted(response, 50);
    expect(response.successful_results.map((listing) => listing.id)).toEqual([...listingIds].reverse());
    const names = new Map(sandbox.data.listings.map((listing) => [listing.id, listing.name]));
    for (const listing of response.successful_results) expect(listing.name).toBe(names.get(listing.id));
    expect(response.failed_items.map((failure) => failure.item_id)).toEqual(unknownIds.map(String));
    expect(new Set(response.failed_items.map((failure) => failure.error_type))).toEqual(
      new Set(["not_found"]),
    );
  });

  it("returns the same listings as single fetches do", async () => {
    const ids = sandbox.fixtures.listingIds.slice(0, 3);
    const viaIndex = await batchGetProperties(freshClient(), ids);
    const viaSingles = await batchGetProperties(freshClient(), ids, { strategy: "single" });
    expect(viaIndex.successful_results).toEqual(viaSingles.successful_results);
    expect(sandbox.stats().byRoute["GET /v1/listings/:id"]).toBe(3);
  });

  it("falls back to single fetches when the index page fails with a 500", async () => {
    const ids = sandbox.fixtures.listingIds.slice(0, 4);
    sandbox.injectFault({ path: "/v1/listings", kind: "status", status: 500, times: 1 });
    const response = await batchGetProperties(freshClient(), [...ids, sandbox.fixtures.unknownListingId]);
    expect(response.successful_results.map((listing) => listing.id)).toEqual(ids);
    expect(response.failed_items).toMatchObject([{ error_type: "not_found" }]);
    expect(sandbox.stats().byRoute).toMatchObject({ "GET /v1/listings": 1, "GET /v1/listings/:id": 5 });
  });
});

describe("batchGetBookings planned from the reservation index", () => {
  const indexPages = () => Math.ceil(sandbox.data.reservations.length / 100);

  it("answers 50 ids from the index pages, plus one size read, then again from the cache for nothing", async () => {
    const client = freshClient();
    await client.authenticate();
    sandbox.resetStats();
    const all = sandbox.fixtures.bookingIds;
    const ids = Array.from(
      { length: 50 },
      (_, index) => all[Math.floor((index * all.length) / 50)] as number,
    );

    const planned = BookingResponseSchema.parse(await batchGetBookings(client, ids));
    const single = BookingResponseSchema.parse(
      await batchGetBookings(freshClient({ cache: false }), ids, { strategy: "single" }),
    );

    expectAccounted(planned, 50);
    // The index's items map to exactly the bookings single reads give (test/reservation-index-parity too).
    expect(planned).toEqual(single);
    const stats = sandbox.stats().byRoute;
    expect(stats["GET /v1/reservations"]).toBe(indexPages() + 1);
    expect(stats["GET /v1/reservations/:id"]).toBe(50); // all from the single-read run, none from the plan

    sandbox.resetStats();
    expect(await batchGetBookings(client, ids)).toEqual(planned);
    expect(sandbox.stats().total).toBe(0);
  });

  it("reads the ids the index did not hold singly: unknown ids become not_found because Hostaway says so", async () => {
    const client = freshClient();
    const known = sandbox.fixtures.bookingIds.slice(0, 18);
    const unknown = [sandbox.fixtures.unknownBookingId, sandbox.fixtures.unknownBookingId + 1];
    const response = BookingResponseSchema.parse(await batchGetBookings(client, [...known, ...unknown]));
    expectAccounted(response, 20);
    expect(response.successful_results.map((booking) => booking.id)).toEqual(known);
    expect(response.failed_items.map((failure) => [failure.item_id, failure.error_type])).toEqual(
      unknown.map((id) => [String(id), "not_found"]),
    );
    expect(sandbox.stats().byRoute["GET /v1/reservations/:id"]).toBe(2);
    expect(response.note).toBeNull();
  });

  it("reads a small batch singly, with no size read: no more requests than one per id", async () => {
    const client = freshClient();
    const ids = sandbox.fixtures.bookingIds.slice(40, 43);
    const response = await batchGetBookings(client, ids);
    expectAccounted(response, 3);
    expect(sandbox.stats().byRoute).toEqual({ "POST /v1/accessTokens": 1, "GET /v1/reservations/:id": 3 });
  });

  it("falls back to single reads when an index page fails, losing no id", async () => {
    const client = freshClient();
    sandbox.injectFault({
      method: "GET",
      path: "/v1/reservations",
      kind: "status",
      status: 500,
      times: 1,
      match: (req) => (req.url ?? "").includes("afterId"),
    });
    const ids = sandbox.fixtures.bookingIds.slice(100, 130);
    const response = await batchGetBookings(client, ids);
    expectAccounted(response, 30);
    expect(response.summary.succeeded).toBe(30);
  });
});

describe("batchGetBookings against the sandbox", () => {
  it("answers 10 ids with 2 unknown as 8 bookings and 2 not_found", async () => {
    const known = sandbox.fixtures.bookingIds.slice(20, 28);
    const unknown = [sandbox.fixtures.unknownBookingId, sandbox.fixtures.unknownBookingId + 1];
    const ids = [known[0], unknown[0], ...known.slice(1, 5), unknown[1], ...known.slice(5)] as number[];

    const response = BookingResponseSchema.parse(
      await batchGetBookings(freshClient(), ids, { strategy: "single" }),
    );

    expectAccounted(response, 10);
    expect(response.successful_results.map((booking) => booking.id)).toEqual(known);
    const guests = new Map(
      sandbox.data.reservations.map((reservation) => [reservation.id, reservation.guestName]),
    );
    for (const booking of response.successful_results)
      expect(booking.guest_name).toBe(guests.get(booking.id));
    expect(response.failed_items.map((failure) => [failure.item_id, failure.error_type])).toEqual(
      unknown.map((id) => [String(id), "not_found"]),
    );
    expect(response.failed_items[0]?.remediation).toContain("search the account's bookings");
    expect(response.failed_items[0]?.remediation).not.toMatch(/hostaway_|\/api\//);
    // A short reason: no upstream path and none of the sandbox's own "… not found" text.
    expect(response.failed_items[0]?.error_message).toBe(
      `Booking ${unknown[0]}: not found in Hostaway (HTTP 404).`,
    );
    expect(JSON.stringify(response.failed_items)).not.toContain("/reservations/");
    expect(sandbox.stats().byRoute["GET /v1/reservations/:id"]).toBe(10);
  });

  it("classifies a 429, a hang and a 500 on three ids and returns the other seven", async () => {
    const ids = sandbox.fixtures.bookingIds.slice(0, 10);
    const [rateLimited, hung, broken] = [ids[2], ids[5], ids[8]] as [number, number, number];
    sandbox.injectFault({ path: reservationPath(rateLimited), kind: "rate_limit", retryAfterSeconds: 3 });
    sandbox.injectFault({ path: reservationPath(hung), kind: "hang" });
    sandbox.injectFault({ path: reservationPath(broken), kind: "status", status: 500 });

    const response = BookingResponseSchema.parse(
      await batchGetBookings(
        freshClient({ timeoutMs: 300, retry: { maxAttempts: 1, maxRetryAfterMs: 0 } }),
        ids,
        { strategy: "single" },
      ),
    );

    expectAccounted(response, 10);
    expect(response.successful_results.map((booking) => booking.id)).toEqual(
      ids.filter((id) => ![rateLimited, hung, broken].includes(id)),
    );
    expect(response.failed_items).toMatchObject([
      { item_id: String(rateLimited), error_type: "rate_limit", retry_after_seconds: 3 },
      { item_id: String(hung), error_type: "timeout", retry_after_seconds: 5 },
      { item_id: String(broken), error_type: "upstream_error", retry_after_seconds: 30 },
    ]);
    expect(response.failed_items[0]?.remediation).toContain(`ids to retry: ${rateLimited}, ${hung}.`);
    expect(response.summary).toEqual({ total_attempted: 10, succeeded: 7, failed: 3, success_rate: 0.7 });
  });

  it("reports the requests still queued in the client's limiter when the batch stops as not attempted", async () => {
    // Three requests per minute: the token and two bookings go out, the other eight wait in the limiter. The
    // batch is stopped once the two have answered (not after a fixed time, which a loaded machine could outrun).
    const client = freshClient({ rateLimit: { ip: 3, account: 3, windowMs: 60_000 } });
    const ids = sandbox.fixtures.bookingIds.slice(0, 10);
    const progress: number[] = [];
    const controller = new AbortController();

    const response = await batchGetBookings(client, ids, {
      strategy: "single",
      signal: controller.signal,
      onProgress: ({ done }) => {
        progress.push(done);
        if (done === 2) controller.abort();
      },
    });

    expectAccounted(response, 10);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(response.summary.succeeded).toBe(2);
    // Every id that got no booking is one whose request never left: the sandbox saw only the token and two GETs.
    expect(sandbox.stats().byRoute).toEqual({ "POST /v1/accessTokens": 1, "GET /v1/reservations/:id": 2 });
    for (const failure of response.failed_items) {
      expect(failure.error_type).toBe("timeout");
      expect(failure.error_message).toMatch(/^Booking \d+ was not attempted: the request was cancelled\.$/);
      expect(failure.remediation).toContain("safe to retry");
    }
    const notSent = response.failed_items.map((failure) => failure.item_id).join(", ");
    expect(response.note).toBe(
      `8 of 10 items were not attempted (the request was cancelled): no request was sent for ids ${notSent}. ` +
        "They are listed in `failed_items` and are safe to retry now.",
    );
  });

  it("stops at the caller's abort and reports the requests in flight", async () => {
    // Every booking request hangs; the caller aborts once all five have reached the sandbox.
    sandbox.injectFault({ method: "GET", path: "/v1/reservations/:id", kind: "hang" });
    const controller = new AbortController();
    const ids = sandbox.fixtures.bookingIds.slice(0, 5);
    const pending = batchGetBookings(freshClient(), ids, { signal: controller.signal });
    await vi.waitFor(() => expect(sandbox.stats().byRoute["GET /v1/reservations/:id"]).toBe(5), {
      timeout: 10_000,
      interval: 10,
    });
    controller.abort();
    const response = await pending;
    expectAccounted(response, 5);
    expect(response.failed_items.map((failure) => failure.item_id)).toEqual(ids.map(String));
    for (const failure of response.failed_items) {
      expect(failure.error_type).toBe("timeout");
      // They were sent, so they were attempted: no answer, and not in the note.
      expect(failure.error_message).toBe(
        `Booking ${failure.item_id} got no answer: the request was cancelled.`,
      );
    }
    expect(response.note).toBeNull();
  });

  it("gives 50 concurrent batches over overlapping ids exactly their own answers", async () => {
    const client = freshClient();
    const pool = sandbox.fixtures.bookingIds.slice(0, 40);
    const unknown = sandbox.fixtures.unknownBookingId;
    const batches = Array.from({ length: 50 }, (_, batch) => {
      const ids = Array.from(
        { length: 8 },
        (_, index) => pool[(batch * 7 + index * 11) % pool.length] as number,
      );
      return batch % 5 === 0 ? [...ids, unknown] : ids;
    });

    const responses = await Promise.all(batches.map((ids) => batchGetBookings(client, ids)));

    const guests = new Map(
      sandbox.data.reservations.map((reservation) => [reservation.id, reservation.guestName]),
    );
    responses.forEach((response, batch) => {
      const ids = batches[batch] as number[];
      const distinct = [...new Set(ids)];
      expectAccounted(response, distinct.length);
      expect(response.successful_results.map((booking) => booking.id)).toEqual(
        distinct.filter((id) => id !== unknown),
      );
      for (const booking of response.successful_results)
        expect(booking.guest_name).toBe(guests.get(booking.id));
      expect(response.failed_items.map((failure) => failure.item_id)).toEqual(
        ids.includes(unknown) ? [String(unknown)] : [],
      );
    });
    // The batches start together, so the client's coalescing of identical in-flight GETs sends one per id.
    expect(sandbox.stats().byRoute["GET /v1/reservations/:id"]).toBe(new Set(batches.flat()).size);
  });
});
