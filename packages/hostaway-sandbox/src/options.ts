import type { FinanceReporting, SandboxCredentials } from "./http/route.js";
import type { RateLimits } from "./limits/rate-limiter.js";

export interface SandboxOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Delay added before every response, in ms. Default 0. */
  latencyMs?: number;
  /** Sliding-window limits, or `false` to turn them off. Default Hostaway's: 15 per IP and 20 per account per 10 000 ms. */
  rateLimits?: RateLimits | false;
  /** Send a `Retry-After` header (seconds) with 429s. Hostaway does not document one. Default true. */
  retryAfterHeader?: boolean;
  /** Token lifetime in seconds (`expires_in`). Default 15 897 600 (184 days, as in Hostaway's example). */
  tokenTtlSeconds?: number;
  /** A token used sooner than this after it was issued gets 403 (REFERENCE.md §2 says 1 s). Default 0 (off). */
  tokenNotBeforeMs?: number;
  /** Largest page a list returns; a bigger `limit` is clamped. Default 100. */
  pageSizeCap?: number;
  /** "Now" for the dataset: every date hangs off it. Default `2026-11-20T12:00:00Z`. */
  anchorDate?: string | number | Date;
  /** Finance reports on, or answering 403/404 as when the feature is off. Default "on". */
  financeReporting?: FinanceReporting;
  /** The client credentials the token endpoint accepts. Default `{ accountId: "10450", secretKey: "sandbox-secret-key" }`. */
  credentials?: SandboxCredentials;
  /** Dataset seed. Default fixed, so every run sees the same data. */
  seed?: number;
  /** Clock for tokens and rate limits (ms since epoch). Default `Date.now`. */
  now?: () => number;
}

export const DEFAULT_ANCHOR_DATE = "2026-11-20T12:00:00Z";
export const DEFAULT_CREDENTIALS: SandboxCredentials = {
  accountId: "10450",
  secretKey: "sandbox-secret-key",
};
export const DEFAULT_TOKEN_TTL_SECONDS = 15_897_600;
export const DEFAULT_PAGE_SIZE_CAP = 100;

export function anchorToMs(anchor: SandboxOptions["anchorDate"]): number {
  const value = anchor ?? DEFAULT_ANCHOR_DATE;
  const ms = value instanceof Date ? value.getTime() : typeof value === "number" ? value : Date.parse(value);
  if (!Number.isFinite(ms))
    throw new TypeError(`anchorDate must be an ISO date-time, got ${JSON.stringify(anchor)}`);
  // Whole seconds, like Hostaway's datetimes.
  return Math.floor(ms / 1000) * 1000;
}

export function validateOptions(options: SandboxOptions): void {
  const nonNegative = (name: string, value: number | undefined) => {
    if (value !== undefined && (!Number.isFinite(value) || value < 0)) {
      throw new TypeError(`${name} must be a number ≥ 0, got ${value}`);
    }
  };
  nonNegative("latencyMs", options.latencyMs);
  nonNegative("tokenNotBeforeMs", options.tokenNotBeforeMs);
  nonNegative("port", options.port);
  if (
    options.pageSizeCap !== undefined &&
    (!Number.isInteger(options.pageSizeCap) || options.pageSizeCap < 1)
  ) {
    throw new TypeError(`pageSizeCap must be an integer ≥ 1, got ${options.pageSizeCap}`);
  }
  if (
    options.tokenTtlSeconds !== undefined &&
    (!Number.isInteger(options.tokenTtlSeconds) || options.tokenTtlSeconds < 1)
  ) {
    throw new TypeError(`tokenTtlSeconds must be an integer ≥ 1, got ${options.tokenTtlSeconds}`);
  }
  if (
    options.financeReporting !== undefined &&
    !["on", "forbidden", "not_found"].includes(options.financeReporting)
  ) {
    throw new TypeError(
      `financeReporting must be "on", "forbidden" or "not_found", got ${JSON.stringify(options.financeReporting)}`,
    );
  }
  if (options.rateLimits) validateRateLimits(options.rateLimits);
}

export function validateRateLimits(limits: RateLimits): void {
  for (const key of ["ip", "account", "windowMs"] as const) {
    const value = limits[key];
    if (!Number.isInteger(value) || value < 1)
      throw new TypeError(`rateLimits.${key} must be an integer ≥ 1, got ${value}`);
  }
}
