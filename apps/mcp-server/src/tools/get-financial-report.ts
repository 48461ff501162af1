import { FinancialReportRequestSchema, FinancialReportSchema } from "@hostaway-mcp/domain-models";
import { getFinancialReport } from "@hostaway-mcp/hostaway-client";
import { defineTool } from "./define-tool.js";
import { queryOptions } from "./query-options.js";

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
    return getFinancialReport(context.client, input, queryOptions(context));
  },
});
