/** One counted request: how many the key's current window holds now (this one included), and when it ends. */
export interface InboundLimitHit {
  count: number;
  /** Milliseconds until the window that counted this request ends. */
  resetMs: number;
}

/**
 * Where inbound windows are counted. Async so a store shared by processes fits: a Redis store implements `hit`
 * as one atomic script (`INCR key`, `PEXPIRE key windowMs NX`, `PTTL key`).
 */
export interface InboundLimitStore {
  hit(key: string, windowMs: number): Promise<InboundLimitHit>;
}

export interface MemoryLimitStoreOptions {
  now?: () => number;
  /** The most windows kept; beyond it the oldest is dropped (a flood of addresses cannot grow memory unbounded). */
  maxKeys?: number;
}

/** Fixed windows in this process's memory; expired windows are swept once per window length. */
export function createMemoryLimitStore({
  now = Date.now,
  maxKeys = 100_000,
}: MemoryLimitStoreOptions = {}): InboundLimitStore {
  const windows = new Map<string, { count: number; endsAt: number }>();
  let nextSweep = 0;
  return {
    async hit(key, windowMs) {
      const time = now();
      if (time >= nextSweep) {
        for (const [name, window] of windows) if (window.endsAt <= time) windows.delete(name);
        nextSweep = time + windowMs;
      }
      let window = windows.get(key);
      if (window === undefined || window.endsAt <= time) {
        windows.delete(key);
        if (windows.size >= maxKeys) {
          const oldest = windows.keys().next();
          if (oldest.done !== true) windows.delete(oldest.value);
        }
        window = { count: 0, endsAt: time + windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      return { count: window.count, resetMs: window.endsAt - time };
    },
  };
}

export interface InboundLimiterOptions {
  /** Names the limit in the `RateLimit` headers and prefixes its store keys, e.g. `per-key`. */
  name: string;
  /** Requests per window, ≥ 1 (a server switches a limit off by not creating it). */
  limit: number;
  windowMs: number;
  /** Default: a memory store of its own. */
  store?: InboundLimitStore;
  /** The clock of the default memory store. */
  now?: () => number;
}

export interface InboundLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds (≥ 1) until the window ends. */
  resetSeconds: number;
  windowSeconds: number;
}

export interface InboundLimiter {
  readonly name: string;
  /** Counts one request for `key` (an API key's caller id, a client IP) and says whether it is within the limit. */
  take(key: string): Promise<InboundLimitResult>;
}

/** A fixed-window request counter per key. Requests over the limit still count, so hammering does not help. */
export function createInboundLimiter({
  name,
  limit,
  windowMs,
  store,
  now,
}: InboundLimiterOptions): InboundLimiter {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError("limit must be a whole number ≥ 1");
  if (!Number.isFinite(windowMs) || windowMs < 1) throw new RangeError("windowMs must be a positive number");
  const counts = store ?? createMemoryLimitStore(now === undefined ? {} : { now });
  const windowSeconds = Math.max(1, Math.ceil(windowMs / 1000));
  return {
    name,
    async take(key) {
      const { count, resetMs } = await counts.hit(`${name}:${key}`, windowMs);
      return {
        allowed: count <= limit,
        limit,
        remaining: Math.max(0, limit - count),
        resetSeconds: Math.max(1, Math.ceil(resetMs / 1000)),
        windowSeconds,
      };
    },
  };
}

/**
 * The IETF `RateLimit` headers (draft-ietf-httpapi-ratelimit-headers-08, what express-rate-limit's `draft-8`
 * sends): `RateLimit-Policy: "<name>";q=<limit>;w=<window s>`, `RateLimit: "<name>";r=<remaining>;t=<reset s>`,
 * and `Retry-After: <s>` on a refusal.
 */
export function rateLimitHeaders(name: string, result: InboundLimitResult): Record<string, string> {
  const headers: Record<string, string> = {
    "RateLimit-Policy": `"${name}";q=${result.limit};w=${result.windowSeconds}`,
    RateLimit: `"${name}";r=${result.remaining};t=${result.resetSeconds}`,
  };
  if (!result.allowed) headers["Retry-After"] = String(result.resetSeconds);
  return headers;
}
