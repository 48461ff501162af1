import { SlidingWindowLog } from "../limits/sliding-window.js";

export interface SandboxStats {
  /** Requests received (every one, including those answered 429 or by a fault). */
  total: number;
  /** Requests per route template, e.g. `"GET /v1/reservations/:id"`. Unknown routes count as `"GET (unmatched)"`. */
  byRoute: Record<string, number>;
  /** `POST /v1/accessTokens` requests. */
  tokenRequests: number;
  /** 429 responses sent (by the limits or by an injected `rate_limit` fault). */
  rateLimited: number;
  /** The most requests seen in any sliding window (the rate-limit window, 10 s by default), per IP and per account. */
  maxInAnyWindow: { ip: number; account: number };
  /** Responses replaced by an injected fault. */
  faultsInjected: number;
}

/** Counts requests; the window peaks measure client discipline whether or not limits are enforced. */
export class RequestStats {
  private stats: SandboxStats = emptyStats();
  private readonly ipWindow: SlidingWindowLog;
  private readonly accountWindow: SlidingWindowLog;

  constructor(windowMs: number) {
    this.ipWindow = new SlidingWindowLog(windowMs);
    this.accountWindow = new SlidingWindowLog(windowMs);
  }

  setWindow(windowMs: number): void {
    this.ipWindow.setWindow(windowMs);
    this.accountWindow.setWindow(windowMs);
  }

  recordRequest(route: string, ip: string, account: string | undefined, now: number): void {
    this.stats.total += 1;
    this.stats.byRoute[route] = (this.stats.byRoute[route] ?? 0) + 1;
    if (route === "POST /v1/accessTokens") this.stats.tokenRequests += 1;
    const inIpWindow = this.ipWindow.add(ip, now);
    this.stats.maxInAnyWindow.ip = Math.max(this.stats.maxInAnyWindow.ip, inIpWindow);
    if (account !== undefined) {
      const inAccountWindow = this.accountWindow.add(account, now);
      this.stats.maxInAnyWindow.account = Math.max(this.stats.maxInAnyWindow.account, inAccountWindow);
    }
  }

  recordRateLimited(): void {
    this.stats.rateLimited += 1;
  }

  recordFault(): void {
    this.stats.faultsInjected += 1;
  }

  snapshot(): SandboxStats {
    return structuredClone(this.stats);
  }

  reset(): void {
    this.stats = emptyStats();
    this.ipWindow.clear();
    this.accountWindow.clear();
  }
}

function emptyStats(): SandboxStats {
  return {
    total: 0,
    byRoute: {},
    tokenRequests: 0,
    rateLimited: 0,
    maxInAnyWindow: { ip: 0, account: 0 },
    faultsInjected: 0,
  };
}
