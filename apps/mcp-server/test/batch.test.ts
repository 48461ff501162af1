import type { Booking, Listing, PartialFailureResponse } from "@hostaway-mcp/domain-models";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe("hostaway_batch_get_properties", () => {
  it("returns the known properties and reports the unknown ids as not_found, in one normal result", async () => {
    const [a, b, c] = h.sandbox.fixtures.listingIds;
    const unknown = h.sandbox.fixtures.unknownListingId;
    const result = await h.call("hostaway_batch_get_properties", { property_ids: [a, unknown, b, c] });
    expect(result.isError).toBeFalsy();
    const answer = result.structuredContent as PartialFailureResponse<Listing>;
    expect(answer.successful_results.map((listing) => listing.id)).toEqual([a, b, c]);
    for (const listing of answer.successful_results) {
      expect(listing.name).toBe(
        h.sandbox.data.listings.find((candidate) => candidate.id === listing.id)?.name,
      );
    }
    expect(answer.failed_items).toEqual([
      expect.objectContaining({
        item_id: String(unknown),
        error_type: "not_found",
        remediation: expect.stringContaining("hostaway_list_properties"),
      }),
    ]);
    expect(answer.summary).toEqual({ total_attempted: 4, succeeded: 3, failed: 1, success_rate: 0.75 });
  });

  it("answers a 50-id batch with one listing-index request, leaving ids out with a note to stay in budget", async () => {
    const known = h.sandbox.fixtures.listingIds; // the sandbox has 36 listings
    const unknown = Array.from(
      { length: 50 - known.length },
      (_, i) => h.sandbox.fixtures.unknownListingId + i,
    );
    const ids = [...known, ...unknown];
    expect(new Set(ids).size).toBe(50);
    h.sandbox.resetStats();
    const result = await h.call("hostaway_batch_get_properties", { property_ids: ids });
    const answer = result.structuredContent as PartialFailureResponse<Listing>;

    // The whole batch costs at most one listing page (none when the read cache holds it), plus a token when none
    // is cached: never one GET per id.
    const stats = h.sandbox.stats();
    expect(stats.byRoute["GET /v1/listings/:id"] ?? 0).toBe(0);
    expect(stats.total - stats.tokenRequests).toBeLessThanOrEqual(1);
    expect(stats.total).toBeLessThanOrEqual(2);

    expect(answer.summary).toEqual({ total_attempted: 50, succeeded: 36, failed: 14, success_rate: 0.72 });
    expect(answer.failed_items.map((failure) => [failure.item_id, failure.error_type])).toEqual(
      unknown.map((id) => [String(id), "not_found"]),
    );
    // One text block, exactly the JSON of the structured answer (its note included), within the budget.
    expect(result.content).toEqual([{ type: "text", text: JSON.stringify(answer) }]);
    expect(JSON.stringify(answer).length).toBeLessThanOrEqual(25_000);
    // 36 full listings do not fit in 25,000 characters: the trailing ones are left out, and the note names them.
    expect(answer.successful_results.length).toBeGreaterThan(0);
    expect(answer.successful_results.length).toBeLessThan(known.length);
    expect(answer.successful_results.map((listing) => listing.id)).toEqual(
      known.slice(0, answer.successful_results.length),
    );
    const omitted = known.slice(answer.successful_results.length);
    expect(answer.note).toContain(`property_ids=${JSON.stringify(omitted)}`);
  });
});

describe("hostaway_batch_get_bookings", () => {
  it("returns the known bookings and accounts for every unknown id", async () => {
    const known = h.sandbox.fixtures.bookingIds.slice(0, 8);
    const unknownA = h.sandbox.fixtures.unknownBookingId;
    const unknownB = unknownA + 1;
    h.sandbox.resetStats();
    const answer = await h.ok<PartialFailureResponse<Booking>>("hostaway_batch_get_bookings", {
      // Repeated ids are fetched once.
      booking_ids: [...known.slice(0, 4), unknownA, ...known.slice(4), unknownB, known[0], unknownA],
    });
    // 10 distinct ids outnumber the reservation index's pages: a size read and the index answer the 8 known
    // ones, and each id the index did not hold gets its own GET (a 404 is not retried); plus a token when none is
    // cached. Fewer requests than one per id (10), whatever the order of the pages.
    const stats = h.sandbox.stats();
    const indexPages = Math.ceil(h.sandbox.data.reservations.length / 100);
    expect(stats.byRoute["GET /v1/reservations/:id"]).toBe(2);
    expect(stats.byRoute["GET /v1/reservations"]).toBeLessThanOrEqual(indexPages + 1);
    expect(stats.tokenRequests).toBeLessThanOrEqual(1);
    expect(answer.successful_results.map((booking) => booking.id)).toEqual(known);
    for (const booking of answer.successful_results) {
      const reservation = h.sandbox.data.reservations.find((r) => r.id === booking.id);
      expect(booking).toMatchObject({
        guest_name: reservation?.guestName,
        arrival_date: reservation?.arrivalDate,
      });
    }
    expect(answer.failed_items.map((failure) => [failure.item_id, failure.error_type])).toEqual([
      [String(unknownA), "not_found"],
      [String(unknownB), "not_found"],
    ]);
    expect(answer.summary).toEqual({ total_attempted: 10, succeeded: 8, failed: 2, success_rate: 0.8 });
  });
});
