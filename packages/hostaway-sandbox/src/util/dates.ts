/** Date helpers. Hostaway datetimes are zone-less `YYYY-MM-DD HH:MM:SS` in UTC (REFERENCE.md §1). */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const pad = (value: number): string => String(value).padStart(2, "0");

/** `YYYY-MM-DD` of an epoch-millisecond time, in UTC. */
export function formatDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Zone-less `YYYY-MM-DD HH:MM:SS` (UTC), the way Hostaway writes datetimes. */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  return `${formatDate(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Epoch ms of a `YYYY-MM-DD` (midnight UTC) or zone-less `YYYY-MM-DD HH:MM:SS` (UTC) string. */
export function parseHostawayTime(value: string): number {
  return Date.parse(`${value.replace(" ", "T")}${value.length > 10 ? "Z" : "T00:00:00Z"}`);
}

/** Midnight UTC of the day that contains `ms`. */
export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isValidDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const ms = parseHostawayTime(value);
  return Number.isFinite(ms) && formatDate(ms) === value;
}

/** The latest of some zone-less datetimes (they sort as text), or null when there is none. */
export function latestOf(values: readonly (string | null | undefined)[]): string | null {
  let result: string | null = null;
  for (const value of values)
    if (value != null && (result === null || value.localeCompare(result) > 0)) result = value;
  return result;
}

const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Epoch ms of a datetime written `YYYY-MM-DD HH:MM:SS` (zone-less, so UTC, as Hostaway writes them) or ISO-8601
 * with or without a zone (none means UTC); undefined for anything else.
 */
export function parseDateTimeInput(raw: string): number | undefined {
  if (!DATE_TIME_PATTERN.test(raw)) return undefined;
  const iso = raw.replace(" ", "T");
  const ms = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(raw) ? iso : `${iso}Z`);
  return Number.isFinite(ms) ? ms : undefined;
}
