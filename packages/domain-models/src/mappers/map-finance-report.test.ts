import { expect, test } from "vitest";
import { HostawayFinanceReportSchema } from "../hostaway/finance-report.js";
import { FinancialReportSchema } from "../wire/financial-report.js";
import { financeCell, mapFinanceReport } from "./map-finance-report.js";

const request = { start_date: "2026-01-01", end_date: "2026-01-31" };

const report = HostawayFinanceReportSchema.parse({
  columns: [
    { name: "id", title: "Reservation ID", valueType: "number" },
    { name: "listingName", title: "Listing name", valueType: "string" },
    { name: "ownerPayout", title: "Owner payout", valueType: "money" },
    { name: "mystery", valueType: "percent" },
  ],
  rows: [
    ["755143", "Loft", "120.50", 7],
    [777736, "Villa", 99, { nested: true }, "ignored extra cell"],
    [null, "Short row"],
  ],
  totals: ["Totals", null, 219.5, null],
  currency: "EUR",
});

test("positional rows become objects keyed by column name, typed by column", () => {
  const mapped = mapFinanceReport(report, { ...request, listing_ids: [1, 2], date_type: "departureDate" });
  expect(mapped.rows).toEqual([
    { id: 755143, listingName: "Loft", ownerPayout: 120.5, mystery: 7 },
    { id: 777736, listingName: "Villa", ownerPayout: 99, mystery: '{"nested":true}' },
    { id: null, listingName: "Short row", ownerPayout: null, mystery: null },
  ]);
  expect(mapped).toMatchObject({
    listing_ids: [1, 2],
    date_type: "departureDate",
    currency: "EUR",
    data_source: "hostaway_finance_report",
    totals: { id: null, listingName: null, ownerPayout: 219.5, mystery: null },
  });
  expect(FinancialReportSchema.safeParse(mapped).success).toBe(true);
});

test("columns: unknown value types read as string; a missing title falls back on the name", () => {
  expect(mapFinanceReport(report, request).columns).toEqual([
    { name: "id", title: "Reservation ID", value_type: "number" },
    { name: "listingName", title: "Listing name", value_type: "string" },
    { name: "ownerPayout", title: "Owner payout", value_type: "money" },
    { name: "mystery", title: "mystery", value_type: "string" },
  ]);
});

test("defaults: all listings, arrivalDate, no totals", () => {
  const bare = HostawayFinanceReportSchema.parse({ columns: [], rows: [] });
  expect(mapFinanceReport(bare, request)).toMatchObject({
    listing_ids: [],
    date_type: "arrivalDate",
    totals: null,
    currency: null,
    rows: [],
  });
});

test("financeCell: numbers in number columns, unreadable text becomes null", () => {
  const money = { name: "x", title: "x", value_type: "money" } as const;
  expect(financeCell(money, "12.5")).toBe(12.5);
  expect(financeCell(money, "Totals")).toBeNull();
  expect(financeCell(money, "")).toBeNull();
  expect(financeCell(money, true)).toBeNull();
  const text = { name: "x", title: "x", value_type: "string" } as const;
  expect(financeCell(text, false)).toBe(false);
  expect(financeCell(text, undefined)).toBeNull();
});
