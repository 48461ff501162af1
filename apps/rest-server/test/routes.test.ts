import {
  AvailabilityCalendarSchema,
  BookingPageSchema,
  BookingSchema,
  ConversationThreadSchema,
  FinancialReportSchema,
  GuestInfoSchema,
  HostawayListingSchema,
  HostawayReservationSchema,
  ListingSchema,
  ListingSummaryPageSchema,
  mapBooking,
  mapGuestInfo,
  mapListing,
  mapListingSummary,
  partialFailureResponseSchema,
} from "@hostaway-mcp/domain-models";
import type { SandboxReservation } from "@hostaway-mcp/hostaway-sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY, type Harness, startHarness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const reservation = (id: number) => h.sandbox.data.reservations.find((r) => r.id === id)!;
const listing = (id: number) => h.sandbox.data.listings.find((l) => l.id === id)!;
/** Messages Hostaway returns by default (REFERENCE.md §6.3: only `sent` without includeScheduledMessages). */
const sentMessagesOf = (bookingId: number) =>
  h.sandbox.data.messages.filter((m) => m.reservationId === bookingId && m.status === "sent");

describe("GET /api/listings", () => {
  it("pages through every listing with next_cursor, each item the listing's summary", async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor === null ? "limit=10" : `limit=10&cursor=${cursor}`;
      const { status, body } = await h.get(`/api/listings?${query}`);
      expect(status).toBe(200);
      ListingSummaryPageSchema.parse(body);
      expect(body.total_count).toBe(h.sandbox.data.listings.length);
      for (const item of body.items) {
        expect(item).toEqual(mapListingSummary(HostawayListingSchema.parse(listing(item.id))));
        expect(item.name).toBe(listing(item.id).name);
      }
      seen.push(...body.items.map((item: { id: number }) => item.id));
      cursor = body.next_cursor;
      pages += 1;
    } while (cursor !== null && pages < 10);
    expect(seen.sort((a, b) => a - b)).toEqual(h.sandbox.fixtures.listingIds);
    expect(pages).toBe(Math.ceil(h.sandbox.data.listings.length / 10));
  });

  it("filters by city and by name (match)", async () => {
    const city = h.sandbox.data.listings[0]!.city;
    const inCity = h.sandbox.data.listings.filter((l) => l.city === city).map((l) => l.id);
    const byCity = await h.get(`/api/listings?limit=100&city=${encodeURIComponent(city)}`);
    expect(byCity.body.items.map((i: { id: number }) => i.id).sort()).toEqual([...inCity].sort());
    expect(byCity.body.next_cursor).toBeNull();

    const word = h.sandbox.data.listings[1]!.name.split(" ").at(-1)!;
    const byName = await h.get(`/api/listings?limit=100&match=${encodeURIComponent(word)}`);
    expect(byName.status).toBe(200);
    expect(byName.body.items.length).toBeGreaterThan(0);
    for (const item of byName.body.items) expect(item.name.toLowerCase()).toContain(word.toLowerCase());
  });
});

describe("GET /api/listings/{id} and /calendar", () => {
  it("returns the listing as a Listing", async () => {
    const id = h.sandbox.fixtures.listingIds[0]!;
    const { status, body } = await h.get(`/api/listings/${id}`);
    expect(status).toBe(200);
    expect(ListingSchema.parse(body)).toEqual(body);
    expect(body.id).toBe(id);
    expect(body.name).toBe(listing(id).name);
    expect(body.address.city).toBe(listing(id).city);
    expect(body).toEqual(mapListing(HostawayListingSchema.parse(listing(id))));
  });

  it("returns every night of the range, reserved where a confirmed booking stays", async () => {
    const booking = h.sandbox.data.reservations.find((r) => r.status === "new" && r.nights >= 2)!;
    const { status, body } = await h.get(
      `/api/listings/${booking.listingMapId}/calendar?start_date=${booking.arrivalDate}&end_date=${booking.departureDate}`,
    );
    expect(status).toBe(200);
    AvailabilityCalendarSchema.parse(body);
    expect(body).toMatchObject({
      listing_id: booking.listingMapId,
      start_date: booking.arrivalDate,
      end_date: booking.departureDate,
      all_available: false,
    });
    expect(body.days).toHaveLength(booking.nights + 1);
    // Nights from arrival to the night before departure are the booking's.
    for (const day of body.days.slice(0, booking.nights)) {
      expect(day).toMatchObject({ status: "reserved", is_available: false });
    }
    expect(body.available_nights).toBe(
      body.days.filter((d: { is_available: boolean }) => d.is_available).length,
    );
  });
});

describe("GET /api/bookings", () => {
  it("finds both guests sharing a surname, without contact data", async () => {
    const { status, body } = await h.get("/api/bookings?guest_name=Schmidt&limit=100");
    expect(status).toBe(200);
    BookingPageSchema.parse(body);
    const ids = body.items.map((b: { id: number }) => b.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        h.sandbox.fixtures.bookings.sharedSurnameA,
        h.sandbox.fixtures.bookings.sharedSurnameB,
      ]),
    );
    for (const booking of body.items) {
      expect(booking.guest_name).toContain("Schmidt");
      expect(JSON.stringify(booking)).not.toContain("@");
    }
  });

  it("filters by listing, channel and arrival range, and pages to the end with the afterId cursor", async () => {
    const target = h.sandbox.data.reservations.find((r) => r.channelName === "bookingcom")!;
    const expected = h.sandbox.data.reservations
      .filter((r) => r.listingMapId === target.listingMapId && r.channelId === 2005)
      .map((r) => r.id)
      .sort((a, b) => a - b);
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const suffix: string = cursor === null ? "" : `&cursor=${cursor}`;
      const { status, body } = await h.get(
        `/api/bookings?listing_id=${target.listingMapId}&channel=bookingcom&limit=2${suffix}`,
      );
      expect(status).toBe(200);
      for (const b of body.items)
        expect(b).toMatchObject({ listing_id: target.listingMapId, channel_id: 2005 });
      seen.push(...body.items.map((b: { id: number }) => b.id));
      cursor = body.next_cursor;
      pages += 1;
    } while (cursor !== null && pages < 50);
    expect(seen.sort((a, b) => a - b)).toEqual(expected);

    const arrivals = await h.get(
      `/api/bookings?arrival_start=${target.arrivalDate}&arrival_end=${target.arrivalDate}&limit=100`,
    );
    expect(arrivals.body.items.map((b: { id: number }) => b.id).sort()).toEqual(
      h.sandbox.data.reservations
        .filter((r) => r.arrivalDate === target.arrivalDate)
        .map((r) => r.id)
        .sort(),
    );
  });

  it("filters by exact guest email and by status", async () => {
    const withEmail = h.sandbox.data.reservations.find((r) => r.guestEmail !== null)!;
    const byEmail = await h.get(
      `/api/bookings?guest_email=${encodeURIComponent(withEmail.guestEmail!)}&limit=100`,
    );
    expect(byEmail.body.items.map((b: { id: number }) => b.id)).toContain(withEmail.id);

    // Hostaway cannot filter by status: the server scans pages and hands back a cursor to keep scanning.
    const expected = h.sandbox.data.reservations.filter((r) => r.status === "cancelled").map((r) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    const seen: number[] = [];
    let cursor: string | null = null;
    let calls = 0;
    do {
      const suffix: string = cursor === null ? "" : `&cursor=${cursor}`;
      const { status, body } = await h.get(`/api/bookings?status=cancelled&limit=5${suffix}`);
      expect(status).toBe(200);
      expect(body.total_count).toBeNull();
      for (const b of body.items) expect(b.status).toBe("cancelled");
      if (body.items.length < 5 && body.next_cursor !== null)
        expect(body.note).toContain('for status "cancelled"');
      seen.push(...body.items.map((b: { id: number }) => b.id));
      cursor = body.next_cursor;
      calls += 1;
    } while (cursor !== null && calls < 100);
    expect(seen.sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
  });
});

describe("GET /api/bookings/{id} and /guest", () => {
  it("returns the booking as the wire Booking of the sandbox reservation", async () => {
    const id = h.sandbox.fixtures.bookings.twoConversations;
    const { status, body } = await h.get(`/api/bookings/${id}`);
    expect(status).toBe(200);
    BookingSchema.parse(body);
    expect(body).toMatchObject({
      id,
      listing_id: reservation(id).listingMapId,
      guest_name: reservation(id).guestName,
      arrival_date: reservation(id).arrivalDate,
      status: reservation(id).status,
    });
    expect(body).toEqual(mapBooking(HostawayReservationSchema.parse(reservation(id))));
  });

  it("returns the guest with contact data and writes an audit line", async () => {
    const id = h.sandbox.fixtures.bookings.accentedGuest;
    const before = h.auditLines.length;
    const { status, body } = await h.get(`/api/bookings/${id}/guest`);
    expect(status).toBe(200);
    GuestInfoSchema.parse(body);
    expect(body).toMatchObject({
      booking_id: id,
      guest_name: "José García",
      email: reservation(id).guestEmail,
    });
    expect(body).toEqual(mapGuestInfo(HostawayReservationSchema.parse(reservation(id))));
    expect(h.auditLines.slice(before)).toEqual([
      {
        audit: true,
        route: "GET /api/bookings/{id}/guest",
        booking_id: id,
        caller: expect.stringMatching(/^key:[0-9a-f]{12}$/),
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
        outcome: "success",
      },
    ]);
  });
});

describe("GET /api/financial/report", () => {
  it("returns Hostaway's consolidated report, one row per revenue reservation arriving in the range", async () => {
    const { anchorDate } = h.sandbox.data;
    const start = anchorDate.slice(0, 8).concat("01");
    const end = anchorDate.slice(0, 8).concat("28");
    const { status, body } = await h.get(`/api/financial/report?start_date=${start}&end_date=${end}`);
    expect(status).toBe(200);
    FinancialReportSchema.parse(body);
    expect(body).toMatchObject({
      data_source: "hostaway_finance_report",
      date_type: "arrivalDate",
      start_date: start,
    });
    const expectedIds = h.sandbox.data.reservations
      .filter((r) => r.arrivalDate >= start && r.arrivalDate <= end && !r.status.startsWith("inquiry"))
      .map((r) => r.id)
      .sort((a, b) => a - b);
    expect(body.rows.map((row: { id: number }) => row.id)).toEqual(expectedIds);
  });

  it("narrows to listing_ids", async () => {
    const listingId = h.sandbox.fixtures.listingIds[0]!;
    const { body } = await h.get(
      `/api/financial/report?start_date=2020-01-01&end_date=2030-12-31&listing_ids=${listingId}&date_type=departureDate`,
    );
    expect(body.listing_ids).toEqual([listingId]);
    expect(body.date_type).toBe("departureDate");
    expect(body.rows.length).toBeGreaterThan(0);
    for (const row of body.rows) expect(row.listingName).toBe(listing(listingId).name);
  });
});

describe("GET /api/messages", () => {
  it("finds one thread per booking for a guest name, with the booking's sent messages", async () => {
    const before = h.auditLines.length;
    const { status, body } = await h.get("/api/messages?guest_name=schmidt&limit=1000");
    expect(status).toBe(200);
    partialFailureResponseSchema(ConversationThreadSchema).parse(body);
    const threads = new Map(body.successful_results.map((t: { booking_id: number }) => [t.booking_id, t]));
    for (const id of [
      h.sandbox.fixtures.bookings.sharedSurnameA,
      h.sandbox.fixtures.bookings.sharedSurnameB,
    ]) {
      const thread = threads.get(id) as { total_count: number; guest_name: string };
      expect(thread.total_count).toBe(sentMessagesOf(id).length);
      expect(thread.guest_name).toContain("Schmidt");
    }
    expect(body.failed_items).toEqual([]);
    expect(body.note).toBeNull(); // limit=1000 holds every matching message
    // One line per booking the search read messages of, as the MCP server writes them.
    expect(h.auditLines.slice(before)).toEqual(
      body.successful_results.map((thread: { booking_id: number }) =>
        expect.objectContaining({
          route: "GET /api/messages",
          booking_id: thread.booking_id,
          outcome: "success",
        }),
      ),
    );
  });

  it("says in note where to continue paging, and reads every booking of a search over years", async () => {
    const id = h.sandbox.fixtures.bookings.hundredMessages;
    const { body: page } = await h.get(`/api/messages?booking_id=${id}&limit=30&offset=60`);
    expect(page.successful_results[0].messages).toHaveLength(30);
    expect(page.note).toBe(
      "Returned messages 61–90 of the 100 matching messages; call again with the same criteria and offset=90 " +
        "for the next ones.",
    );
    const { body: broad } = await h.get("/api/messages?start_date=2020-01-01&end_date=2030-12-31&limit=1");
    partialFailureResponseSchema(ConversationThreadSchema).parse(broad);
    expect(broad.note).toMatch(/^Returned messages 1–1 of the \d+ matching messages/);
    expect(broad.note).not.toMatch(/stopped at its bounds|ran out of/);
    expect(broad.summary.total_attempted).toBe(broad.successful_results.length + broad.failed_items.length);
  });

  it("narrows a booking's messages to some channels", async () => {
    const id = h.sandbox.fixtures.bookings.allChannels;
    const { body } = await h.get(`/api/messages?booking_id=${id}&channels=email,sms&limit=1000`);
    const thread = body.successful_results[0];
    expect(thread.booking_id).toBe(id);
    const expected = sentMessagesOf(id).filter((m) => ["email", "sms"].includes(m.communicationType));
    expect(thread.messages.map((m: { id: number }) => m.id).sort()).toEqual(expected.map((m) => m.id).sort());
    expect(h.auditLines.at(-1)).toMatchObject({
      route: "GET /api/messages",
      booking_id: id,
      outcome: "success",
    });
  });
});

describe("GET /api/messages/conversation/{booking_id}", () => {
  it("merges a booking's two conversations into one chronological timeline", async () => {
    const id = h.sandbox.fixtures.bookings.twoConversations;
    const { status, body } = await h.get(`/api/messages/conversation/${id}?limit=1000`);
    expect(status).toBe(200);
    ConversationThreadSchema.parse(body);
    const sent = sentMessagesOf(id);
    expect(body.booking_id).toBe(id);
    expect(body.conversation_ids.sort()).toEqual([...new Set(sent.map((m) => m.conversationId))].sort());
    expect(body.conversation_ids).toHaveLength(2);
    expect(body.total_count).toBe(sent.length);
    expect(body.messages.map((m: { id: number }) => m.id).sort()).toEqual(sent.map((m) => m.id).sort());
    const times: string[] = body.messages.map((m: { timestamp: string }) => m.timestamp);
    expect(times.every((time) => typeof time === "string")).toBe(true);
    expect([...times].sort()).toEqual(times);
    // The two conversations interleave in time (the fixture's point), so a plain concatenation would fail above.
    expect(
      new Set(body.messages.slice(0, 6).map((m: { conversation_id: number }) => m.conversation_id)).size,
    ).toBe(2);
    expect(h.auditLines.at(-1)).toMatchObject({
      route: "GET /api/messages/conversation/{booking_id}",
      booking_id: id,
      outcome: "success",
    });
  });

  it("pages the 250-message thread with limit and offset", async () => {
    const id = h.sandbox.fixtures.bookings.twoHundredFiftyMessages;
    const first = await h.get(`/api/messages/conversation/${id}?limit=100&offset=0`);
    const last = await h.get(`/api/messages/conversation/${id}?limit=100&offset=200`);
    expect(first.body).toMatchObject({ total_count: 250, offset: 0, limit: 100, has_more: true });
    expect(first.body.messages).toHaveLength(100);
    expect(last.body).toMatchObject({ total_count: 250, offset: 200, has_more: false });
    expect(last.body.messages).toHaveLength(50);
    const all = new Set([...first.body.messages, ...last.body.messages].map((m: { id: number }) => m.id));
    expect(all.size).toBe(150);
  });

  it("adds scheduled, failed and cancelled messages with include_scheduled=true", async () => {
    const id = h.sandbox.fixtures.bookings.scheduledAndFailed;
    const plain = await h.get(`/api/messages/conversation/${id}?limit=1000`);
    const all = await h.get(`/api/messages/conversation/${id}?limit=1000&include_scheduled=true`);
    const everything = h.sandbox.data.messages.filter((m) => m.reservationId === id);
    expect(plain.body.total_count).toBe(sentMessagesOf(id).length);
    expect(all.body.total_count).toBe(everything.length);
    const statuses = new Set(all.body.messages.map((m: { delivery_status: string }) => m.delivery_status));
    for (const status of ["scheduled", "failed", "cancelled"]) expect(statuses.has(status)).toBe(true);
    expect(
      plain.body.messages.some((m: { delivery_status: string }) => m.delivery_status === "scheduled"),
    ).toBe(false);
  });

  it("answers an empty thread for a booking without messages", async () => {
    const { status, body } = await h.get(
      `/api/messages/conversation/${h.sandbox.fixtures.bookings.noMessages}`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ total_count: 0, messages: [], has_more: false, conversation_ids: [] });
  });
});

describe("GET /api/batch/*", () => {
  it("returns the known properties and reports the unknown one", async () => {
    const [a, b] = h.sandbox.fixtures.listingIds;
    const unknown = h.sandbox.fixtures.unknownListingId;
    const { status, body } = await h.get(`/api/batch/properties?property_ids=${a},${unknown},${b}`);
    expect(status).toBe(200);
    partialFailureResponseSchema(ListingSchema).parse(body);
    expect(body.successful_results.map((l: { id: number }) => l.id).sort()).toEqual([a, b].sort());
    expect(body.successful_results.find((l: { id: number }) => l.id === a)).toEqual(
      mapListing(HostawayListingSchema.parse(listing(a!))),
    );
    expect(body.failed_items).toEqual([
      expect.objectContaining({ item_id: String(unknown), error_type: "not_found" }),
    ]);
    expect(body.summary).toEqual({ total_attempted: 3, succeeded: 2, failed: 1, success_rate: 0.6667 });
    expect(body.note).toBeNull(); // every id was attempted
  });

  it("returns the known bookings and reports the unknown one", async () => {
    const ids = [h.sandbox.fixtures.bookings.emoji, h.sandbox.fixtures.bookings.allChannels];
    const unknown = h.sandbox.fixtures.unknownBookingId;
    const { status, body } = await h.get(`/api/batch/bookings?booking_ids=${[...ids, unknown].join(",")}`);
    expect(status).toBe(200);
    partialFailureResponseSchema(BookingSchema).parse(body);
    for (const id of ids) {
      expect(body.successful_results.find((b: { id: number }) => b.id === id)).toEqual(
        mapBooking(HostawayReservationSchema.parse(reservation(id) as SandboxReservation)),
      );
    }
    expect(body.failed_items).toEqual([
      expect.objectContaining({ item_id: String(unknown), error_type: "not_found" }),
    ]);
    expect(body.summary).toMatchObject({ total_attempted: 3, succeeded: 2, failed: 1 });
  });

  it("accepts the ids as a repeated parameter too, and the Bearer header", async () => {
    const [a, b] = h.sandbox.fixtures.listingIds;
    const { status, body } = await h.get(`/api/batch/properties?property_ids=${a}&property_ids=${b}`, {
      Authorization: `Bearer ${API_KEY}`,
    });
    expect(status).toBe(200);
    expect(body.summary.succeeded).toBe(2);
  });
});
