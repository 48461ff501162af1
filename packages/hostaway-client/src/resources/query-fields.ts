import { z } from "zod";

/** Field schemas shared by the resources' query objects (Hostaway's own camelCase names). */

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "expected a date as YYYY-MM-DD" })
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
  }, "expected a real calendar date");

export const positiveId = z.number().int().positive();
export const pageLimit = z.number().int().positive();
export const pageOffset = z.number().int().nonnegative();
export const searchText = z.string().trim().min(1).max(200);

type RangeCheck = [
  check: (value: Record<string, unknown>) => boolean,
  params: { message: string; path: string[] },
];

/** `.refine(...orderedRange("fromDate", "toDate"))`: the end of a range must not come before its start. */
export function orderedRange(from: string, to: string): RangeCheck {
  const check = (value: Record<string, unknown>) => {
    const start = value[from];
    const end = value[to];
    return typeof start !== "string" || typeof end !== "string" || start <= end;
  };
  return [check, { message: `${to} must be on or after ${from}`, path: [to] }];
}
