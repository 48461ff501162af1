import { expect, test } from "vitest";
import { HostawayReservationSchema } from "../hostaway/reservation.js";
import { FinancialReportSchema } from "../wire/financial-report.js";
import { financialReportFromReservations, isNonRevenueStatus } from "./financial-report-from-reservations.js";

const reservation = (fields: Record<string, unknown>) =>
  HostawayReservationSchema.parse({
    listingMapId: 10,
    listingName: "Loft",
    channelName: "airbnbOfficial",
    status: "new",
    currency: "EUR",
    nights: 2,
    reservationDate: "2025-12-20 10:00:00",
    ...fields,
  });

const reservations = [
  reservation({
    id: 3,
    arrivalDate: "2026-01-10",
    departureDate: "2026-01-12",
    totalPrice: 100.1,
    cleaningFee: 20,
  }),
  reservation({
    id: 1,
    arrivalDate: "2026-01-05",
    departureDate: "2026-01-07",
    totalPrice: 200.2,
    cleaningFee: 30,
  }),
  reservation({
    id: 2,
    arrivalDate: "2026-01-05",
    departureDate: "2026-01-09",
    totalPrice: 50,
    status: "modified",
  }),
  reservation({ id: 4, arrivalDate: "2026-01-06", totalPrice: 999, status: "cancelled" }),
  reservation({ id: 5, arrivalDate: "2026-01-06", totalPrice: 999, status: "inquiryPreapproved" }),
  reservation({ id: 6, arrivalDate: "2026-01-06", totalPrice: 999, status: "declined" }),
  reservation({ id: 7, arrivalDate: "2026-02-06", totalPrice: 999 }),
  reservation({ id: 8, arrivalDate: "2026-01-20", totalPrice: 70, listingMapId: 11 }),
];

const january = { start_date: "2026-01-01", end_date: "2026-01-31" };

test("one row per revenue reservation in range, sorted by date then id, with totals", () => {
  const report = financialReportFromReservations(reservations, january);
  expect(report.rows.map((row) => row.id)).toEqual([1, 2, 3, 8]);
  expect(report.totals).toMatchObject({
    totalPrice: 420.3,
    cleaningFee: 50,
    nights: 8,
    currency: "EUR",
    id: null,
  });
  expect(report).toMatchObject({
    data_source: "calculated_from_reservations",
    currency: "EUR",
    date_type: "arrivalDate",
    listing_ids: [],
  });
  expect(FinancialReportSchema.safeParse(report).success).toBe(true);
});

test("cancelled, declined and inquiry statuses are excluded and said so in the note", () => {
  const report = financialReportFromReservations(reservations, january);
  expect(report.note).toContain(
    "Excluded 3 reservation(s) without revenue (1 cancelled, 1 declined, 1 inquiryPreapproved)",
  );
  expect(report.note).toContain("Calculated from reservations");
});

test("listing_ids narrows the rows", () => {
  const report = financialReportFromReservations(reservations, { ...january, listing_ids: [11] });
  expect(report.rows.map((row) => row.id)).toEqual([8]);
  expect(report.listing_ids).toEqual([11]);
});

test("date_type picks the date that must fall in the range", () => {
  const byDeparture = financialReportFromReservations(reservations, {
    start_date: "2026-01-08",
    end_date: "2026-01-31",
    date_type: "departureDate",
  });
  expect(byDeparture.rows.map((row) => row.id)).toEqual([2, 3]);
  const byBookingDate = financialReportFromReservations(reservations, {
    start_date: "2025-12-20",
    end_date: "2025-12-20",
    date_type: "reservationDate",
  });
  expect(byBookingDate.rows.map((row) => row.id)).toEqual([1, 2, 3, 7, 8]);
});

test("mixed currencies: no money totals, no report currency, and a note", () => {
  const mixed = [
    ...reservations,
    reservation({ id: 9, arrivalDate: "2026-01-15", totalPrice: 10, currency: "USD" }),
  ];
  const report = financialReportFromReservations(mixed, january);
  expect(report.currency).toBeNull();
  expect(report.totals).toMatchObject({ totalPrice: null, nights: 10, currency: null });
  expect(report.note).toContain("several currencies (EUR, USD)");
  expect(FinancialReportSchema.safeParse(report).success).toBe(true);
});

test("duplicates count once; an empty result is still a valid report", () => {
  const duplicated = financialReportFromReservations([reservations[0]!, reservations[0]!], january);
  expect(duplicated.rows).toHaveLength(1);
  const empty = financialReportFromReservations([], january);
  expect(empty).toMatchObject({ rows: [], currency: null, totals: { totalPrice: 0 } });
  expect(FinancialReportSchema.safeParse(empty).success).toBe(true);
});

test("isNonRevenueStatus", () => {
  for (const status of ["cancelled", "canceled", "declined", "expired", "inquiry", "inquiryDenied"]) {
    expect(isNonRevenueStatus(status)).toBe(true);
  }
  for (const status of ["new", "modified", "ownerStay", "pending", null, undefined]) {
    expect(isNonRevenueStatus(status)).toBe(false);
  }
});
