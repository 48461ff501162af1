import Bottleneck from "bottleneck";

/**
 * The client's sliding windows (REFERENCE.md §4: 15 requests per 10 s per IP, 20 per account).
 *
 * Scope: the windows belong to ONE client instance. Two clients in one process each keep their own windows, so
 * together they could send 30 requests in 10 s from one IP and be answered 429. Create one client per account and
 * share it; for several clients or processes, inject one shared Bottleneck via the client's `limiter` option (its
 * reservoir is then the shared window: 15 when every holder sends from the same IP).
 */
export interface RateLimitOptions {
  /**
   * Requests per window from this client: Hostaway's per-IP limit (REFERENCE.md §4), counted per client instance,
   * not per process or machine (see above). `0` turns it off.
   */
  ip?: number;
  /** Requests per window for the account (REFERENCE.md §4), counted per client instance too. `0` turns it off. */
  account?: number;
  /** The window length in ms (Hostaway: 10 s). Tests and the sandbox scale it down. */
  windowMs?: number;
  /**
   * Extra time a slot stays taken after its window, against timer and clock granularity. Default: 1 % of
   * `windowMs`.
   */
  safetyMarginMs?: number;
  /**
   * The most of the account window (of the IP window when the account limit is off) that background requests
   * (cache warming) may hold: a hard ceiling, since the account's budget is shared with its other integrations.
   * Default 0.25; greater than 0, at most 1.
   */
  backgroundShare?: number;
}

export const DEFAULT_RATE_LIMIT = { ip: 15, account: 20, windowMs: 10_000, backgroundShare: 0.25 } as const;

export interface GateOptions {
  signal?: AbortSignal | undefined;
  /** Bottleneck priority, 0 (first) … 9; token requests jump the queue so waiting calls can proceed. */
  priority?: number;
  /**
   * Background work: it first takes a unit of the background window (the share's ceiling), then queues at the
   * lowest priority, so every interactive request waiting for a slot goes before it.
   */
  background?: boolean;
}

/**
 * Sends one request once it holds a slot. `startWindow` starts the slot's window: call it when the response
 * begins to arrive; if `send` never calls it, the window starts when `send` settles. `giveBack` returns the slot at
 * once instead, for a `send` that found it cannot go out after all (its token went stale while it queued): nothing
 * left, so nothing needs a window.
 */
export type SendWithSlot<T> = (startWindow: () => void, giveBack: () => void) => Promise<T>;

/** Every attempt to reach Hostaway passes `run`, retries and token requests included. */
export interface RateGate {
  run<T>(send: SendWithSlot<T>, options?: GateOptions): Promise<T>;
  /** Background requests one window may hold (the share's ceiling); null when no window applies. */
  readonly backgroundLimit: number | null;
  /** Hostaway answered 429: hold every request back this long (shared by all processes when windows are). */
  coolDown(ms: number): void;
}

/** One slot of windows shared with other processes (docs/adr/008), held from its grant. */
export interface SlotLease {
  /** The response began to arrive: the slot's window runs from now. */
  started(): void;
  /** Nothing went out: the slot is free at once. */
  giveBack(): void;
}

/**
 * Windows shared by several processes (Redis), taken after this process's own queue has granted a request its
 * turn: the own queue orders the requests of this process (interactive first), the shared windows decide when
 * the turn may go out.
 */
export interface SharedSlots {
  /**
   * A slot of the shared windows. A background request that cannot have one now is rejected with
   * `BackgroundDeferred` instead of waiting: it gives back this process's own slots and queues again after
   * `waitMs`, so a warming request never holds a slot an interactive request of this process could use.
   */
  acquire(options: { signal?: AbortSignal | undefined; background: boolean }): Promise<SlotLease>;
  coolDown(ms: number): void;
}

/** A background request the shared windows cannot take now: ask again in `waitMs`, holding nothing meanwhile. */
export class BackgroundDeferred extends Error {
  constructor(readonly waitMs: number) {
    super(`background request deferred for ${waitMs} ms`);
    this.name = "BackgroundDeferred";
  }
}

/** The priority background requests queue at: after every other request. */
export const BACKGROUND_PRIORITY = 9;

/** Thrown inside the queue for a job whose caller left; never reaches a caller. */
const ABANDONED = Symbol("abandoned");

/**
 * A sliding window on top of a Bottleneck reservoir. Bottleneck's own `reservoirRefreshInterval` is a fixed window:
 * 15 requests at 9.9 s and 15 more at 10.1 s would pass, 30 inside 0.2 s. Instead each started job takes one unit
 * and gives it back `windowMs` (+ margin) later, so no window of that length ever holds more than the limit,
 * wherever it is placed.
 *
 * "Later" is counted from when the response begins to arrive, not from when the job started. Hostaway counts a
 * request when it arrives there, which is some unknown time after we send it but always before we see its
 * response; counted from the response, the next request that takes the slot arrives at least `windowMs` after
 * this one did, whatever the network and both sides' queues did in between. (Counted from the job start, a burst
 * of 15 measurably let the server see the 15th request and the next holder of its slot under `windowMs` apart.)
 * The price is one request latency per slot and window, about what a fixed margin for jitter would cost.
 */
class SlidingWindow {
  readonly #limiter: Bottleneck;
  readonly #holdMs: number;
  /** Whether units are ours to give back; an injected limiter without a reservoir is used as it is. */
  readonly #usesReservoir: Promise<boolean>;

  constructor(limiter: Bottleneck, holdMs: number, usesReservoir: Promise<boolean>) {
    this.#limiter = limiter;
    this.#holdMs = holdMs;
    this.#usesReservoir = usesReservoir;
  }

  schedule<T>(job: () => Promise<T>, priority: number): Promise<T> {
    return this.#limiter.schedule({ priority }, job);
  }

  /** The request went out: its slot frees up one window (+ margin) from now. */
  releaseAfterWindow(): void {
    const timer = setTimeout(() => void this.#giveBack(), this.#holdMs);
    timer.unref();
  }

  /** The job never sent anything (its caller left while it queued): the slot is free at once. */
  releaseNow(): void {
    void this.#giveBack();
  }

  async #giveBack(): Promise<void> {
    // A failed increment (e.g. a clustered limiter losing its connection) must not crash the process.
    if (await this.#usesReservoir) await this.#limiter.incrementReservoir(1).catch(() => undefined);
  }
}

export interface RateGateOptions extends RateLimitOptions {
  /** A shared Bottleneck (e.g. clustered) that replaces the built-in account window. */
  limiter?: Bottleneck | undefined;
  /** Windows shared with other processes, passed after this process's own. */
  shared?: SharedSlots | undefined;
}

/** The limits with their defaults applied and checked; `holdMs` is how long a slot stays taken (window + margin). */
export interface ResolvedRateLimits {
  ip: number;
  account: number;
  windowMs: number;
  holdMs: number;
}

export function resolveRateLimits(options: RateLimitOptions = {}): ResolvedRateLimits {
  const windowMs = checked("windowMs", options.windowMs ?? DEFAULT_RATE_LIMIT.windowMs, false);
  const margin = checked("safetyMarginMs", options.safetyMarginMs ?? Math.ceil(windowMs * 0.01), false);
  return {
    ip: checked("ip", options.ip ?? DEFAULT_RATE_LIMIT.ip, true),
    account: checked("account", options.account ?? DEFAULT_RATE_LIMIT.account, true),
    windowMs,
    holdMs: windowMs + margin,
  };
}

/**
 * Background requests one window may hold: `backgroundShare` of the account window (of the IP window when the
 * account limit is off), rounded down — a ceiling is never rounded up. 0 when the share is too small for one
 * request; null when no limit applies.
 */
export function backgroundLimitOf(options: RateLimitOptions = {}): number | null {
  const { share, accountWide } = backgroundShareOf(options);
  // The epsilon undoes binary fractions: 0.58 × 50 is 28.999999999999996 in floating point, and means 29.
  return accountWide > 0 ? Math.floor(accountWide * share + 1e-9) : null;
}

/** The smallest share (to three decimals, rounded up) that allows one background request of `limit` per window. */
export function smallestBackgroundShare(limit: number): number {
  return Math.ceil(1000 / limit) / 1000;
}

/** The share, checked, and the window it is a share of: the account's, or the IP's when the account limit is off. */
function backgroundShareOf(options: RateLimitOptions): { share: number; accountWide: number } {
  const { ip, account } = resolveRateLimits(options);
  const share = options.backgroundShare ?? DEFAULT_RATE_LIMIT.backgroundShare;
  if (!(Number.isFinite(share) && share > 0 && share <= 1)) {
    throw new RangeError(`rateLimit.backgroundShare must be a number > 0 and ≤ 1, got ${share}`);
  }
  return { share, accountWide: account > 0 ? account : ip };
}

function noBackgroundBudget(options: RateLimitOptions): RangeError {
  const { share, accountWide } = backgroundShareOf(options);
  return new RangeError(
    `rateLimit.backgroundShare ${share} of ${accountWide} requests per window allows no background request: at least ${smallestBackgroundShare(accountWide)} allows one`,
  );
}

export function createRateGate(options: RateGateOptions = {}): RateGate {
  const { ip, account, holdMs } = resolveRateLimits(options);
  const windows: SlidingWindow[] = [];
  if (options.limiter) {
    // The account window is shared (e.g. clustered); the IP window stays this client's own.
    if (ip > 0) windows.push(ownWindow(ip, holdMs));
    const usesReservoir = options.limiter.currentReservoir().then((reservoir) => reservoir !== null);
    windows.push(new SlidingWindow(options.limiter, holdMs, usesReservoir));
  } else {
    // Both windows count exactly the same requests of this one process, so the smaller limit alone decides:
    // one Bottleneck instead of two halves the queueing overhead of every request.
    const limit = Math.min(
      ip > 0 ? ip : Number.POSITIVE_INFINITY,
      account > 0 ? account : Number.POSITIVE_INFINITY,
    );
    if (Number.isFinite(limit)) windows.push(ownWindow(limit, holdMs));
  }
  const backgroundLimit = backgroundLimitOf(options);
  // Its own sliding window, held like any slot (until a window after the response): no window of `windowMs` ever
  // holds more background requests than the ceiling, however long each waited for its main slot.
  const background = backgroundLimit ? [ownWindow(backgroundLimit, holdMs)] : [];
  const { shared } = options;
  return {
    backgroundLimit,
    run: (send, gateOptions = {}) => {
      if (!gateOptions.background) return runThroughWindows(windows, send, { ...gateOptions, shared });
      if (backgroundLimit === 0) return Promise.reject(noBackgroundBudget(options));
      return runThroughWindows([...background, ...windows], send, {
        ...gateOptions,
        priority: BACKGROUND_PRIORITY,
        shared,
      });
    },
    coolDown: (ms) => shared?.coolDown(ms),
  };
}

function ownWindow(limit: number, holdMs: number): SlidingWindow {
  return new SlidingWindow(
    new Bottleneck({ reservoir: limit, maxConcurrent: null }),
    holdMs,
    Promise.resolve(true),
  );
}

function checked(name: string, value: number, wholeNumber: boolean): number {
  const valid = wholeNumber ? Number.isInteger(value) && value >= 0 : Number.isFinite(value) && value >= 0;
  if (!valid) {
    const expected = wholeNumber ? "a whole number ≥ 0 (0 = off)" : "a number of milliseconds ≥ 0";
    throw new RangeError(`rateLimit.${name} must be ${expected}, got ${value}`);
  }
  return value;
}

/**
 * Queues through each window in turn (the IP window, then the account window); the request is sent once it
 * holds a unit of every window. A caller whose signal aborts while queued is rejected at once and its queue entry
 * becomes a no-op that hands its units straight back, so it never reaches the network and costs no slot.
 */
function runThroughWindows<T>(
  windows: SlidingWindow[],
  send: SendWithSlot<T>,
  options: GateOptions & { shared?: SharedSlots | undefined },
): Promise<T> {
  const { signal } = options;
  const priority = options.priority ?? 5;
  if (signal?.aborted) return Promise.reject(signal.reason);
  let started = false;
  let abandoned = false;

  const enter = (index: number): Promise<T> => {
    const window = windows[index];
    if (!window) {
      if (abandoned) return Promise.reject(ABANDONED);
      started = true;
      const { shared } = options;
      if (shared === undefined) return sendHolding(windows, send, undefined);
      return shared.acquire({ signal, background: options.background === true }).then(
        (lease) => sendHolding(windows, send, lease),
        (error: unknown) => {
          for (const held of windows) held.releaseNow();
          throw error;
        },
      );
    }
    return window.schedule(async () => {
      try {
        if (abandoned) throw ABANDONED;
        return await enter(index + 1);
      } catch (error) {
        if (error === ABANDONED) window.releaseNow();
        throw error;
      }
    }, priority);
  };

  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      if (started) return; // in flight: the request itself listens to the signal
      abandoned = true;
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    const attempt = (): Promise<void> =>
      enter(0).then(resolve, async (error: unknown) => {
        if (error instanceof BackgroundDeferred && !abandoned) {
          // Its own slots are back (see `enter`); it waits holding nothing, then queues again behind everyone.
          started = false;
          if (signal?.aborted) return onAbort();
          await pause(error.waitMs, signal).then(attempt, () => undefined);
          return;
        }
        if (error !== ABANDONED) reject(error);
      });
    void attempt().finally(() => signal?.removeEventListener("abort", onAbort));
  });
}

/**
 * Waits `ms` on the global timer, like the windows' own timers (fake timers drive both in tests), without keeping
 * the process alive for it; rejects when `signal` aborts.
 */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    timer.unref();
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Sends with every slot held; the slots' windows start when the response begins (or the send settles). */
function sendHolding<T>(
  windows: SlidingWindow[],
  send: SendWithSlot<T>,
  lease: SlotLease | undefined,
): Promise<T> {
  let windowStarted = false;
  const startWindow = () => {
    if (windowStarted) return;
    windowStarted = true;
    for (const held of windows) held.releaseAfterWindow();
    lease?.started();
  };
  const giveBack = () => {
    if (windowStarted) return;
    windowStarted = true;
    for (const held of windows) held.releaseNow();
    lease?.giveBack();
  };
  const sending = send(startWindow, giveBack);
  sending.then(startWindow, startWindow);
  return sending;
}
