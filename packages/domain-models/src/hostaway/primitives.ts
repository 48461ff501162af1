import { z } from "zod";

/**
 * Building blocks for the tolerant Hostaway schemas. Each one absorbs a documented quirk of Hostaway's JSON and
 * hands the rest of the toolkit one clean type. A value we cannot read in an optional field becomes `null` rather
 * than failing the whole object: only the ids that define an object are allowed to fail a parse.
 */

const TRUE_STRINGS = new Set(["1", "true", "yes", "y", "on"]);
const FALSE_STRINGS = new Set(["0", "false", "no", "n", "off", ""]);

/**
 * A boolean as Hostaway sends it: `0`/`1` integers (the documented rule), real `true`/`false` (some fields),
 * or `"1"`/`"0"` strings (webhook examples). REFERENCE.md §1 and §10.5. Unreadable values become `null`.
 */
export const HostawayBoolean = z
  .union([z.boolean(), z.number(), z.string()])
  .transform((value): boolean | null => {
    if (typeof value === "boolean") return value;
    if (typeof value === "number") return value !== 0; // zod already refuses NaN
    const text = value.trim().toLowerCase();
    if (TRUE_STRINGS.has(text)) return true;
    if (FALSE_STRINGS.has(text)) return false;
    return null;
  });

/**
 * An id as Hostaway sends it: a JSON number or a numeric string (conversation `Reservation.hostawayReservationId`
 * is `"2"`, finance report rows carry `"755143"`). REFERENCE.md §10.6. Always a positive-or-zero integer; anything
 * else is an error, because a wrong id is worse than none.
 */
export const HostawayId = z
  .union([
    z.number().int().nonnegative(),
    z
      .string()
      .trim()
      .regex(/^\d{1,15}$/, "expected a numeric id"),
  ])
  .transform((value) => Number(value));

/**
 * A number that may arrive as a numeric string (`"count": "1"`, REFERENCE.md §10.4 and §10.6). Empty or
 * unreadable strings become `null`.
 */
export const HostawayNumber = z.union([z.number(), z.string()]).transform((value): number | null => {
  if (typeof value === "number") return value; // zod already refuses NaN and Infinity
  const text = value.trim();
  if (text === "") return null;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : null;
});

/** Free text; numbers are accepted and turned into strings (channel codes sometimes arrive as numbers). */
export const HostawayString = z.union([z.string(), z.number()]).transform((value) => String(value));

const ZONELESS_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Converts Hostaway's datetime text into ISO-8601 UTC with a `Z` (`2018-07-16T10:12:52Z`), or `null` when the
 * text is empty, a zero date or unreadable. Hostaway's datetimes have no zone suffix and are UTC
 * (REFERENCE.md §1, §10.10); text that carries an explicit zone is honoured.
 */
export function toIsoUtc(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed.startsWith("0000-00-00")) return null;
  let date: Date;
  const zoneless = ZONELESS_DATETIME.exec(trimmed);
  const dateOnly = DATE_ONLY.exec(trimmed);
  if (zoneless) {
    const [, y, mo, d, h, mi, s = "00", fraction = ""] = zoneless;
    const millis = fraction === "" ? 0 : Math.round(Number(`0${fraction}`) * 1000);
    date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), millis));
    if (!sameCalendarParts(date, Number(y), Number(mo), Number(d)) || Number(h) > 23 || Number(mi) > 59) {
      return null;
    }
    if (Number(s) > 59) return null;
  } else if (dateOnly) {
    const [, y, mo, d] = dateOnly;
    date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    if (!sameCalendarParts(date, Number(y), Number(mo), Number(d))) return null;
  } else {
    // Anything else (an explicit offset or `Z`) goes to the platform parser, which honours the zone.
    if (!/^\d{4}-\d{2}-\d{2}T/.test(trimmed)) return null;
    date = new Date(trimmed);
  }
  if (Number.isNaN(date.getTime())) return null;
  return date.toISOString().replace(".000Z", "Z");
}

function sameCalendarParts(date: Date, year: number, month: number, day: number): boolean {
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A datetime as Hostaway sends it (`YYYY-MM-DD HH:MM:SS`, UTC, no zone) → ISO `…Z`, or `null`. */
export const HostawayDateTime = z.union([z.string(), z.number()]).transform((value): string | null => {
  // A number is read as a Unix timestamp in seconds (not documented, but cheap to survive).
  if (typeof value === "number") {
    const date = new Date(value * 1000);
    return Number.isNaN(date.getTime()) ? null : date.toISOString().replace(".000Z", "Z");
  }
  return toIsoUtc(value);
});

/**
 * A calendar date (`YYYY-MM-DD`). Some "date" fields hold datetimes (review `arrivalDate`, REFERENCE.md §10.10):
 * the date part is kept. Empty, zero or unreadable dates become `null`.
 */
export const HostawayDate = z.string().transform((value): string | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return sameCalendarParts(date, Number(y), Number(mo), Number(d)) ? `${y}-${mo}-${d}` : null;
});

/**
 * Makes a field tolerant of absence: it may be missing or `null`, and a value the inner schema rejects becomes
 * `null` instead of failing the enclosing object.
 */
export function tolerant<Output>(schema: z.ZodType<Output>) {
  return z
    .unknown()
    .transform((value): Output | null => {
      if (value === undefined || value === null) return null;
      const parsed = schema.safeParse(value);
      return parsed.success ? parsed.data : null;
    })
    .optional();
}

/** Optional-and-nullable boolean field. */
export const optionalBoolean = () => tolerant(HostawayBoolean);
/** Optional-and-nullable number field. */
export const optionalNumber = () => tolerant(HostawayNumber);
/** Optional-and-nullable id field (other objects' ids: listingMapId, channelId, …). */
export const optionalId = () => tolerant(HostawayId);
/** Optional-and-nullable text field. */
export const optionalString = () => tolerant(HostawayString);
/** Optional-and-nullable datetime field (ISO `…Z`). */
export const optionalDateTime = () => tolerant(HostawayDateTime);
/** Optional-and-nullable date field (`YYYY-MM-DD`). */
export const optionalDate = () => tolerant(HostawayDate);
/** Optional-and-nullable array whose unreadable items are dropped, so one odd item never hides the rest. */
export function optionalArray<Output>(item: z.ZodType<Output>) {
  return z
    .unknown()
    .transform((value): Output[] | null => {
      if (value === undefined || value === null) return null;
      if (!Array.isArray(value)) return null;
      const items: Output[] = [];
      for (const entry of value) {
        const parsed = item.safeParse(entry);
        if (parsed.success) items.push(parsed.data);
      }
      return items;
    })
    .optional();
}
