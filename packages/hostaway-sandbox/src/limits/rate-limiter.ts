import { SlidingWindowLog } from "./sliding-window.js";

export interface RateLimits {
  /** Requests allowed per window and client IP. Hostaway: 15 (REFERENCE.md §4). */
  ip: number;
  /** Requests allowed per window and account. Hostaway: 20 (REFERENCE.md §4). */
  account: number;
  /** Window length. Hostaway: 10 000 ms. */
  windowMs: number;
}

export const HOSTAWAY_RATE_LIMITS: RateLimits = { ip: 15, account: 20, windowMs: 10_000 };

export type RateDecision =
  | { allowed: true }
  | { allowed: false; retryAfterMs: number; key: "ip" | "account" };

/**
 * Hostaway's two sliding windows, per client IP and per account. Only admitted requests are logged, so a
 * client that backs off for the advertised time is admitted again.
 */
export class RateLimiter {
  private readonly ipLog: SlidingWindowLog;
  private readonly accountLog: SlidingWindowLog;

  constructor(private limits: RateLimits | false) {
    const windowMs = limits ? limits.windowMs : HOSTAWAY_RATE_LIMITS.windowMs;
    this.ipLog = new SlidingWindowLog(windowMs);
    this.accountLog = new SlidingWindowLog(windowMs);
  }

  configure(limits: RateLimits | false): void {
    this.limits = limits;
    this.ipLog.clear();
    this.accountLog.clear();
    if (limits) {
      this.ipLog.setWindow(limits.windowMs);
      this.accountLog.setWindow(limits.windowMs);
    }
  }

  get current(): RateLimits | false {
    return this.limits;
  }

  admit(ip: string, account: string | undefined, now: number): RateDecision {
    const limits = this.limits;
    if (!limits) return { allowed: true };
    const ipWait = this.ipLog.msUntilBelow(ip, limits.ip, now);
    const accountWait =
      account === undefined ? 0 : this.accountLog.msUntilBelow(account, limits.account, now);
    if (ipWait > 0 || accountWait > 0) {
      return {
        allowed: false,
        retryAfterMs: Math.max(ipWait, accountWait),
        key: ipWait >= accountWait ? "ip" : "account",
      };
    }
    this.ipLog.add(ip, now);
    if (account !== undefined) this.accountLog.add(account, now);
    return { allowed: true };
  }
}
