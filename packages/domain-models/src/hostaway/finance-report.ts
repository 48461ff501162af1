import { z } from "zod";
import { optionalString } from "./primitives.js";

/** A report column: `valueType` is `number`, `string` or `money` in the docs (open here). */
export const HostawayFinanceColumnSchema = z.looseObject({
  name: z.string(),
  title: optionalString(),
  valueType: optionalString(),
});
export type HostawayFinanceColumn = z.infer<typeof HostawayFinanceColumnSchema>;

const cell = z.unknown();

/**
 * A JSON finance report (`POST /v1/finance/report/consolidated|listingFinancials` with `format=json`;
 * REFERENCE.md §6.5, §10.15). Rows and totals are positional arrays aligned with `columns`; a reservation id in a
 * `number` column arrives as a string (`"755143"`). The cells are kept raw here; `mapFinanceReport` types them.
 */
export const HostawayFinanceReportSchema = z.looseObject({
  columns: z.array(HostawayFinanceColumnSchema),
  rows: z
    .array(z.array(cell))
    .nullish()
    .transform((rows) => rows ?? []),
  totals: z.array(cell).nullish(),
  currency: optionalString(),
});
export type HostawayFinanceReport = z.infer<typeof HostawayFinanceReportSchema>;
