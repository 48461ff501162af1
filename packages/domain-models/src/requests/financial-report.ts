import { z } from "zod";
import { FinancialReportDateTypeSchema } from "../wire/financial-report.js";
import { dateField, listField, positiveIdField, rangeIsOrdered } from "./fields.js";

export const FinancialReportRequestSchema = z
  .strictObject({
    start_date: dateField("start_date", "Start of the range, YYYY-MM-DD (inclusive)."),
    end_date: dateField("end_date", "End of the range, YYYY-MM-DD (inclusive); on or after start_date."),
    listing_ids: listField(positiveIdField("listing_ids", "A Hostaway listing id."), {
      name: "listing_ids",
      max: 50,
      description:
        "Only these listings (at most 50 Hostaway listing ids); omit or leave empty for all listings.",
    }).optional(),
    date_type: FinancialReportDateTypeSchema.default("arrivalDate").describe(
      "Which reservation date must fall in the range: arrivalDate (default), departureDate or reservationDate.",
    ),
  })
  .refine(rangeIsOrdered("start_date", "end_date"), {
    message: "end_date must be on or after start_date",
    path: ["end_date"],
  })
  .describe("Revenue report for a date range.");
export type FinancialReportRequest = z.infer<typeof FinancialReportRequestSchema>;
