import {
  type FinancialReportRequest,
  FinancialReportRequestSchema,
  FinancialReportSchema,
  financialReportFromReservations,
  type HostawayReservation,
  mapFinanceReport,
} from "@hostaway-mcp/domain-models";
import { HostawayError } from "@hostaway-mcp/hostaway-client";
import { defineRoute, type RouteContext } from "./route-definition.js";

/** Reservations are read 100 at a time (REFERENCE.md §11); the fallback reads at most this many pages. */
const FALLBACK_PAGE_SIZE = 100;
const FALLBACK_MAX_PAGES = 20;

export const financialReportRoute = defineRoute({
  operationId: "getFinancialReport",
  path: "/api/financial/report",
  tag: "Financial",
  summary: "Financial report",
  description:
    "Revenue per reservation for a date range (`date_type` picks which reservation date must fall in it: arrivalDate, departureDate or reservationDate), optionally for some listings only, with totals. Comes from Hostaway's consolidated finance report; when the account has financial reporting off, the figures are summed from reservations instead (at most 2,000) and `data_source` says `calculated_from_reservations`.",
  request: FinancialReportRequestSchema,
  response: FinancialReportSchema,
  responseName: "FinancialReport",
  async handle(input, context) {
    const range = { ...input, listing_ids: input.listing_ids ?? [] };
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
        `Only the first ${FALLBACK_MAX_PAGES * FALLBACK_PAGE_SIZE} reservations were read; narrow the date range ` +
        "or listing_ids for complete figures.";
      return { ...report, note: report.note ? `${report.note} ${capNote}` : capNote };
    }
  },
});

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

/** The reservations the fallback sums, narrowed upstream by the date filter that matches `date_type`. */
async function reservationsInRange(
  input: FinancialReportRequest,
  { client, signal }: RouteContext,
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
    const last = page.items.at(-1);
    // REFERENCE.md §6.2: afterId paging ends on a short or empty page.
    if (last === undefined || page.items.length < FALLBACK_PAGE_SIZE) return { reservations, complete: true };
    if (page.count !== null && reservations.length >= page.count) return { reservations, complete: true };
    afterId = last.id;
  }
  return { reservations, complete: false };
}
