import {
  type FinancialReport,
  type FinancialReportRequest,
  FinancialReportRequestSchema,
  FinancialReportSchema,
  financialReportFromReservations,
  fitToBudget,
  type HostawayReservation,
  mapFinanceReport,
} from "@hostaway-mcp/domain-models";
import { HostawayError } from "@hostaway-mcp/hostaway-client";
import { defineTool } from "./define-tool.js";
import { isLastPage } from "./last-page.js";
import type { ToolContext } from "./tool-context.js";

/** Reservations are read 100 at a time (REFERENCE.md §11); the fallback reads at most this many pages. */
const FALLBACK_PAGE_SIZE = 100;
const FALLBACK_MAX_PAGES = 20;

export const getFinancialReportTool = defineTool({
  name: "hostaway_get_financial_report",
  title: "Get financial report",
  description:
    "Revenue figures for a date range: one row per reservation (price, fees, taxes, commissions, payout) and " +
    "totals, from Hostaway's consolidated finance report. `date_type` picks which date must fall in the range " +
    "(arrivalDate by default, departureDate or reservationDate); `listing_ids` narrows to some properties. When " +
    "the account has Hostaway's financial reporting switched off, the figures are summed from the reservations " +
    'instead and `data_source` says "calculated_from_reservations". For one booking\'s price use ' +
    "hostaway_get_booking_details; to find listing ids use hostaway_list_properties. Paging: none; if the rows do " +
    "not fit in one answer, the last rows are left out (totals still cover all) and `note` says so: narrow the " +
    "date range or listing_ids to see them.",
  inputSchema: FinancialReportRequestSchema,
  outputSchema: FinancialReportSchema,
  notFound: () => ({
    problem: "Hostaway reported a listing of the report as not found.",
    nextStep: "check listing_ids with hostaway_list_properties.",
  }),
  async run(input, context) {
    const report = await fetchReport(input, context);
    return fitRows(report, context.responseBudget);
  },
});

async function fetchReport(input: FinancialReportRequest, context: ToolContext): Promise<FinancialReport> {
  const range = {
    start_date: input.start_date,
    end_date: input.end_date,
    date_type: input.date_type,
    listing_ids: input.listing_ids ?? [],
  };
  try {
    const report = await context.client.finance.consolidated(
      {
        fromDate: input.start_date,
        toDate: input.end_date,
        dateType: input.date_type,
        listingMapIds: input.listing_ids?.length ? input.listing_ids : undefined,
      },
      { signal: context.signal },
    );
    return mapFinanceReport(report, range);
  } catch (error) {
    if (!financeReportingIsOff(error)) throw error;
    context.logger.info("finance reports are off for this account; calculating from reservations");
    const { reservations, complete } = await reservationsInRange(input, context);
    const report = financialReportFromReservations(reservations, range);
    if (complete) return report;
    const capNote =
      `Only the first ${reservations.length} reservations were read (${FALLBACK_MAX_PAGES} pages); the figures ` +
      "are incomplete: narrow the date range or listing_ids for complete figures.";
    return { ...report, note: report.note ? `${report.note} ${capNote}` : capNote };
  }
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
  input: FinancialReportRequest,
  { client, signal, progress }: ToolContext,
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
  let afterId: number | undefined;
  for (let pageIndex = 0; pageIndex < FALLBACK_MAX_PAGES; pageIndex += 1) {
    const page = await client.reservations.list(
      { ...dateFilter, ...onlyListing, limit: FALLBACK_PAGE_SIZE, afterId },
      { signal },
    );
    reservations.push(...page.items);
    progress(reservations.length, page.count ?? undefined, `read ${reservations.length} reservations`);
    const last = page.items.at(-1);
    if (last === undefined || isLastPage(page, FALLBACK_PAGE_SIZE)) return { reservations, complete: true };
    // `count` is the total matching the filters; having read that many saves the empty page that would end the walk.
    if (page.count !== null && reservations.length >= page.count) return { reservations, complete: true };
    afterId = last.id;
  }
  return { reservations, complete: false };
}

/** Leaves out trailing rows (never cuts JSON) so the report fits the budget, and says so in `note`. */
function fitRows(report: FinancialReport, budget: number): FinancialReport {
  const render = (rows: readonly FinancialReport["rows"][number][]): FinancialReport => {
    if (rows.length === report.rows.length) return report;
    const trimNote =
      `Showing the first ${rows.length} of ${report.rows.length} rows to stay under ${budget} characters; ` +
      "totals cover every row. Narrow the date range or listing_ids to see the others.";
    return { ...report, rows: [...rows], note: report.note ? `${report.note} ${trimNote}` : trimNote };
  };
  return render(report.rows.slice(0, fitToBudget(report.rows, render, budget)));
}
