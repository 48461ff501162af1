import { z } from "zod";

/** A calendar date `YYYY-MM-DD` (checked to be a real date). */
export function isoDate(description: string) {
  return z.iso.date({ error: "expected a real calendar date written YYYY-MM-DD" }).describe(description);
}

/** An ISO-8601 UTC datetime ending in `Z`, e.g. `2026-11-20T12:00:00Z`. */
export function isoDateTime(description: string) {
  return z.iso
    .datetime({ error: "expected an ISO-8601 UTC datetime ending in Z" })
    .describe(`${description} (ISO-8601, UTC, ends in Z)`);
}

/** A three-letter currency code as Hostaway reports it (not validated against ISO 4217: Hostaway's list is open). */
export function currency(description: string) {
  return z
    .string()
    .nullable()
    .describe(`${description} (ISO 4217 code such as USD or EUR), null when unknown`);
}

/** An opaque paging cursor, or null on the last page. */
export const NextCursorSchema = z
  .string()
  .nullable()
  .describe("Opaque cursor for the next page: pass it back as `cursor`. null when this is the last page.");

/** Builds the page shape shared by every cursor-paged list: `{ items, next_cursor, total_count, note }`. */
export function pageSchema<Item extends z.ZodType>(item: Item, itemsDescription: string) {
  return z.strictObject({
    items: z.array(item).describe(itemsDescription),
    next_cursor: NextCursorSchema,
    total_count: z
      .number()
      .int()
      .nonnegative()
      .nullable()
      .describe("How many items match in total across all pages, when Hostaway reports it; else null."),
    note: z
      .string()
      .nullable()
      .describe(
        "Why the page holds fewer items than asked (e.g. trimmed to fit the response budget) or other caveats; null when none.",
      ),
  });
}
