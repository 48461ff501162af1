import type { HostawayReservation } from "../hostaway/reservation.js";
import type {
  FinancialReport,
  FinancialReportColumn,
  FinancialReportDateType,
} from "../wire/financial-report.js";
import { guestName } from "./map-booking.js";
import type { FinancialReportRange } from "./map-finance-report.js";
import { positiveIdOrNull, roundMoney, textOrNull } from "./values.js";

/**
 * Statuses that carry no revenue: the stay will not happen (cancelled, declined, expired) or was never booked
 * (the inquiry family, REFERENCE.md §8.1). They are left out of the fallback report and counted in its note.
 */
export function isNonRevenueStatus(status: string | null | undefined): boolean {
  if (!status) return false;
  const normalised = status.trim().toLowerCase();
  return (
    normalised === "cancelled" ||
    normalised === "canceled" ||
    normalised === "declined" ||
    normalised === "expired" ||
    normalised.startsWith("inquiry")
  );
}

/** Column names follow Hostaway's consolidated report where one exists, so both sources read alike. */
export const RESERVATION_REPORT_COLUMNS: readonly FinancialReportColumn[] = [
  { name: "id", title: "Reservation ID", value_type: "number" },
  { name: "listingMapId", title: "Listing ID", value_type: "number" },
  { name: "listingName", title: "Listing name", value_type: "string" },
  { name: "channelName", title: "Channel name", value_type: "string" },
  { name: "status", title: "Reservation status", value_type: "string" },
  { name: "guestName", title: "Guest name", value_type: "string" },
  { name: "reservationDate", title: "Reservation date", value_type: "string" },
  { name: "arrivalDate", title: "Arrival date", value_type: "string" },
  { name: "departureDate", title: "Departure date", value_type: "string" },
  { name: "nights", title: "Nights", value_type: "number" },
  { name: "currency", title: "Currency", value_type: "string" },
  { name: "totalPrice", title: "Total price", value_type: "money" },
  { name: "cleaningFee", title: "Cleaning fee", value_type: "money" },
  { name: "taxAmount", title: "Tax amount", value_type: "money" },
  { name: "channelCommissionAmount", title: "Channel commission", value_type: "money" },
  { name: "hostawayCommissionAmount", title: "Hostaway commission", value_type: "money" },
];

const SUMMED_COLUMNS = RESERVATION_REPORT_COLUMNS.filter(
  (column) => column.value_type === "money" || column.name === "nights",
);

function dateFor(reservation: HostawayReservation, dateType: FinancialReportDateType): string | null {
  if (dateType === "departureDate") return reservation.departureDate ?? null;
  if (dateType === "reservationDate") return reservation.reservationDate?.slice(0, 10) ?? null;
  return reservation.arrivalDate ?? null;
}

/**
 * A financial report summed from reservations: the fallback when Hostaway's finance reports are switched off for
 * the account (they require the "financial reporting" feature, REFERENCE.md §6.5). Keeps the reservations whose
 * `date_type` date falls in the range (and whose listing is asked for), one row each, sorted by that date; leaves
 * out statuses without revenue and says so in `note`. Money totals are given only when every row shares one
 * currency; with mixed currencies they are `null` and the note explains why.
 */
export function financialReportFromReservations(
  reservations: readonly HostawayReservation[],
  request: FinancialReportRange,
): FinancialReport {
  const dateType = request.date_type ?? "arrivalDate";
  const listingIds = new Set(request.listing_ids ?? []);
  const seen = new Set<number>();
  const excludedByStatus = new Map<string, number>();
  const kept: Array<{ reservation: HostawayReservation; date: string }> = [];

  for (const reservation of reservations) {
    if (seen.has(reservation.id)) continue;
    seen.add(reservation.id);
    const date = dateFor(reservation, dateType);
    if (date === null || date < request.start_date || date > request.end_date) continue;
    if (listingIds.size > 0 && !listingIds.has(reservation.listingMapId ?? -1)) continue;
    if (isNonRevenueStatus(reservation.status)) {
      const status = (reservation.status as string).trim();
      excludedByStatus.set(status, (excludedByStatus.get(status) ?? 0) + 1);
      continue;
    }
    kept.push({ reservation, date });
  }
  kept.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.reservation.id - b.reservation.id));

  const rows = kept.map(({ reservation }) => ({
    id: reservation.id,
    listingMapId: positiveIdOrNull(reservation.listingMapId),
    listingName: textOrNull(reservation.listingName),
    channelName: textOrNull(reservation.channelName),
    status: textOrNull(reservation.status),
    guestName: guestName(reservation),
    reservationDate: reservation.reservationDate ?? null,
    arrivalDate: reservation.arrivalDate ?? null,
    departureDate: reservation.departureDate ?? null,
    nights: reservation.nights ?? null,
    currency: textOrNull(reservation.currency),
    totalPrice: reservation.totalPrice ?? null,
    cleaningFee: reservation.cleaningFee ?? null,
    taxAmount: reservation.taxAmount ?? null,
    channelCommissionAmount: reservation.channelCommissionAmount ?? null,
    hostawayCommissionAmount: reservation.hostawayCommissionAmount ?? null,
  }));

  const currencies = [
    ...new Set(rows.map((row) => row.currency).filter((code): code is string => code !== null)),
  ];
  const singleCurrency = currencies.length <= 1;

  const totals: Record<string, string | number | null> = {};
  for (const column of RESERVATION_REPORT_COLUMNS) totals[column.name] = null;
  totals.id = null;
  for (const column of SUMMED_COLUMNS) {
    if (column.value_type === "money" && !singleCurrency) continue;
    const values = rows
      .map((row) => row[column.name as keyof (typeof rows)[number]])
      .filter((value): value is number => typeof value === "number");
    totals[column.name] = column.value_type === "money" ? roundMoney(sum(values)) : sum(values);
  }
  totals.currency = singleCurrency ? (currencies[0] ?? null) : null;

  const notes = [
    "Calculated from reservations because Hostaway's finance reports are not available for this account; " +
      "amounts are the totals stored on each reservation.",
  ];
  if (excludedByStatus.size > 0) {
    const parts = [...excludedByStatus.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([status, count]) => `${count} ${status}`);
    const total = [...excludedByStatus.values()].reduce((a, b) => a + b, 0);
    notes.push(`Excluded ${total} reservation(s) without revenue (${parts.join(", ")}).`);
  }
  if (!singleCurrency) {
    notes.push(
      `Reservations use several currencies (${currencies.join(", ")}), so money totals are not summed.`,
    );
  }

  return {
    start_date: request.start_date,
    end_date: request.end_date,
    date_type: dateType,
    currency: singleCurrency ? (currencies[0] ?? null) : null,
    listing_ids: [...(request.listing_ids ?? [])],
    data_source: "calculated_from_reservations",
    columns: RESERVATION_REPORT_COLUMNS.map((column) => ({ ...column })),
    rows,
    totals,
    note: notes.join(" "),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
