import { z } from "zod";
import { currency, isoDate } from "./common.js";

export const FinancialReportDateTypeSchema = z
  .enum(["arrivalDate", "departureDate", "reservationDate"])
  .describe("Which reservation date must fall in the range: arrivalDate, departureDate or reservationDate.");
export type FinancialReportDateType = z.infer<typeof FinancialReportDateTypeSchema>;

export const FinancialReportDataSourceSchema = z
  .enum(["hostaway_finance_report", "calculated_from_reservations"])
  .describe(
    "Where the figures come from: hostaway_finance_report (Hostaway's consolidated finance report) or " +
      "calculated_from_reservations (summed from reservations because finance reporting is off for the account).",
  );
export type FinancialReportDataSource = z.infer<typeof FinancialReportDataSourceSchema>;

export const FinancialReportColumnSchema = z
  .strictObject({
    name: z.string().describe("Column key used in `rows` and `totals`."),
    title: z.string().describe("Human-readable column title."),
    value_type: z
      .enum(["number", "money", "string"])
      .describe("number (a count or id), money (an amount in `currency`) or string."),
  })
  .describe("One report column.");
export type FinancialReportColumn = z.infer<typeof FinancialReportColumnSchema>;

const ReportCellSchema = z
  .union([z.string(), z.number(), z.boolean(), z.null()])
  .describe("A cell: a number for number/money columns, text otherwise, null when empty.");

export const FinancialReportSchema = z
  .strictObject({
    start_date: isoDate("Start of the range (YYYY-MM-DD, inclusive)."),
    end_date: isoDate("End of the range (YYYY-MM-DD, inclusive)."),
    date_type: FinancialReportDateTypeSchema,
    currency: currency("Currency of the money columns"),
    listing_ids: z
      .array(z.number().int().positive())
      .describe("Listings the report covers; empty means every listing of the account."),
    data_source: FinancialReportDataSourceSchema,
    columns: z.array(FinancialReportColumnSchema).describe("The columns, in display order."),
    rows: z
      .array(z.record(z.string(), ReportCellSchema))
      .describe("One object per reservation (or per listing), keyed by column name."),
    totals: z
      .record(z.string(), ReportCellSchema)
      .nullable()
      .describe("Column totals keyed by column name; null when the source gave none."),
    note: z
      .string()
      .nullable()
      .describe("Caveats about the figures (exclusions, mixed currencies); null when none."),
  })
  .describe("Revenue figures for a date range.");
export type FinancialReport = z.infer<typeof FinancialReportSchema>;
