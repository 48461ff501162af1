import type { Clock } from "../clock.js";
import type { CacheEntry, CacheStore } from "./cache-store.js";
import { type ReadOutcome, recordRead } from "./read-log.js";

/** The freshness rules (docs/adr/006; `HOSTAWAY_CACHE_*` in both servers). */
export interface CacheSettings {
  /** Entries younger than this are served without asking Hostaway. Default 15 000. */
  freshMs: number;
  /** Listings and the listing index change rarely: they stay fresh this long. Default 600 000. */
  listingFreshMs: number;
  /** How long an entry is kept for revalidation once it is no longer fresh. Default 3 600 000. */
  keepMs: number;
}

export const DEFAULT_CACHE_SETTINGS: CacheSettings = {
  freshMs: 15_000,
  listingFreshMs: 600_000,
  keepMs: 3_600_000,
};

/** The current state of something a cached answer depends on, and when that state was read. */
export interface Signal {
  signature: string;
  at: number;
}

/** How one read may be answered from the cache. */
export interface ReadPolicy<T> {
  key: string;
  tags: readonly string[];
  freshMs: number;
  /** Skip the cached answer and read upstream (the new answer is kept). */
  bypass?: boolean | undefined;
  /**
   * The signal an entry that is no longer fresh is revalidated by (e.g. its conversation's state from the last
   * conversation-list read). An entry whose stored signature matches a signal read within `freshMs` is reused.
   */
  signal?: (() => Promise<Signal | undefined>) | undefined;
  /** Tags that only the value can tell (e.g. the bookings of the messages on a page), added to `tags`. */
  tagsOf?: ((value: T) => readonly string[]) | undefined;
  /** The signature to keep with a value just read; default: the signal's current signature. */
  signatureOf?: ((value: T) => string | undefined) | undefined;
  /** Runs after a value was read upstream (e.g. registering the signals a list carries). */
  onFetched?: ((value: T, at: number) => Promise<void>) | undefined;
}

export interface CachedRead<T> {
  value: T;
  /** When the answer was last proven current upstream (epoch ms). */
  readAt: number;
  outcome: ReadOutcome;
}

const SIGNAL_PREFIX = "signal:";

/**
 * The client's read cache: a request already paid for is not paid again while its answer can still be proven
 * fresh. A fresh entry is served as it is; an older one is reused only when the cheapest signal shows that what it
 * depends on is unchanged (a conversation's state for its message pages, a reservation's `latestActivityOn`);
 * otherwise it is read again. Invalidation by tag (a webhook, a write) drops entries at once.
 */
export class ReadCache {
  readonly #store: CacheStore;
  readonly #clock: Clock;
  readonly settings: CacheSettings;

  constructor(store: CacheStore, clock: Clock, settings: CacheSettings) {
    this.#store = store;
    this.#clock = clock;
    this.settings = settings;
  }

  async read<T>(policy: ReadPolicy<T>, fetch: () => Promise<T>): Promise<CachedRead<T>> {
    const entry = policy.bypass ? undefined : await this.#store.get(policy.key).catch(() => undefined);
    const now = this.#clock.now();
    if (entry !== undefined) {
      if (now - entry.validatedAt < policy.freshMs) return this.#answer(policy.key, entry, "fresh");
      const signal = entry.signature === undefined ? undefined : await policy.signal?.();
      if (signal !== undefined && signal.signature === entry.signature && now - signal.at < policy.freshMs) {
        const revalidated: CacheEntry = { ...entry, validatedAt: Math.max(entry.validatedAt, signal.at) };
        await this.#keep(policy.key, revalidated);
        return this.#answer(policy.key, revalidated, "revalidated");
      }
    }
    // Read the signal before the value: a change that lands in between makes the next revalidation refetch,
    // never the reverse.
    const signalBefore = policy.signatureOf === undefined ? await policy.signal?.() : undefined;
    const value = await fetch();
    const fetchedAt = this.#clock.now();
    const signature = policy.signatureOf ? policy.signatureOf(value) : signalBefore?.signature;
    const tags =
      policy.tagsOf === undefined ? policy.tags : [...new Set([...policy.tags, ...policy.tagsOf(value)])];
    const fresh: CacheEntry = { value, fetchedAt, validatedAt: fetchedAt, signature, tags };
    await this.#keep(policy.key, fresh);
    await policy.onFetched?.(value, fetchedAt);
    return this.#answer(policy.key, fresh, "miss");
  }

  /** Records the state of `subject` (e.g. `conversation:12`) as read upstream at `at`. */
  async recordSignal(subject: string, signature: string, at: number, tags: readonly string[]): Promise<void> {
    await this.#keep(`${SIGNAL_PREFIX}${subject}`, {
      value: signature,
      fetchedAt: at,
      validatedAt: at,
      tags,
    });
  }

  /** The last state recorded for `subject`, when it was read within the fresh window; else undefined. */
  async signalOf(subject: string, freshMs = this.settings.freshMs): Promise<Signal | undefined> {
    const entry = await this.#store.get(`${SIGNAL_PREFIX}${subject}`).catch(() => undefined);
    if (entry === undefined || this.#clock.now() - entry.validatedAt >= freshMs) return undefined;
    return { signature: String(entry.value), at: entry.validatedAt };
  }

  /** Drops every entry (answers and signals) that carries any of `tags`. */
  invalidate(tags: readonly string[]): Promise<void> {
    return this.#store.invalidateTags(tags);
  }

  async #keep(key: string, entry: CacheEntry): Promise<void> {
    // A store that fails (a lost connection) costs a future read, never this answer.
    await this.#store.set(key, entry, this.settings.keepMs).catch(() => undefined);
  }

  #answer<T>(key: string, entry: CacheEntry, outcome: ReadOutcome): CachedRead<T> {
    recordRead({ key, outcome, readAt: entry.validatedAt });
    // Each caller gets its own copy: a cached value is never shared mutable state.
    return { value: structuredClone(entry.value) as T, readAt: entry.validatedAt, outcome };
  }
}
