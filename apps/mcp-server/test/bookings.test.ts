import type { Booking, BookingPage, GuestInfo } from "@hostaway-mcp/domain-models";
import type { SandboxReservation } from "@hostaway-mcp/hostaway-sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, textOf } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const fold = (text: string) => text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");

/** Follows next_cursor to the end and returns every booking id seen, in order. */
async function collectIds(args: Record<string, unknown>, maxPages = 50): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page += 1) {
    const result: BookingPage = await h.ok<BookingPage>("hostaway_search_bookings", {
      ...args,
      ...(cursor ? { cursor } : {}),
    });
    ids.push(...result.items.map((item) => item.id));
    cursor = result.next_cursor;
    if (cursor === null) return ids;
  }
  throw new Error("paging did not end");
}

const idsWhere = (predicate: (reservation: SandboxReservation) => boolean): number[] =>
  h.sandbox.data.reservations.filter(predicate).map((reservation) => reservation.id);

describe("hostaway_search_bookings", () => {
  it("finds both guests sharing a surname by part of the name", async () => {
    const page = await h.ok<BookingPage>("hostaway_search_bookings", { guest_name: "schmidt", limit: 100 });
    const ids = page.items.map((item) => item.id);
    expect(ids).toContain(h.sandbox.fixtures.bookings.sharedSurnameA);
    expect(ids).toContain(h.sandbox.fixtures.bookings.sharedSurnameB);
    for (const item of page.items) expect(fold(item.guest_name ?? "")).toContain("schmidt");
    expect(ids.sort()).toEqual(idsWhere((r) => fold(r.guestName).includes("schmidt")).sort());
  });

  it("filters by listing and pages through all of that listing's bookings without duplicates", async () => {
    const listingId = h.sandbox.data.reservations[0]?.listingMapId as number;
    const expected = idsWhere((r) => r.listingMapId === listingId);
    const first = await h.ok<BookingPage>("hostaway_search_bookings", { listing_id: listingId, limit: 3 });
    expect(first.total_count).toBe(expected.length);
    const ids = await collectIds({ listing_id: listingId, limit: 3 });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(expected.sort());
  });

  it("filters by arrival range, guest email and channel name", async () => {
    const byArrival = await collectIds({
      arrival_start: "2026-12-01",
      arrival_end: "2026-12-31",
      limit: 100,
    });
    expect(byArrival.sort()).toEqual(
      idsWhere((r) => r.arrivalDate >= "2026-12-01" && r.arrivalDate <= "2026-12-31").sort(),
    );

    const withEmail = h.sandbox.data.reservations.find((r) => r.guestEmail !== null) as SandboxReservation;
    const byEmail = await h.ok<BookingPage>("hostaway_search_bookings", {
      guest_email: withEmail.guestEmail,
    });
    expect(byEmail.items.map((item) => item.id)).toContain(withEmail.id);
    // Contact data stays out of booking objects.
    expect(JSON.stringify(byEmail)).not.toContain(withEmail.guestEmail as string);

    const byChannel = await collectIds({ channel: "bookingcom", limit: 100 });
    expect(byChannel.sort()).toEqual(idsWhere((r) => r.channelId === 2005).sort());
  });

  it("filters by status locally, scanning past pages without matches, and finds every one", async () => {
    const expected = idsWhere((r) => r.status === "cancelled");
    expect(expected.length).toBeGreaterThan(0);
    const ids = await collectIds({ status: "cancelled", limit: 10 });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(expected.sort());
    const page = await h.ok<BookingPage>("hostaway_search_bookings", { status: "cancelled", limit: 5 });
    for (const item of page.items) expect(item.status).toBe("cancelled");
    expect(page.total_count).toBeNull();
  });

  it("rejects an unknown channel name, listing the allowed names", async () => {
    const result = await h.call("hostaway_search_bookings", { channel: "myspace" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(
      /^validation_error: Invalid argument `channel`: "myspace".*airbnbOfficial/,
    );
  });
});

describe("hostaway_get_booking_details", () => {
  it("returns the booking from the account's data, without contact details", async () => {
    const reservation = h.sandbox.data.reservations.find(
      (r) => r.guestEmail && r.phone,
    ) as SandboxReservation;
    const booking = await h.ok<Booking>("hostaway_get_booking_details", { booking_id: reservation.id });
    expect(booking).toMatchObject({
      id: reservation.id,
      listing_id: reservation.listingMapId,
      channel_id: reservation.channelId,
      channel_name: reservation.channelName,
      status: reservation.status,
      guest_name: reservation.guestName,
      arrival_date: reservation.arrivalDate,
      departure_date: reservation.departureDate,
      nights: reservation.nights,
      total_price: reservation.totalPrice,
      currency: reservation.currency,
    });
    const text = JSON.stringify(booking);
    expect(text).not.toContain(reservation.guestEmail as string);
    expect(text).not.toContain(reservation.phone as string);
  });

  it("answers an unknown booking with not_found and points at the search tool", async () => {
    const result = await h.call("hostaway_get_booking_details", {
      booking_id: h.sandbox.fixtures.unknownBookingId,
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe(
      `not_found: Booking ${h.sandbox.fixtures.unknownBookingId} does not exist in this Hostaway account. ` +
        "Next step: call hostaway_search_bookings to find valid booking ids.",
    );
  });
});

describe("hostaway_get_guest_info", () => {
  it("returns the guest's contact data and writes an audit line without it", async () => {
    const reservation = h.sandbox.data.reservations.find(
      (r) => r.guestEmail && r.phone,
    ) as SandboxReservation;
    const before = h.auditLines.length;
    const guest = await h.ok<GuestInfo>("hostaway_get_guest_info", { booking_id: reservation.id });
    expect(guest).toMatchObject({
      booking_id: reservation.id,
      guest_name: reservation.guestName,
      guest_first_name: reservation.guestFirstName,
      guest_last_name: reservation.guestLastName,
      email: reservation.guestEmail,
      phone: reservation.phone,
      number_of_guests: reservation.numberOfGuests,
    });
    const lines = h.auditLines.slice(before);
    expect(lines).toEqual([
      {
        audit: true,
        tool: "hostaway_get_guest_info",
        booking_id: reservation.id,
        caller: "stdio",
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
        outcome: "success",
      },
    ]);
    expect(JSON.stringify(lines)).not.toContain(reservation.guestEmail as string);
  });

  it("audits a failed lookup as not_found", async () => {
    const before = h.auditLines.length;
    const result = await h.call("hostaway_get_guest_info", {
      booking_id: h.sandbox.fixtures.unknownBookingId,
    });
    expect(result.isError).toBe(true);
    expect(h.auditLines.slice(before)).toMatchObject([
      {
        tool: "hostaway_get_guest_info",
        booking_id: h.sandbox.fixtures.unknownBookingId,
        outcome: "not_found",
      },
    ]);
  });
});
