import { type BookingPage, decodeCursor, encodeCursor } from "@hostaway-mcp/domain-models";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { aReservation, collectIds, fakeReservations } from "../../test/query-fakes.js";
import type { QueryProgress } from "./query-options.js";
import { MAX_STATUS_SCAN_PAGES, searchBookings, UPSTREAM_PAGE_SIZE } from "./search-bookings.js";

/** 250 bookings; every 40th is cancelled (7 of them), listings 1..5 in turn. */
const account = Array.from({ length: 250 }, (_, index) =>
  aReservation(5000 + index, {
    status: index % 40 === 7 ? "cancelled" : "new",
    listingMapId: (index % 5) + 1,
    channelId: index % 3 === 0 ? 2005 : 2018,
  }),
);
const idsWhere = (predicate: (index: number) => boolean) =>
  account.filter((_, index) => predicate(index)).map((reservation) => reservation.id);
const cancelledIds = idsWhere((index) => index % 40 === 7);

const zodIssuePath = (error: unknown) => (error instanceof z.ZodError ? error.issues[0]?.path : undefined);

describe("searchBookings without a status", () => {
  it("maps every filter to Hostaway's reservation query, the channel by name (REFERENCE.md §6.2, §8.2)", async () => {
    const fake = fakeReservations(account);
    const signal = new AbortController().signal;
    await searchBookings(
      fake,
      {
        guest_name: "Schmidt",
        guest_email: "anna@example.com",
        listing_id: 3,
        arrival_start: "2026-12-01",
        arrival_end: "2026-12-31",
        departure_start: "2026-12-02",
        departure_end: "2027-01-05",
        channel: "BookingCom",
        limit: 10,
      },
      { signal },
    );
    expect(fake.calls).toEqual([
      {
        query: {
          match: "Schmidt",
          guestEmail: "anna@example.com",
          listingId: 3,
          arrivalStartDate: "2026-12-01",
          arrivalEndDate: "2026-12-31",
          departureStartDate: "2026-12-02",
          departureEndDate: "2027-01-05",
          channelId: 2005,
          limit: 10,
          afterId: undefined,
        },
        options: { signal },
      },
    ]);
  });

  it("pages by afterId through every booking, with Hostaway's total, and ends with a null cursor", async () => {
    const fake = fakeReservations(account);
    const first = await searchBookings(fake, { listing_id: 2, limit: 20 });
    expect(first.total_count).toBe(50);
    expect(first.note).toBeNull();
    expect(decodeCursor(first.next_cursor as string)).toEqual({
      list: "bookings",
      afterId: first.items.at(-1)?.id,
    });
    const ids = await collectIds((cursor) => searchBookings(fake, { listing_id: 2, limit: 20, cursor }));
    expect(ids).toEqual(idsWhere((index) => index % 5 === 1));
  });

  it("pages completely when Hostaway clamps the page size (REFERENCE.md §11)", async () => {
    const fake = fakeReservations(account, { pageCap: 7 });
    const ids = await collectIds((cursor) =>
      searchBookings(fake, { channel: "bookingcom", limit: 20, cursor }),
    );
    expect(ids).toEqual(idsWhere((index) => index % 3 === 0));
  });

  it("refuses an unknown channel and a foreign cursor before any request, naming the field", async () => {
    const fake = fakeReservations(account);
    const unknownChannel = await searchBookings(fake, { channel: "myspace", limit: 20 }).catch(
      (error) => error,
    );
    expect(zodIssuePath(unknownChannel)).toEqual(["channel"]);
    expect((unknownChannel as z.ZodError).issues[0]?.message).toContain("airbnbOfficial");
    const listingsCursor = encodeCursor({ list: "listings", offset: 20 });
    const foreign = await searchBookings(fake, { limit: 20, cursor: listingsCursor }).catch((error) => error);
    expect(zodIssuePath(foreign)).toEqual(["cursor"]);
    expect(fake.calls).toHaveLength(0);
  });
});

describe("searchBookings with a status (Hostaway has none: scanned here)", () => {
  it("scans full pages, keeps the matches, and finds every one by following the cursor", async () => {
    const fake = fakeReservations(account);
    const ids = await collectIds((cursor) => searchBookings(fake, { status: "cancelled", limit: 3, cursor }));
    expect(ids).toEqual(cancelledIds);
    for (const call of fake.calls) expect(call.query.limit).toBe(UPSTREAM_PAGE_SIZE);
  });

  it("matches the status case-insensitively, and has no total (Hostaway's count is not of matches)", async () => {
    const page = await searchBookings(fakeReservations(account), { status: " Cancelled ", limit: 100 });
    expect(page.items.map((item) => item.id)).toEqual(cancelledIds);
    for (const item of page.items) expect(item.status).toBe("cancelled");
    expect(page.total_count).toBeNull();
    expect(page.next_cursor).toBeNull();
    expect(page.note).toBeNull();
  });

  it("stops after a few pages and says how far it scanned, with a cursor to keep scanning", async () => {
    const many = Array.from({ length: 500 }, (_, index) =>
      aReservation(9000 + index, { status: index === 450 ? "cancelled" : "new" }),
    );
    const fake = fakeReservations(many);
    const progress: QueryProgress[] = [];
    const page = await searchBookings(
      fake,
      { status: "cancelled", limit: 5 },
      { onProgress: (update) => progress.push(update) },
    );
    expect(page.items).toEqual([]);
    expect(fake.calls).toHaveLength(MAX_STATUS_SCAN_PAGES);
    expect(page.note).toBe(
      'Scanned 300 bookings for status "cancelled" (Hostaway cannot filter by status) and found 0; pass ' +
        "next_cursor to keep scanning.",
    );
    expect(decodeCursor(page.next_cursor as string)).toEqual({ list: "bookings", afterId: 9299 });
    expect(progress).toEqual([
      { done: 1, total: 3, message: "scanned 100 bookings" },
      { done: 2, total: 3, message: "scanned 200 bookings" },
      { done: 3, total: 3, message: "scanned 300 bookings" },
    ]);
    const next = await searchBookings(fake, {
      status: "cancelled",
      limit: 5,
      cursor: page.next_cursor as string,
    });
    expect(next.items.map((item) => item.id)).toEqual([9450]);
    expect(next.next_cursor).toBeNull();
  });

  it("a full page of matches resumes right after its last match", async () => {
    const fake = fakeReservations(account);
    const page = await searchBookings(fake, { status: "cancelled", limit: 2 });
    expect(page.items.map((item) => item.id)).toEqual(cancelledIds.slice(0, 2));
    expect(page.note).toBeNull();
    expect(decodeCursor(page.next_cursor as string)).toEqual({ list: "bookings", afterId: cancelledIds[1] });
  });
});

describe("searchBookings with a response budget", () => {
  const budget = 4_000;

  it("returns fewer bookings with a note, resuming after the last one returned, and paging still sees all", async () => {
    const fake = fakeReservations(account);
    const page = await searchBookings(fake, { listing_id: 1, limit: 50 }, { responseBudget: budget });
    expect(JSON.stringify(page).length).toBeLessThanOrEqual(budget);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.length).toBeLessThan(50);
    expect(page.total_count).toBe(50);
    expect(page.note).toBe(
      `Returned ${page.items.length} of 50 bookings to stay under ${budget} characters; pass next_cursor to get the rest.`,
    );
    expect(decodeCursor(page.next_cursor as string)).toEqual({
      list: "bookings",
      afterId: page.items.at(-1)?.id,
    });
    const ids = await collectIds((cursor) =>
      searchBookings(fake, { listing_id: 1, limit: 50, cursor }, { responseBudget: budget }),
    );
    expect(ids).toEqual(idsWhere((index) => index % 5 === 0));
  });

  it("trims a status scan the same way without losing a match", async () => {
    const fake = fakeReservations(account);
    const ids = await collectIds((cursor) =>
      searchBookings(fake, { status: "cancelled", limit: 7, cursor }, { responseBudget: 1_500 }),
    );
    expect(ids).toEqual(cancelledIds);
  });

  it("when not even one booking fits, hands back a cursor where this call started", async () => {
    const fake = fakeReservations(account);
    const start = encodeCursor({ list: "bookings", afterId: 5010 });
    const page: BookingPage = await searchBookings(
      fake,
      { limit: 5, cursor: start },
      { responseBudget: 300 },
    );
    expect(page.items).toEqual([]);
    expect(page.next_cursor).toBe(start);
  });
});
