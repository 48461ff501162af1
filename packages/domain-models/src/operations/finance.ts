import { FinancialReportRequestSchema } from "../requests/financial-report.js";
import { FinancialReportSchema } from "../wire/financial-report.js";
import { defineOperation } from "./operation.js";

export const getFinancialReportOperation = defineOperation({
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
  input: FinancialReportRequestSchema,
  output: FinancialReportSchema,
  http: {
    method: "GET",
    path: "/api/financial/report",
    operationId: "getFinancialReport",
    tag: "Financial",
    summary: "Financial report",
    description:
      "Revenue per reservation for a date range (`date_type` picks which reservation date must fall in it: arrivalDate, departureDate or reservationDate), optionally for some listings only, with totals. Comes from Hostaway's consolidated finance report; when the account has financial reporting off, the figures are summed from reservations instead (at most 2,000) and `data_source` says `calculated_from_reservations`.",
    responseName: "FinancialReport",
  },
  guestData: false,
  notFound: (_input, refer) => ({
    problem: "Hostaway reported a listing of the report as not found.",
    nextStep: `check listing_ids with ${refer("hostaway_list_properties")}.`,
  }),
  budget: "report_rows",
});
