import type { HostawayFinanceReport } from "../hostaway/finance-report.js";
import type { FinancialReportRequest } from "../requests/financial-report.js";
import type { FinancialReport, FinancialReportColumn } from "../wire/financial-report.js";
import { textOrNull } from "./values.js";

/** The request fields a report echoes back. `listing_ids` and `date_type` may be missing (then: all, arrivalDate). */
export type FinancialReportRange = Pick<FinancialReportRequest, "start_date" | "end_date"> &
  Partial<Pick<FinancialReportRequest, "listing_ids" | "date_type">>;

type Cell = string | number | boolean | null;

function valueType(raw: string | null | undefined): FinancialReportColumn["value_type"] {
  return raw === "number" || raw === "money" ? raw : "string";
}

/**
 * Types one cell by its column. Number and money columns hold numbers: numeric text such as the reservation id
 * `"755143"` (REFERENCE.md §6.5, §10.6) becomes a number and anything unreadable (e.g. the `"Totals"` label
 * placed in the id column of the totals row) becomes `null`. Other columns keep text, numbers and booleans.
 */
export function financeCell(column: FinancialReportColumn, raw: unknown): Cell {
  if (raw === undefined || raw === null) return null;
  if (column.value_type !== "string") {
    if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
    if (typeof raw === "string" && raw.trim() !== "") {
      const parsed = Number(raw.trim());
      return Number.isFinite(parsed) ? parsed : null;
    }
    return null;
  }
  if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") return raw;
  return JSON.stringify(raw);
}

function rowObject(
  columns: readonly FinancialReportColumn[],
  cells: readonly unknown[],
): Record<string, Cell> {
  const row: Record<string, Cell> = {};
  columns.forEach((column, index) => {
    row[column.name] = financeCell(column, cells[index]);
  });
  return row;
}

/**
 * A Hostaway JSON finance report (positional rows) as a wire `FinancialReport` (rows keyed by column name).
 * Cells beyond the last column are ignored; missing cells are `null`.
 */
export function mapFinanceReport(
  report: HostawayFinanceReport,
  request: FinancialReportRange,
): FinancialReport {
  const columns: FinancialReportColumn[] = report.columns.map((column) => ({
    name: column.name,
    title: textOrNull(column.title) ?? column.name,
    value_type: valueType(column.valueType),
  }));
  const rows = report.rows.filter(Array.isArray).map((cells) => rowObject(columns, cells));
  return {
    start_date: request.start_date,
    end_date: request.end_date,
    date_type: request.date_type ?? "arrivalDate",
    currency: textOrNull(report.currency),
    listing_ids: [...(request.listing_ids ?? [])],
    data_source: "hostaway_finance_report",
    columns,
    rows,
    totals: Array.isArray(report.totals) ? rowObject(columns, report.totals) : null,
    note: null,
  };
}
