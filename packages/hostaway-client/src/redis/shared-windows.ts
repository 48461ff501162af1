import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { BackgroundDeferred, type SharedSlots, type SlotLease } from "../rate-limiter.js";
import type { RedisLink } from "./redis-link.js";
import { runScript } from "./run-script.js";
import { COOL_DOWN_SCRIPT, PUSH_SCRIPT, TAKE_SCRIPT, TOUCH_SCRIPT } from "./window-scripts.js";

export interface SharedWindowsOptions {
  link: RedisLink;
  accountId: string;
  /** Names the group of processes that leave through one IP (`HOSTAWAY_EGRESS_ID`, default the host name). */
  egressId: string;
  /** Requests per window per egress IP (REFERENCE.md §4: 15); 0 off. */
  ip: number;
  /** Requests per window per account (REFERENCE.md §4: 20); 0 off. */
  account: number;
  /** The window plus its safety margin. */
  holdMs: number;
  /** While Redis is away each process takes `1/replicas` of each window (`HOSTAWAY_REPLICAS`, default 4). */
  replicas: number;
  /**
   * Background requests per window for the whole account (the background share's ceiling, counted across every
   * process); 0 or absent: no account-wide ceiling of its own.
   */
  background?: number;
  keyPrefix?: string;
}

/** How long a waiting request sleeps at most before asking again (the mode may change meanwhile). */
const MAX_POLL_MS = 1000;
/** A background request steps aside this long while any interactive request of this process waits. */
const BACKGROUND_YIELD_MS = 50;

/**
 * Hostaway's windows shared by every process with one Redis (docs/adr/008): a sliding log per account and per
 * egress IP, decided by one atomic script on Redis's clock, plus a shared cool-down after a 429.
 *
 * While Redis is away (`local` mode) this process keeps its own log and takes at most `1/replicas` of each window;
 * on entering that mode it first waits one window, because what the others sent in the last window is unknown.
 * When Redis returns, the requests sent meanwhile are added to the shared log by their age, and for one more
 * window both limits apply (the other processes may not have noticed yet), so the windows hold across both turns.
 *
 * Background requests (cache warming) also take a slot of a third log, the account's background window, so the
 * share stays a ceiling for the account however many processes warm. While Redis is away they wait: what the
 * other processes' warmers sent is unknown, and warming can always wait.
 */
export class SharedWindows implements SharedSlots {
  readonly #link: RedisLink;
  readonly #holdMs: number;
  readonly #cooldownKey: string;
  readonly #windows: { key: string; limit: number }[];
  readonly #backgroundWindow: { key: string; limit: number } | undefined;
  readonly #localLimit: number;
  /** This process's own requests in the last window: request id → when counted (this process's clock). */
  readonly #own = new Map<string, number>();
  #localSince: number | undefined;
  /** Whether this process sent anything on local limits since Redis last answered. */
  #sentLocally = false;
  #bothUntil = 0;
  #localCoolUntil = 0;
  #interactiveWaiting = 0;

  constructor(options: SharedWindowsOptions) {
    this.#link = options.link;
    this.#holdMs = options.holdMs;
    const prefix = options.keyPrefix ?? "hostaway:";
    this.#cooldownKey = `${prefix}cooldown:${options.accountId}`;
    this.#windows = [];
    if (options.ip > 0)
      this.#windows.push({ key: `${prefix}window:ip:${options.egressId}`, limit: options.ip });
    if (options.account > 0) {
      this.#windows.push({ key: `${prefix}window:account:${options.accountId}`, limit: options.account });
    }
    this.#backgroundWindow =
      options.background && options.background > 0
        ? { key: `${prefix}window:background:${options.accountId}`, limit: options.background }
        : undefined;
    const replicas = Math.max(1, options.replicas);
    const limits = this.#windows.map((window) => Math.max(1, Math.floor(window.limit / replicas)));
    this.#localLimit = limits.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...limits);
    options.link.onChange((mode) => {
      if (mode === "local") {
        this.#localSince = Date.now();
      } else {
        this.#localSince = undefined;
        if (this.#sentLocally) {
          this.#bothUntil = Date.now() + this.#holdMs;
          void this.#pushOwn();
        }
        this.#sentLocally = false;
      }
    });
  }

  /** At most this many requests per window from this process while Redis is away. */
  get localLimit(): number {
    return this.#localLimit;
  }

  async acquire(options: { signal?: AbortSignal | undefined; background: boolean }): Promise<SlotLease> {
    const { signal, background } = options;
    await this.#link.ready();
    if (background) return this.#acquireBackground(signal);
    this.#interactiveWaiting += 1;
    try {
      for (;;) {
        signal?.throwIfAborted();
        const member = randomUUID();
        const outcome = await this.#tryTake(member, false);
        if (outcome.granted) return this.#lease(member, outcome.shared, this.#windows);
        await sleep(Math.min(Math.max(1, outcome.waitMs), MAX_POLL_MS), undefined, { signal });
      }
    } finally {
      this.#interactiveWaiting -= 1;
    }
  }

  /**
   * One try: a background request never waits here, where it would hold this process's own slots; it is
   * deferred (`BackgroundDeferred`) and queues again behind every interactive request.
   */
  async #acquireBackground(signal: AbortSignal | undefined): Promise<SlotLease> {
    signal?.throwIfAborted();
    if (this.#interactiveWaiting > 0) throw new BackgroundDeferred(BACKGROUND_YIELD_MS);
    const member = randomUUID();
    const outcome = await this.#tryTake(member, true);
    if (outcome.granted) return this.#lease(member, outcome.shared, this.#windowsFor(true));
    throw new BackgroundDeferred(Math.min(Math.max(1, outcome.waitMs), MAX_POLL_MS));
  }

  coolDown(ms: number): void {
    if (!(ms > 0)) return;
    this.#localCoolUntil = Math.max(this.#localCoolUntil, Date.now() + ms);
    void this.#link.run(
      (redis) => runScript(redis, COOL_DOWN_SCRIPT, [this.#cooldownKey], [Math.ceil(ms)]),
      () => undefined,
    );
  }

  /** The logs a request takes a slot of: the IP's and the account's, and the background log for warming. */
  #windowsFor(background: boolean): { key: string; limit: number }[] {
    return background && this.#backgroundWindow ? [...this.#windows, this.#backgroundWindow] : this.#windows;
  }

  async #tryTake(
    member: string,
    background: boolean,
  ): Promise<{ granted: true; shared: boolean } | { granted: false; waitMs: number }> {
    const now = Date.now();
    const shared = this.#link.mode === "shared";
    // Warming waits for Redis: without it the account-wide background log cannot be kept.
    if (!shared && background && this.#backgroundWindow) return { granted: false, waitMs: MAX_POLL_MS };
    const windows = this.#windowsFor(background);
    const checkLocal = !shared || now < this.#bothUntil;
    if (checkLocal) {
      const wait = this.#localWait(now, !shared);
      if (wait > 0) return { granted: false, waitMs: wait };
      // Reserved before the await below, so concurrent takers in this process see it.
      this.#own.set(member, now);
    }
    if (!shared) {
      this.#sentLocally = true;
      return { granted: true, shared: false };
    }
    try {
      const answer = (await runScript(
        this.#link.redis,
        TAKE_SCRIPT,
        [this.#cooldownKey, ...windows.map((window) => window.key)],
        [this.#holdMs, member, ...windows.map((window) => window.limit)],
      )) as [number, number];
      if (answer[0] !== 1) {
        this.#own.delete(member);
        return { granted: false, waitMs: answer[1] };
      }
      this.#own.set(member, Date.now());
      return { granted: true, shared: true };
    } catch (error) {
      this.#own.delete(member);
      this.#link.failed(error);
      return { granted: false, waitMs: 1 };
    }
  }

  /** 0 when this process may send now under its local limits, else how long until it may. */
  #localWait(now: number, pauseAfterLoss: boolean): number {
    for (const [member, at] of this.#own) if (at <= now - this.#holdMs) this.#own.delete(member);
    if (now < this.#localCoolUntil) return this.#localCoolUntil - now;
    if (pauseAfterLoss && this.#localSince !== undefined && now < this.#localSince + this.#holdMs) {
      return this.#localSince + this.#holdMs - now;
    }
    if (this.#own.size < this.#localLimit) return 0;
    const times = [...this.#own.values()].sort((a, b) => a - b);
    const freeing = times[times.length - this.#localLimit] ?? now;
    return Math.max(1, freeing + this.#holdMs - now + 1);
  }

  #lease(member: string, shared: boolean, windows: readonly { key: string }[]): SlotLease {
    let settled = false;
    const keys = windows.map((window) => window.key);
    return {
      started: () => {
        if (settled) return;
        settled = true;
        this.#own.set(member, Date.now());
        if (shared) {
          void this.#link.run(
            (redis) => runScript(redis, TOUCH_SCRIPT, keys, [member]),
            () => undefined,
          );
        }
      },
      giveBack: () => {
        if (settled) return;
        settled = true;
        this.#own.delete(member);
        if (shared) {
          void this.#link.run(
            async (redis) => {
              for (const key of keys) await redis.zrem(key, member);
            },
            () => undefined,
          );
        }
      },
    };
  }

  /** Redis is back: tell it what this process sent while it was away. */
  async #pushOwn(): Promise<void> {
    const now = Date.now();
    const ages: (string | number)[] = [];
    for (const [member, at] of this.#own) ages.push(member, Math.max(0, now - at));
    if (ages.length === 0 || this.#windows.length === 0) return;
    await this.#link.run(
      (redis) =>
        runScript(
          redis,
          PUSH_SCRIPT,
          this.#windows.map((window) => window.key),
          [this.#holdMs, ...ages],
        ),
      () => undefined,
    );
  }
}
