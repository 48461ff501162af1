import { FinancialReportRequestSchema, FinancialReportSchema } from "@hostaway-mcp/domain-models";
import { getFinancialReport } from "@hostaway-mcp/hostaway-client";
import { defineRoute } from "./route-definition.js";

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
  async handle(input, { client, signal }) {
    return getFinancialReport(client, input, { signal });
  },
});
