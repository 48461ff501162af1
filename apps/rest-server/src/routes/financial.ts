import {
  FinancialReportRequestSchema,
  FinancialReportSchema,
  financialReportFromReservations,
  type HostawayReservation,
  mapFinanceReport,
} from "@hostaway-mcp/domain-models";
import { HostawayError } from "@hostaway-mcp/hostaway-client";
import { defineRoute, type RouteContext } from "./route-definition.js";

/** How many reservations the fallback reads at most (10 pages of 100). */
const FALLBACK_MAX_RESERVATIONS = 1_000;

export const financialReportRoute = defineRoute({
  operationId: "getFinancialReport",
  path: "/api/financial/report",
  tag: "Financial",
  summary: "Financial report",
  description:
    "Revenue per reservation for a date range (`date_type` picks which reservation date must fall in it: arrivalDate, departureDate or reservationDate), optionally for some listings only. Comes from Hostaway's consolidated finance report; when the account has financial reporting off, the figures are summed from reservations instead and `data_source` says `calculated_from_reservations`.",
  request: FinancialReportRequestSchema,
  response: FinancialReportSchema,
  responseName: "FinancialReport",
  async handle(input, context) {
    const { client, signal } = context;
    try {
      const report = await client.finance.consolidated(
        {
          fromDate: input.start_date,
          toDate: input.end_date,
          dateType: input.date_type,
          ...(input.listing_ids?.length ? { listingMapIds: input.listing_ids } : {}),
        },
        { signal },
      );
      return mapFinanceReport(report, input);
    } catch (error) {
      if (!financeReportingIsOff(error)) throw error;
      return financialReportFromReservations(await reservationsInRange(input, context), input);
    }
  },
});

/**
 * Hostaway's finance reports need the account's "financial reporting" feature (REFERENCE.md §6.5); without it
 * the report endpoint answers 403 or 404, which then means "compute it from reservations", not "no such thing".
 */
function financeReportingIsOff(error: unknown): boolean {
  if (!HostawayError.isInstance(error) || !error.path.startsWith("/finance")) return false;
  const status = (error as { status?: unknown }).status;
  return (error.errorType === "unauthorized" && status === 403) || error.errorType === "not_found";
}

/** The reservations the fallback report needs, narrowed upstream as far as Hostaway's filters allow. */
async function reservationsInRange(
  input: { start_date: string; end_date: string; date_type: string; listing_ids?: number[] | undefined },
  { client, signal }: RouteContext,
): Promise<HostawayReservation[]> {
  const range =
    input.date_type === "departureDate"
      ? { departureStartDate: input.start_date, departureEndDate: input.end_date }
      : input.date_type === "arrivalDate"
        ? { arrivalStartDate: input.start_date, arrivalEndDate: input.end_date }
        : {}; // No reservationDate filter exists (REFERENCE.md §6.2); the mapper filters by date.
  const listingId = input.listing_ids?.length === 1 ? { listingId: input.listing_ids[0] } : {};
  const reservations: HostawayReservation[] = [];
  for await (const reservation of client.reservations.iterate(
    { ...range, ...listingId, limit: 100 },
    { maxItems: FALLBACK_MAX_RESERVATIONS },
    { signal },
  )) {
    reservations.push(reservation);
  }
  return reservations;
}
