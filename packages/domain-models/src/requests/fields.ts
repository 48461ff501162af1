import { z } from "zod";

/**
 * Field builders shared by the request schemas. Inputs arrive as JSON from MCP clients and as query strings from
 * the REST app, so numbers, booleans and lists also accept their text forms ("20", "true", "1,2,3"). The text is
 * converted by `z.preprocess`, which keeps every schema convertible to JSON Schema (the target type is what the
 * schema documents). Error messages name the field and what it allows.
 */

/**
 * The one text form of a whole number accepted: `0` or digits without a leading zero, optionally negative. "1.0",
 * "00001", "+1" and " 1" stay text and are refused by the number schema, naming the field: a caller who sent them
 * meant something we would otherwise guess.
 */
const CANONICAL_INTEGER = /^(?:0|-?[1-9]\d*)$/;

function numberFromText(value: unknown): unknown {
  if (typeof value === "string" && CANONICAL_INTEGER.test(value)) return Number(value);
  return value;
}

/** A whole number within bounds, e.g. `limit`. */
export function wholeNumberField(options: { name: string; min: number; max?: number }) {
  const allowed =
    options.max === undefined
      ? `${options.name} must be a whole number of at least ${options.min}`
      : `${options.name} must be a whole number from ${options.min} to ${options.max}`;
  let schema = z.number({ error: allowed }).int({ error: allowed }).min(options.min, { error: allowed });
  if (options.max !== undefined) schema = schema.max(options.max, { error: allowed });
  return z.preprocess(numberFromText, schema);
}

/** A positive Hostaway id. */
export function positiveIdField(name: string, description: string) {
  const allowed = `${name} must be a positive whole number (a Hostaway id)`;
  return z
    .preprocess(
      numberFromText,
      z
        .number({ error: allowed })
        .int({ error: allowed })
        .positive({ error: allowed })
        .max(Number.MAX_SAFE_INTEGER),
    )
    .describe(description);
}

export const bookingIdField = (description: string) => positiveIdField("booking_id", description);
export const listingIdField = (description: string) => positiveIdField("listing_id", description);

/** A real calendar date `YYYY-MM-DD` (2026-02-30 is rejected). */
export function dateField(name: string, description: string) {
  return z.iso
    .date({ error: `${name} must be a real calendar date written YYYY-MM-DD` })
    .describe(description);
}

/** A boolean that also accepts "true"/"false"/"1"/"0" (query strings). */
export function booleanField(name: string, description: string) {
  return z
    .preprocess(
      (value) => {
        if (value === "true" || value === "1") return true;
        if (value === "false" || value === "0") return false;
        return value;
      },
      z.boolean({ error: `${name} must be true or false` }),
    )
    .describe(description);
}

/** A list that also accepts one value or comma-separated text (`?ids=1,2` or `?ids=1&ids=2`). */
export function listField<Item extends z.ZodType>(
  item: Item,
  options: { name: string; min?: number; max: number; description: string },
) {
  const allowed = `${options.name} must hold ${options.min ?? 0} to ${options.max} items`;
  let list = z.array(item, { error: `${options.name} must be a list` }).max(options.max, { error: allowed });
  if (options.min !== undefined) list = list.min(options.min, { error: allowed });
  return z
    .preprocess((value, context) => {
      if (typeof value === "string") {
        const parts = value.split(",").map((part) => part.trim());
        // "1,,2", "1," and ",1" are typos that would otherwise silently drop an item.
        if (parts.some((part) => part === "")) {
          context.addIssue({
            code: "custom",
            message: `${options.name} must be comma-separated values without empty items`,
          });
          return value;
        }
        return parts.map(numberFromText);
      }
      if (typeof value === "number") return [value];
      if (Array.isArray(value)) return value.map(numberFromText);
      return value;
    }, list)
    .describe(options.description);
}

/** Short free text (names, filters). */
export function textField(name: string, description: string, max = 200) {
  return z
    .string({ error: `${name} must be text` })
    .min(1, { error: `${name} must not be empty` })
    .max(max, { error: `${name} must be at most ${max} characters` })
    .describe(description);
}

/** An opaque paging cursor from a previous page's `next_cursor`. */
export const cursorField = () =>
  z
    .string({ error: "cursor must be the next_cursor text of a previous page" })
    .min(1, { error: "cursor must be the next_cursor text of a previous page" })
    .max(2000, { error: "cursor is too long to be a next_cursor of ours" })
    .describe("The `next_cursor` of the previous page; omit for the first page.");

const realDate = z.iso.date();

/** True for a real `YYYY-MM-DD` calendar date. */
export function isRealDate(value: unknown): value is string {
  return realDate.safeParse(value).success;
}

/**
 * For refinements: false only when both dates are real and `end` is before `start`. Zod runs object refinements
 * even when a field already failed; a date that failed is reported once, by its own field.
 */
export function rangeIsOrdered<Key extends string>(startKey: Key, endKey: Key) {
  return (value: Partial<Record<Key, unknown>>): boolean => {
    const start = value[startKey];
    const end = value[endKey];
    if (!isRealDate(start) || !isRealDate(end)) return true;
    return end >= start;
  };
}

/** Whole days from `start` to `end` (both `YYYY-MM-DD`). */
export function daysBetween(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);
}
