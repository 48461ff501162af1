import { NON_FINANCIAL_STATUSES } from "../dataset/channels.js";
import type { SandboxReservation } from "../dataset/types.js";
import { single } from "../http/envelope.js";
import { badRequest, HttpError } from "../http/http-error.js";
import { ok, type Route, type RouteContext, type RouteResponse } from "../http/route.js";

type ValueType = "number" | "string" | "money";
interface Column {
  name: string;
  title: string;
  valueType: ValueType;
}

/** The money columns of both JSON reports, in Hostaway's order (examples/financial.report.*.response.json). */
const MONEY_COLUMNS: readonly [string, string][] = [
  ["totalGuestFees", "Total guest fees"],
  ["totalTax", "Total tax"],
  ["accommodationFee", "Accommodation fee"],
  ["pmCommission", "PM Commission"],
  ["ownerPayout", "Owner payout"],
  ["pmCommissionAbc", "pmCommissionAbc"],
  ["baseRate", "Base rate"],
  ["priceForExtraPerson", "Price for extra person"],
  ["cleaningFeeValue", "Cleaning fee value"],
  ["cityTax", "City / Tourism tax"],
  ["hotelTax", "Hotel tax"],
  ["lodgingTax", "Lodging tax"],
  ["roomTax", "Room tax"],
  ["salesTax", "Sales tax"],
  ["transientOccupancyTax", "Transient occupancy tax"],
  ["vat", "VAT / GST"],
  ["otherTaxes", "Other taxes"],
  ["propertyRentTax", "Property rent tax"],
  ["guestPerPersonPerNightTax", "Guest per person per night tax"],
  ["guestStayTax", "Guest stay tax"],
  ["guestNightlyTax", "Guest nightly tax"],
  ["guestChannelFee", "Guest channel fee"],
  ["hostChannelFee", "Host channel fee"],
  ["monthlyDiscount", "Monthly discount"],
  ["weeklyDiscount", "Weekly discount"],
  ["damageDeposit", "Damage deposit"],
  ["cancellationFee", "Cancellation fee"],
  ["cancellationPayout", "Cancellation payout"],
  ["cancellationHostFee", "Cancellation host fee"],
  ["subTotalPrice", "Sub total price"],
];

const money = (name: string, title: string): Column => ({ name, title, valueType: "money" });

export const CONSOLIDATED_COLUMNS: readonly Column[] = [
  { name: "id", title: "Reservation ID", valueType: "number" },
  { name: "channelName", title: "Channel name", valueType: "string" },
  { name: "status", title: "Reservation status", valueType: "string" },
  { name: "arrivalDate", title: "Arrival date", valueType: "string" },
  { name: "departureDate", title: "Departure date", valueType: "string" },
  { name: "listingName", title: "Listing name", valueType: "string" },
  ...MONEY_COLUMNS.map(([name, title]) => money(name, title)),
];

export const LISTING_FINANCIALS_COLUMNS: readonly Column[] = [
  { name: "listingName", title: "Listing name", valueType: "string" },
  ...MONEY_COLUMNS.map(([name, title]) => money(name, title)),
];

/** The PM's commission on accommodation in the sandbox's made-up management contract. */
const PM_COMMISSION_RATE = 0.2;
/**
 * Fixed rates into USD for reports that mix currencies. Hostaway reports in one currency (the example has
 * `currency: "RUB"`) without saying how it converts; the sandbox converts mixed reports to USD at these rates.
 */
const USD_PER_UNIT: Record<string, number> = { USD: 1, EUR: 1.08, GBP: 1.27, JPY: 0.0067, MXN: 0.058 };

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** The money breakdown of one booking. Cancelled bookings are refunded in full in this sandbox (all zeros). */
export function moneyOf(r: SandboxReservation, rate: number): Record<string, number> {
  const values: Record<string, number> = Object.fromEntries(MONEY_COLUMNS.map(([name]) => [name, 0]));
  if (r.status === "cancelled" || r.status === "ownerStay") return values;
  const cleaning = (r.cleaningFee ?? 0) * rate;
  const tax = (r.taxAmount ?? 0) * rate;
  const accommodation = (r.totalPrice ?? 0) * rate - cleaning - tax;
  const hostChannelFee = (r.channelCommissionAmount ?? 0) * rate;
  const pmCommission = accommodation * PM_COMMISSION_RATE;
  Object.assign(values, {
    totalGuestFees: cleaning,
    totalTax: tax,
    accommodationFee: accommodation,
    pmCommission,
    ownerPayout: accommodation + cleaning - pmCommission - hostChannelFee,
    baseRate: accommodation,
    cleaningFeeValue: cleaning,
    vat: tax,
    hostChannelFee,
    subTotalPrice: accommodation + cleaning,
  });
  for (const key of Object.keys(values)) values[key] = round2(values[key] ?? 0);
  return values;
}

interface ReportQuery {
  format: "json" | "csv";
  rows: SandboxReservation[];
  currency: string;
  rateOf: (r: SandboxReservation) => number;
  sortBy: string | undefined;
  descending: boolean;
  delimiter: string;
}

function readReportQuery(context: RouteContext, columns: readonly Column[]): ReportQuery {
  if (context.settings.financeReporting === "forbidden") {
    throw new HttpError(403, "Financial reporting is not enabled for this account");
  }
  if (context.settings.financeReporting === "not_found") throw new HttpError(404, "Not found");
  const form = context.form;
  const format = form.oneOf("format", ["json", "csv"]);
  if (!format) throw badRequest('"format" is required: json or csv');
  const listingIds = form.integers("listingMapIds");
  const channelIds = form.integers("channelIds");
  const statuses = form.strings("statuses");
  const fromDate = form.date("fromDate");
  const toDate = form.date("toDate");
  if (fromDate && toDate && toDate < fromDate) throw badRequest('"toDate" must not be before "fromDate"');
  const dateType =
    form.oneOf("dateType", ["arrivalDate", "departureDate", "reservationDate"]) ?? "arrivalDate";
  const sortBy = form.string("sortBy");
  if (sortBy !== undefined && !columns.some((column) => column.name === sortBy)) {
    throw badRequest(
      `Invalid "sortBy": expected one of ${columns.map((c) => c.name).join(", ")}, got "${sortBy}"`,
    );
  }
  const descending = form.oneOf("sortOrder", ["asc", "desc"]) === "desc";
  const delimiter = form.oneOf("delimiter", ["comma", "tab"]) === "tab" ? "\t" : ",";
  const rows = context.index.data.reservations.filter((r) => {
    const date = r[dateType].slice(0, 10);
    return (
      (listingIds === undefined || listingIds.includes(r.listingMapId)) &&
      (channelIds === undefined || channelIds.includes(r.channelId)) &&
      (statuses === undefined ? !NON_FINANCIAL_STATUSES.has(r.status) : statuses.includes(r.status)) &&
      (fromDate === undefined || date >= fromDate) &&
      (toDate === undefined || date <= toDate)
    );
  });
  const currencies = new Set(rows.map((r) => r.currency));
  const single = currencies.size === 1 ? [...currencies][0] : undefined;
  const currency = single ?? "USD";
  const rateOf = (r: SandboxReservation) => (single ? 1 : (USD_PER_UNIT[r.currency] ?? 1));
  return { format, rows, currency, rateOf, sortBy, descending, delimiter };
}

function finish(columns: readonly Column[], rows: (string | number)[][], query: ReportQuery): RouteResponse {
  if (query.sortBy !== undefined) {
    const at = columns.findIndex((column) => column.name === query.sortBy);
    const direction = query.descending ? -1 : 1;
    rows.sort((a, b) => {
      const x = a[at] ?? "";
      const y = b[at] ?? "";
      if (typeof x === "number" && typeof y === "number") return (x - y) * direction;
      return String(x).localeCompare(String(y), "en", { numeric: true }) * direction;
    });
  }
  const totals: (string | number)[] = columns.map((column, i) =>
    i === 0
      ? "Totals"
      : column.valueType === "money"
        ? round2(rows.reduce((sum, row) => sum + Number(row[i] ?? 0), 0))
        : 0,
  );
  if (query.format === "csv") {
    const cell = (value: string | number) => {
      const text = String(value);
      return /[",\t\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    };
    const lines = [columns.map((c) => cell(c.title)), ...rows.map((row) => row.map(cell)), totals.map(cell)];
    return {
      status: 200,
      body: null,
      text: `${lines.map((l) => l.join(query.delimiter)).join("\n")}\n`,
      contentType: "text/csv; charset=utf-8",
    };
  }
  return ok(single({ columns, rows, totals, currency: query.currency }));
}

export const financeRoutes: Route[] = [
  {
    method: "POST",
    template: "/v1/finance/report/consolidated",
    requiresToken: true,
    handle(context) {
      const query = readReportQuery(context, CONSOLIDATED_COLUMNS);
      const rows = query.rows
        .sort((a, b) => a.id - b.id)
        .map((r) => {
          const values = moneyOf(r, query.rateOf(r));
          const listingName = context.index.listingsById.get(r.listingMapId)?.name ?? "";
          // REFERENCE.md §6.5: the reservation id is a string although its valueType is "number".
          return [
            String(r.id),
            r.channelName,
            r.status,
            r.arrivalDate,
            r.departureDate,
            listingName,
            ...MONEY_COLUMNS.map(([name]) => values[name] ?? 0),
          ];
        });
      return finish(CONSOLIDATED_COLUMNS, rows, query);
    },
  },
  {
    method: "POST",
    template: "/v1/finance/report/listingFinancials",
    requiresToken: true,
    handle(context) {
      const query = readReportQuery(context, LISTING_FINANCIALS_COLUMNS);
      const byListing = new Map<number, Record<string, number>>();
      for (const r of query.rows) {
        const values = moneyOf(r, query.rateOf(r));
        const sums =
          byListing.get(r.listingMapId) ?? Object.fromEntries(MONEY_COLUMNS.map(([name]) => [name, 0]));
        for (const [name] of MONEY_COLUMNS) sums[name] = round2((sums[name] ?? 0) + (values[name] ?? 0));
        byListing.set(r.listingMapId, sums);
      }
      const rows = [...byListing.entries()]
        .sort(([a], [b]) => a - b)
        .map(([listingId, sums]) => [
          context.index.listingsById.get(listingId)?.name ?? String(listingId),
          ...MONEY_COLUMNS.map(([name]) => sums[name] ?? 0),
        ]);
      return finish(LISTING_FINANCIALS_COLUMNS, rows, query);
    },
  },
];
