import {
  type FinancialReport,
  type FinancialReportRange,
  type FinancialReportRequest,
  FinancialReportRequestSchema,
  financialReportFromReservations,
  type HostawayReservation,
  mapFinanceReport,
} from "@hostaway-mcp/domain-models";
import { HostawayError } from "../errors.js";
import { walkReservations } from "../reservation-walk.js";
import type { FinanceResource } from "../resources/finance.js";
import type { ReservationsResource } from "../resources/reservations.js";
import { financeReportingKnownOff, rememberFinanceReportingOff } from "./finance-reporting-memory.js";
import { countWithinBudget, type QueryOptions, reportProgress } from "./query-options.js";

/** Reservations are read 100 at a time (REFERENCE.md §11); the fallback reads at most this many pages. */
export const FALLBACK_PAGE_SIZE = 100;
export const FALLBACK_MAX_PAGES = 20;

type ReportClient = {
  finance: Pick<FinanceResource, "consolidated">;
  reservations: Pick<ReservationsResource, "list">;
};

/**
 * Revenue for a date range: one row per reservation and totals, from Hostaway's consolidated finance report
 * (REFERENCE.md §6.5). When the account has financial reporting switched off, the figures are summed from the
 * reservations instead (`financialReportFromReservations`, at most `FALLBACK_MAX_PAGES` pages) and `data_source`
 * says `calculated_from_reservations`. One refusal is remembered for the client (`FINANCE_OFF_MEMORY_MS`), so the
 * reports that follow go straight to the reservations without a token request or a finance POST. Rows that do not fit the response budget are left out from the end (the
 * totals still cover them) and `note` says so: there is no cursor, narrowing the range or listings shows them.
 */
export async function getFinancialReport(
  client: ReportClient,
  request: FinancialReportRequest,
  options: QueryOptions = {},
): Promise<FinancialReport> {
  const input = FinancialReportRequestSchema.parse(request);
  const report = await fetchReport(client, input, options);
  return fitRows(report, options.responseBudget);
}

async function fetchReport(
  client: ReportClient,
  input: FinancialReportRequest,
  options: QueryOptions,
): Promise<FinancialReport> {
  const range = {
    start_date: input.start_date,
    end_date: input.end_date,
    date_type: input.date_type,
    listing_ids: input.listing_ids ?? [],
  };
  if (financeReportingKnownOff(client.finance)) return reportFromReservations(client, input, range, options);
  try {
    const report = await client.finance.consolidated(
      {
        fromDate: input.start_date,
        toDate: input.end_date,
        dateType: input.date_type,
        listingMapIds: input.listing_ids?.length ? input.listing_ids : undefined,
      },
      { signal: options.signal },
    );
    return mapFinanceReport(report, range);
  } catch (error) {
    if (!financeReportingIsOff(error)) throw error;
    rememberFinanceReportingOff(client.finance);
    return reportFromReservations(client, input, range, options);
  }
}

/** The fallback: the figures summed from the reservations, with a note when the reading cap cut them short. */
async function reportFromReservations(
  client: ReportClient,
  input: FinancialReportRequest,
  range: FinancialReportRange,
  options: QueryOptions,
): Promise<FinancialReport> {
  const { reservations, complete } = await reservationsInRange(client, input, options);
  const report = financialReportFromReservations(reservations, range);
  if (complete) return report;
  const capNote =
    `Only the first ${reservations.length} reservations were read (${FALLBACK_MAX_PAGES} pages); the figures ` +
    "are incomplete: narrow the date range or listing_ids for complete figures.";
  return { ...report, note: report.note ? `${report.note} ${capNote}` : capNote };
}

/**
 * REFERENCE.md §6.5: the finance reports need the account's "financial reporting" feature. Without it Hostaway
 * refuses the report endpoint (403, which the client reports as unauthorized after re-authenticating, or 404);
 * an auth failure anywhere else (the token endpoint) is a real credential problem and is not masked.
 */
function financeReportingIsOff(error: unknown): boolean {
  return (
    HostawayError.isInstance(error) &&
    error.path.startsWith("/finance/") &&
    (error.errorType === "unauthorized" || error.errorType === "not_found")
  );
}

/** The reservations the fallback sums: narrowed upstream by the date filter that matches `date_type`. */
async function reservationsInRange(
  client: ReportClient,
  input: FinancialReportRequest,
  options: QueryOptions,
): Promise<{ reservations: HostawayReservation[]; complete: boolean }> {
  // Hostaway filters arrival and departure ranges; reservationDate has no filter (REFERENCE.md §6.2, §11), so
  // those reports read the newest reservations up to the cap and the mapper keeps the ones in range.
  const dateFilter =
    input.date_type === "arrivalDate"
      ? { arrivalStartDate: input.start_date, arrivalEndDate: input.end_date }
      : input.date_type === "departureDate"
        ? { departureStartDate: input.start_date, departureEndDate: input.end_date }
        : {};
  const onlyListing = input.listing_ids?.length === 1 ? { listingId: input.listing_ids[0] } : {};
  const reservations: HostawayReservation[] = [];
  const walk = walkReservations(
    client,
    { ...dateFilter, ...onlyListing },
    { maxPages: FALLBACK_MAX_PAGES, pageSize: FALLBACK_PAGE_SIZE },
    { signal: options.signal },
  );
  for await (const page of walk) {
    reservations.push(...page.items);
    reportProgress(options, {
      done: reservations.length,
      total: page.count ?? undefined,
      message: `read ${reservations.length} reservations`,
    });
  }
  return { reservations, complete: !walk.truncated };
}

/** Leaves out trailing rows (never cuts JSON) so the report fits the budget, and says so in `note`. */
function fitRows(report: FinancialReport, responseBudget: number | undefined): FinancialReport {
  type Row = FinancialReport["rows"][number];
  const render = (rows: readonly Row[]): FinancialReport => {
    if (rows.length === report.rows.length) return report;
    const trimNote =
      `Showing the first ${rows.length} of ${report.rows.length} rows to stay under ${responseBudget} characters; ` +
      "totals cover every row. Narrow the date range or listing_ids to see the others.";
    return { ...report, rows: [...rows], note: report.note ? `${report.note} ${trimNote}` : trimNote };
  };
  return render(report.rows.slice(0, countWithinBudget(report.rows, render, responseBudget)));
}
