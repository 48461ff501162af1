import type { FinancialReport } from "@hostaway-mcp/domain-models";
import { afterEach, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const NO_REVENUE = /^(cancelled|declined|expired|inquiry.*)$/;

describe("hostaway_get_financial_report", () => {
  it("maps Hostaway's consolidated report: one row per revenue booking arriving in the range", async () => {
    h = await startHarness();
    const { data } = h.sandbox;
    const listingId = data.reservations[0]?.listingMapId as number;
    const report = await h.ok<FinancialReport>("hostaway_get_financial_report", {
      start_date: "2026-09-01",
      end_date: "2027-02-28",
      listing_ids: [listingId],
    });
    expect(report).toMatchObject({
      data_source: "hostaway_finance_report",
      date_type: "arrivalDate",
      listing_ids: [listingId],
      start_date: "2026-09-01",
      end_date: "2027-02-28",
    });
    const expected = data.reservations
      .filter(
        (r) =>
          r.listingMapId === listingId &&
          r.arrivalDate >= "2026-09-01" &&
          r.arrivalDate <= "2027-02-28" &&
          !["inquiry", "inquiryPreapproved", "inquiryDenied", "inquiryTimedout", "inquiryNotPossible"]
            .concat(["declined", "expired", "unknown"])
            .includes(r.status),
      )
      .map((r) => r.id)
      .sort((a, b) => a - b);
    expect(expected.length).toBeGreaterThan(0);
    expect(report.rows.map((row) => Number(row.id))).toEqual(expected);
    expect(report.columns.map((column) => column.name)).toContain("ownerPayout");
    expect(report.totals).not.toBeNull();
  });

  it.each(["forbidden", "not_found"] as const)(
    "falls back to figures calculated from reservations when finance reporting is off (%s)",
    async (financeReporting) => {
      h = await startHarness({ sandbox: { financeReporting } });
      const { data } = h.sandbox;
      const report = await h.ok<FinancialReport>("hostaway_get_financial_report", {
        start_date: "2026-11-01",
        end_date: "2026-11-30",
      });
      expect(report.data_source).toBe("calculated_from_reservations");
      const expected = data.reservations.filter(
        (r) => r.arrivalDate >= "2026-11-01" && r.arrivalDate <= "2026-11-30" && !NO_REVENUE.test(r.status),
      );
      expect(report.rows.map((row) => row.id).sort()).toEqual(expected.map((r) => r.id).sort());
      const currencies = new Set(expected.map((r) => r.currency));
      if (currencies.size === 1) {
        const sum = expected.reduce((total, r) => total + (r.totalPrice ?? 0), 0);
        expect(report.totals?.totalPrice).toBeCloseTo(sum, 2);
      }
      expect(report.note).toMatch(/Calculated from reservations/);
    },
  );

  it("reports the departure-date variant of the fallback over the departure filter", async () => {
    h = await startHarness({ sandbox: { financeReporting: "forbidden" } });
    const report = await h.ok<FinancialReport>("hostaway_get_financial_report", {
      start_date: "2026-12-01",
      end_date: "2026-12-15",
      date_type: "departureDate",
    });
    const expected = h.sandbox.data.reservations.filter(
      (r) => r.departureDate >= "2026-12-01" && r.departureDate <= "2026-12-15" && !NO_REVENUE.test(r.status),
    );
    expect(report.rows.map((row) => row.id).sort()).toEqual(expected.map((r) => r.id).sort());
  });

  it("leaves trailing rows out (with a note) rather than exceeding the response budget", async () => {
    h = await startHarness({ responseBudget: 8_000 });
    const result = await h.call("hostaway_get_financial_report", {
      start_date: "2026-01-01",
      end_date: "2027-12-31",
    });
    expect(result.isError).toBeFalsy();
    const text = (result.content[0] as { text: string }).text;
    expect(text.length).toBeLessThanOrEqual(8_000);
    const report = JSON.parse(text) as FinancialReport;
    expect(report).toEqual(result.structuredContent);
    expect(report.note).toMatch(/Showing the first \d+ of \d+ rows/);
    expect(report.totals).not.toBeNull();
  });
});
