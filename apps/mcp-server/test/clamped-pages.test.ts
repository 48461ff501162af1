import type { BookingPage, FinancialReport, ListingSummaryPage } from "@hostaway-mcp/domain-models";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness.js";

// Hostaway documents no page-size maximum (REFERENCE.md §11): when it clamps `limit`, paging must still be complete.
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ sandbox: { pageSizeCap: 5, financeReporting: "forbidden" } });
});
afterAll(async () => h?.close());

it("pages listings completely when Hostaway returns fewer than asked", async () => {
  const ids: number[] = [];
  let cursor: string | null = null;
  for (let calls = 0; calls < 40; calls += 1) {
    const page: ListingSummaryPage = await h.ok<ListingSummaryPage>("hostaway_list_properties", {
      limit: 20,
      ...(cursor ? { cursor } : {}),
    });
    expect(page.items.length).toBeLessThanOrEqual(5);
    ids.push(...page.items.map((item) => item.id));
    cursor = page.next_cursor;
    if (!cursor) break;
  }
  expect(ids).toEqual(h.sandbox.data.listings.map((listing) => listing.id).sort((a, b) => a - b));
});

it("pages bookings completely when Hostaway returns fewer than asked", async () => {
  const listingId = h.sandbox.data.reservations[0]?.listingMapId as number;
  const ids: number[] = [];
  let cursor: string | null = null;
  for (let calls = 0; calls < 40; calls += 1) {
    const page: BookingPage = await h.ok<BookingPage>("hostaway_search_bookings", {
      listing_id: listingId,
      limit: 20,
      ...(cursor ? { cursor } : {}),
    });
    ids.push(...page.items.map((item) => item.id));
    cursor = page.next_cursor;
    if (!cursor) break;
  }
  expect(ids.sort()).toEqual(
    h.sandbox.data.reservations
      .filter((r) => r.listingMapId === listingId)
      .map((r) => r.id)
      .sort(),
  );
});

it("says so when the calculated report stopped at its reading cap", async () => {
  const report = await h.ok<FinancialReport>("hostaway_get_financial_report", {
    start_date: "2020-01-01",
    end_date: "2030-12-31",
    date_type: "reservationDate",
  });
  expect(report.data_source).toBe("calculated_from_reservations");
  expect(report.note).toMatch(
    /Only the first 100 reservations were read \(20 pages\); the figures are incomplete/,
  );
});
