/**
 * Remembers, per client, that the account's finance reports are off, so `getFinancialReport` goes straight to
 * its fallback instead of asking again. Without it, every report on such an account would cost a token request
 * (the 403 re-authentication), a replayed POST and the 1 s activation wait: REFERENCE.md §2 asks clients not to
 * request a token per call.
 *
 * The key is the client's `finance` resource: one object per client for its whole life, and the same object
 * however a caller wraps the client. A WeakMap lets a dropped client take its memory with it.
 */

/** How long a confirmed refusal is trusted before Hostaway is asked again (the feature may be switched on). */
export const FINANCE_OFF_MEMORY_MS = 10 * 60_000;

const refusedAt = new WeakMap<object, number>();

/** Whether a refusal for this client was seen less than `FINANCE_OFF_MEMORY_MS` ago. */
export function financeReportingKnownOff(key: object, now: number = Date.now()): boolean {
  const at = refusedAt.get(key);
  if (at === undefined) return false;
  if (now - at < FINANCE_OFF_MEMORY_MS) return true;
  refusedAt.delete(key);
  return false;
}

/** Records a confirmed refusal: a 403 that survived the re-authentication, or a 404, on `/finance/…`. */
export function rememberFinanceReportingOff(key: object, now: number = Date.now()): void {
  refusedAt.set(key, now);
}
