/**
 * An inclusive UTC date range as instants: `start_date` from 00:00:00.000Z, `end_date` to 23:59:59.999Z
 * (Hostaway's times are UTC, REFERENCE.md §1). Either end may be open.
 */
export interface InstantRange {
  /** Milliseconds since the epoch, or -Infinity when there is no start date. */
  fromMs: number;
  /** Milliseconds since the epoch, or +Infinity when there is no end date. */
  toMs: number;
}

const DAY_MS = 86_400_000;

/** The instants covered by `YYYY-MM-DD` dates (already validated by the criteria schema). */
export function instantRange(startDate: string | undefined, endDate: string | undefined): InstantRange {
  return {
    fromMs: startDate === undefined ? Number.NEGATIVE_INFINITY : Date.parse(`${startDate}T00:00:00Z`),
    toMs: endDate === undefined ? Number.POSITIVE_INFINITY : Date.parse(`${endDate}T00:00:00Z`) + DAY_MS - 1,
  };
}

/** True when an ISO timestamp falls inside the range; an unknown time never does. */
export function isWithin(timestamp: string | null | undefined, range: InstantRange): boolean {
  if (timestamp === null || timestamp === undefined) return false;
  const time = Date.parse(timestamp);
  return !Number.isNaN(time) && time >= range.fromMs && time <= range.toMs;
}

/** Milliseconds of an ISO timestamp, or null when it is missing or unreadable. */
export function instantOf(timestamp: string | null | undefined): number | null {
  if (timestamp === null || timestamp === undefined) return null;
  const time = Date.parse(timestamp);
  return Number.isNaN(time) ? null : time;
}
