/**
 * Reads a `Retry-After` header (delay-seconds or an HTTP date) as milliseconds from `now`. Hostaway does not
 * document the header (REFERENCE.md §4), so it is honoured when present and ignored when absent or unreadable.
 */
export function parseRetryAfter(header: string | string[] | undefined, now: number): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
