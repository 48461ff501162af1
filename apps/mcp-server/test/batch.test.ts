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
    expect(answer.successful.map((listing) => listing.id)).toEqual([a, b, c]);
    for (const listing of answer.successful) {
      expect(listing.name).toBe(
        h.sandbox.data.listings.find((candidate) => candidate.id === listing.id)?.name,
      );
    }
    expect(answer.failed).toEqual([
      expect.objectContaining({
        item_id: String(unknown),
        error_type: "not_found",
        remediation: expect.stringContaining("hostaway_list_properties"),
      }),
    ]);
    expect(answer.summary).toEqual({ total_attempted: 4, succeeded: 3, failed: 1, success_rate: 0.75 });
  });

  it("answers a 50-id batch from the listing index, leaving ids out with a note when it would not fit", async () => {
    const ids = h.sandbox.fixtures.listingIds.slice(0, 50);
    h.sandbox.resetStats();
    const result = await h.call("hostaway_batch_get_properties", { property_ids: ids });
    const answer = result.structuredContent as PartialFailureResponse<Listing>;
    expect(answer.summary.succeeded).toBe(ids.length);
    // One text block, exactly the JSON of the structured answer (its note included), within the budget.
    expect(result.content).toEqual([{ type: "text", text: JSON.stringify(answer) }]);
    expect(JSON.stringify(answer).length).toBeLessThanOrEqual(25_000);
    if (answer.successful.length < ids.length) {
      const omitted = ids.slice(answer.successful.length);
      expect(answer.note).toContain(`property_ids=${JSON.stringify(omitted)}`);
    } else {
      expect(answer.note).toBeNull();
    }
  });
});

describe("hostaway_batch_get_bookings", () => {
  it("returns the known bookings and accounts for every unknown id", async () => {
    const known = h.sandbox.fixtures.bookingIds.slice(0, 8);
    const unknownA = h.sandbox.fixtures.unknownBookingId;
    const unknownB = unknownA + 1;
    const answer = await h.ok<PartialFailureResponse<Booking>>("hostaway_batch_get_bookings", {
      booking_ids: [...known.slice(0, 4), unknownA, ...known.slice(4), unknownB],
    });
    expect(answer.successful.map((booking) => booking.id)).toEqual(known);
    for (const booking of answer.successful) {
      const reservation = h.sandbox.data.reservations.find((r) => r.id === booking.id);
      expect(booking).toMatchObject({
        guest_name: reservation?.guestName,
        arrival_date: reservation?.arrivalDate,
      });
    }
    expect(answer.failed.map((failure) => [failure.item_id, failure.error_type])).toEqual([
      [String(unknownA), "not_found"],
      [String(unknownB), "not_found"],
    ]);
    expect(answer.summary).toEqual({ total_attempted: 10, succeeded: 8, failed: 2, success_rate: 0.8 });
  });
});
