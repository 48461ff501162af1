import type { BookingPage, ListingSummaryPage } from "@hostaway-mcp/domain-models";
import { type Sandbox, type SandboxOptions, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  checkAvailability,
  createHostawayClient,
  getBooking,
  getFinancialReport,
  getGuestInfo,
  getProperty,
  type HostawayClient,
  HostawayNotFoundError,
  listProperties,
  searchBookings,
} from "../src/index.js";
import { virtualClock } from "./helpers.js";

/** The queries end to end: the real client against the sandbox (limits off, virtual time for backoff). */

const running: Array<{ sandbox: Sandbox; client: HostawayClient }> = [];

async function account(options: SandboxOptions = {}): Promise<{ sandbox: Sandbox; client: HostawayClient }> {
  const sandbox = await startSandbox({ rateLimits: false, ...options });
  const client = createHostawayClient({
    ...sandbox.credentials,
    baseUrl: sandbox.url,
    rateLimit: { ip: 0, account: 0 },
    tokenActivationDelayMs: 0,
    clock: virtualClock(),
  });
  running.push({ sandbox, client });
  return { sandbox, client };
}

let plain: { sandbox: Sandbox; client: HostawayClient };
beforeAll(async () => {
  nock.enableNetConnect("127.0.0.1");
  plain = await account();
});
afterEach(() => plain.sandbox.resetStats());
afterAll(async () => {
  for (const { sandbox, client } of running.splice(0)) {
    client.close();
    await sandbox.close();
  }
});

async function allPages<Page extends { items: Array<{ id: number }>; next_cursor: string | null }>(
  fetchPage: (cursor: string | undefined) => Promise<Page>,
): Promise<{ ids: number[]; pages: Page[] }> {
  const ids: number[] = [];
  const pages: Page[] = [];
  let cursor: string | undefined;
  for (let call = 0; call < 100; call += 1) {
    const page = await fetchPage(cursor);
    pages.push(page);
    ids.push(...page.items.map((item) => item.id));
    if (page.next_cursor === null) return { ids, pages };
    cursor = page.next_cursor;
  }
  throw new Error("paging did not end");
}

describe("listProperties", () => {
  it("pages through every listing of the account, within a budget too", async () => {
    const { sandbox, client } = plain;
    const expected = sandbox.data.listings.map((listing) => listing.id).sort((a, b) => a - b);
    const unlimited = await allPages<ListingSummaryPage>((cursor) =>
      listProperties(client, { limit: 7, cursor }),
    );
    expect(unlimited.ids).toEqual(expected);
    expect(unlimited.pages.length).toBe(Math.ceil(expected.length / 7));

    const budgeted = await allPages<ListingSummaryPage>((cursor) =>
      listProperties(client, { limit: 100, cursor }, { responseBudget: 3_000 }),
    );
    expect(budgeted.ids).toEqual(expected);
    for (const page of budgeted.pages) expect(JSON.stringify(page).length).toBeLessThanOrEqual(3_000);
    expect(budgeted.pages[0]?.note).toMatch(/^Returned \d+ of \d+ listings to stay under 3000 characters/);
  });

  it("pages completely when the server clamps page sizes (REFERENCE.md §11)", async () => {
    const { sandbox, client } = await account({ pageSizeCap: 5 });
    const { ids } = await allPages<ListingSummaryPage>((cursor) =>
      listProperties(client, { limit: 20, cursor }),
    );
    expect(ids).toEqual(sandbox.data.listings.map((listing) => listing.id).sort((a, b) => a - b));
  });
});

describe("searchBookings", () => {
  it("finds every booking of a status by scanning, and every booking of a channel by Hostaway's filter", async () => {
    const { sandbox, client } = plain;
    const cancelled = sandbox.data.reservations.filter((r) => r.status === "cancelled").map((r) => r.id);
    expect(cancelled.length).toBeGreaterThan(0);
    const byStatus = await allPages<BookingPage>((cursor) =>
      searchBookings(client, { status: "cancelled", limit: 10, cursor }),
    );
    expect(byStatus.ids.sort()).toEqual(cancelled.sort());

    const booked = sandbox.data.reservations.filter((r) => r.channelId === 2005).map((r) => r.id);
    const byChannel = await allPages<BookingPage>((cursor) =>
      searchBookings(client, { channel: "bookingcom", limit: 100, cursor }),
    );
    expect(byChannel.ids.sort()).toEqual(booked.sort());
  });

  it("pages a listing's bookings within a budget without losing or repeating one", async () => {
    const { sandbox, client } = plain;
    const listingId = sandbox.data.reservations[0]?.listingMapId as number;
    const expected = sandbox.data.reservations.filter((r) => r.listingMapId === listingId).map((r) => r.id);
    const { ids, pages } = await allPages<BookingPage>((cursor) =>
      searchBookings(client, { listing_id: listingId, limit: 100, cursor }, { responseBudget: 3_000 }),
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(expected.sort());
    expect(pages.some((page) => page.note?.startsWith("Returned "))).toBe(true);
  });
});

describe("checkAvailability", () => {
  it("answers every night of the range, or fewer with a note where to continue", async () => {
    const { sandbox, client } = plain;
    const listingId = sandbox.fixtures.listingIds[0] as number;
    const request = { listing_id: listingId, start_date: "2026-11-01", end_date: "2026-12-31" };
    const calendar = await checkAvailability(client, request);
    expect(calendar.days).toHaveLength(61);
    const notes: string[] = [];
    const cut = await checkAvailability(client, request, {
      responseBudget: 3_000,
      onNote: (note) => notes.push(note),
    });
    expect(cut.days.length).toBeLessThan(61);
    expect(cut.days).toEqual(calendar.days.slice(0, cut.days.length));
    expect(notes[0]).toContain(`start_date=${calendar.days[cut.days.length]?.date}`);
  });
});

describe("getProperty, getBooking, getGuestInfo", () => {
  it("answer from the account's data, and an unknown id is a not-found error", async () => {
    const { sandbox, client } = plain;
    const listing = sandbox.data.listings[2];
    const reservation = sandbox.data.reservations.find((r) => r.guestEmail !== null);
    expect(await getProperty(client, { listing_id: listing?.id as number })).toMatchObject({
      id: listing?.id,
    });
    expect(await getBooking(client, { booking_id: reservation?.id as number })).toMatchObject({
      id: reservation?.id,
      guest_name: reservation?.guestName,
    });
    expect(await getGuestInfo(client, { booking_id: reservation?.id as number })).toMatchObject({
      booking_id: reservation?.id,
      email: reservation?.guestEmail,
    });
    await expect(
      getBooking(client, { booking_id: sandbox.fixtures.unknownBookingId }),
    ).rejects.toBeInstanceOf(HostawayNotFoundError);
  });
});

describe("getFinancialReport", () => {
  it("maps Hostaway's consolidated report when finance reporting is on", async () => {
    const report = await getFinancialReport(plain.client, {
      start_date: "2026-11-01",
      end_date: "2026-12-31",
      date_type: "arrivalDate",
    });
    expect(report.data_source).toBe("hostaway_finance_report");
    expect(report.rows.length).toBeGreaterThan(0);
  });

  it.each(["forbidden", "not_found"] as const)(
    "sums the reservations when finance reporting is off (%s), with the same rows",
    async (financeReporting) => {
      const { sandbox, client } = await account({ financeReporting });
      const report = await getFinancialReport(client, {
        start_date: "2026-11-01",
        end_date: "2026-11-30",
        date_type: "arrivalDate",
      });
      expect(report.data_source).toBe("calculated_from_reservations");
      const revenue = sandbox.data.reservations.filter(
        (r) =>
          r.arrivalDate >= "2026-11-01" &&
          r.arrivalDate <= "2026-11-30" &&
          !/^(cancelled|declined|expired|inquiry.*)$/.test(r.status),
      );
      expect(report.rows.map((row) => row.id).sort()).toEqual(revenue.map((r) => r.id).sort());
    },
  );

  it("asks the finance report once: after its refusal the next report costs no token and no finance POST", async () => {
    const { sandbox, client } = await account({ financeReporting: "forbidden" });
    const november = { start_date: "2026-11-01", end_date: "2026-11-30", date_type: "arrivalDate" } as const;
    const first = await getFinancialReport(client, november);
    const financePosts = () => sandbox.stats().byRoute["POST /v1/finance/report/consolidated"] ?? 0;
    // The refusal itself: one re-authentication and one replay (REFERENCE.md §2), then the fallback.
    expect(sandbox.stats().tokenRequests).toBe(2);
    expect(financePosts()).toBe(2);
    sandbox.resetStats();
    const second = await getFinancialReport(client, november);
    expect(second.data_source).toBe("calculated_from_reservations");
    expect(sandbox.stats().tokenRequests).toBe(0);
    expect(financePosts()).toBe(0);
    // The same figures, from the reservations (read again, or from the read cache).
    expect(second.rows).toEqual(first.rows);
  });

  it("says so when the calculated report stopped at its reading cap", async () => {
    const { client } = await account({ pageSizeCap: 5, financeReporting: "forbidden" });
    const report = await getFinancialReport(client, {
      start_date: "2020-01-01",
      end_date: "2030-12-31",
      date_type: "reservationDate",
    });
    expect(report.note).toMatch(
      /Only the first 100 reservations were read \(20 pages\); the figures are incomplete/,
    );
  });
});
