import type { Clock } from "../clock.js";
import type { ClientObserver } from "../observer.js";
import type { CacheEntry, CacheStore } from "./cache-store.js";
import { isOnlyIfCached, NotCached } from "./only-if-cached.js";
import { type ReadOutcome, recordRead } from "./read-log.js";

/** The freshness rules (docs/adr/006; `HOSTAWAY_CACHE_*` in both servers). */
export interface CacheSettings {
  /** Entries younger than this are served without asking Hostaway. Default 15 000. */
  freshMs: number;
  /** Listings and the listing index change rarely: they stay fresh this long. Default 600 000. */
  listingFreshMs: number;
  /** How long an entry is kept for revalidation once it is no longer fresh. Default 3 600 000. */
  keepMs: number;
  /**
   * How long after its last direct proof an entry may still be proven by an indirect signal (a booking's thread by
   * its reservation's `latestActivityOn`). Default 300 000: a change the indirect signal missed shows within it.
   */
  indirectMs: number;
}

export const DEFAULT_CACHE_SETTINGS: CacheSettings = {
  freshMs: 15_000,
  listingFreshMs: 600_000,
  keepMs: 3_600_000,
  indirectMs: 300_000,
};

/** The current state of something a cached answer depends on, and when that state was read. */
export interface Signal {
  signature: string;
  at: number;
  /**
   * When that state was last proven directly: `at` for a signal read from Hostaway, older for one recorded from
   * an entry that was itself proven only indirectly.
   */
  provenAt: number;
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
  signal?: ((maxAgeMs?: number) => Promise<Signal | undefined>) | undefined;
  /**
   * A second, cheaper proof that reaches further: a signal about something the value depends on without carrying
   * it (a booking's conversation list, by its reservation's `latestActivityOn`). It may prove an entry only within
   * `indirectMs` of the entry's last direct proof.
   */
  indirectSignal?: ((maxAgeMs?: number) => Promise<Signal | undefined>) | undefined;
  /** Tags that only the value can tell (e.g. the bookings of the messages on a page), added to `tags`. */
  tagsOf?: ((value: T) => readonly string[]) | undefined;
  /** The signature to keep with a value just read; default: the signal's current signature. */
  signatureOf?: ((value: T) => string | undefined) | undefined;
  /** Runs after a value was read upstream (e.g. registering the signals a list carries). */
  onFetched?: ((value: T, at: number) => Promise<void>) | undefined;
  /** Runs after a signal proved a kept value current (`provenAt`: its last direct proof). */
  onRevalidated?: ((value: T, at: number, provenAt: number) => Promise<void>) | undefined;
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
  readonly #observer: ClientObserver | undefined;

  constructor(store: CacheStore, clock: Clock, settings: CacheSettings, observer?: ClientObserver) {
    this.#store = store;
    this.#clock = clock;
    this.settings = settings;
    this.#observer = observer;
  }

  async read<T>(policy: ReadPolicy<T>, fetch: () => Promise<T>): Promise<CachedRead<T>> {
    const entry = policy.bypass ? undefined : await this.#store.get(policy.key).catch(() => undefined);
    if (entry !== undefined) {
      const kept = await this.#reuse(policy, entry);
      if (kept !== undefined) return kept;
    }
    if (isOnlyIfCached()) throw new NotCached(policy.key);
    // Read the signals before the value: a change that lands in between makes the next revalidation refetch,
    // never the reverse.
    const signatures = await this.#signaturesBefore(policy);
    const value = await fetch();
    const fetchedAt = this.#clock.now();
    const fresh = await this.#remember(policy, value, fetchedAt, signatures);
    await policy.onFetched?.(value, fetchedAt);
    return this.#answer(policy.key, fresh, "miss");
  }

  /**
   * Keeps `value` as if `policy`'s read had just returned it at `at` (a plan read it in bulk: one booking's
   * conversations out of the account's conversation list), so the next read of that key is answered from it.
   */
  async prime<T>(policy: ReadPolicy<T>, value: T, at: number): Promise<void> {
    await this.#remember(policy, value, at, await this.#signaturesBefore(policy));
  }

  /** Records the state of `subject` (e.g. `conversation:12`) as read upstream at `at` (or proven at `provenAt`). */
  async recordSignal(
    subject: string,
    signature: string,
    at: number,
    tags: readonly string[],
    provenAt = at,
  ): Promise<void> {
    await this.#keep(`${SIGNAL_PREFIX}${subject}`, {
      value: signature,
      fetchedAt: at,
      validatedAt: at,
      provenAt,
      tags,
    });
  }

  /** The last state recorded for `subject`, when it was read within `maxAgeMs` (the fresh window); else undefined. */
  async signalOf(subject: string, maxAgeMs = this.settings.freshMs): Promise<Signal | undefined> {
    const entry = await this.#store.get(`${SIGNAL_PREFIX}${subject}`).catch(() => undefined);
    if (entry === undefined || this.#clock.now() - entry.validatedAt >= maxAgeMs) return undefined;
    return {
      signature: String(entry.value),
      at: entry.validatedAt,
      provenAt: entry.provenAt ?? entry.validatedAt,
    };
  }

  /** Drops every entry (answers and signals) that carries any of `tags`. */
  invalidate(tags: readonly string[]): Promise<void> {
    return this.#store.invalidateTags(tags);
  }

  /** A kept entry answered as it is (fresh) or proven current by a signal; undefined when it must be read again. */
  async #reuse<T>(policy: ReadPolicy<T>, entry: CacheEntry): Promise<CachedRead<T> | undefined> {
    const now = this.#clock.now();
    if (now - entry.validatedAt < policy.freshMs) return this.#answer(policy.key, entry, "fresh");
    const entryProvenAt = entry.provenAt ?? entry.validatedAt;
    const holds = (signal: Signal | undefined, signature: string | undefined, provenAt: number) =>
      signal !== undefined &&
      signature !== undefined &&
      signal.signature === signature &&
      now - signal.at < policy.freshMs &&
      now - provenAt < this.settings.indirectMs;

    let proof: { at: number; provenAt: number } | undefined;
    const direct = entry.signature === undefined ? undefined : await policy.signal?.();
    if (direct !== undefined && holds(direct, entry.signature, direct.provenAt)) {
      proof = { at: direct.at, provenAt: Math.max(entryProvenAt, direct.provenAt) };
    } else {
      const indirect = entry.indirectSignature === undefined ? undefined : await policy.indirectSignal?.();
      // An indirect proof keeps the entry's own provenAt: it only stretches the last direct one, within indirectMs.
      if (indirect !== undefined && holds(indirect, entry.indirectSignature, entryProvenAt)) {
        proof = { at: indirect.at, provenAt: entryProvenAt };
      }
    }
    if (proof === undefined) return undefined;
    const revalidated: CacheEntry = {
      ...entry,
      validatedAt: Math.max(entry.validatedAt, proof.at),
      provenAt: proof.provenAt,
    };
    await this.#keep(policy.key, revalidated);
    const answer = this.#answer<T>(policy.key, revalidated, "revalidated");
    await policy.onRevalidated?.(answer.value, revalidated.validatedAt, proof.provenAt);
    return answer;
  }

  /**
   * The signatures to keep with a value about to be read: the last recorded states, however old. An older state is
   * the safe side: if what it describes changed before the read, the next comparison fails and reads again.
   */
  async #signaturesBefore<T>(policy: ReadPolicy<T>) {
    const direct = policy.signatureOf === undefined ? await policy.signal?.(this.settings.keepMs) : undefined;
    const indirect = await policy.indirectSignal?.(this.settings.keepMs);
    return { direct: direct?.signature, indirect: indirect?.signature };
  }

  async #remember<T>(
    policy: ReadPolicy<T>,
    value: T,
    at: number,
    before: { direct: string | undefined; indirect: string | undefined },
  ): Promise<CacheEntry> {
    const tags =
      policy.tagsOf === undefined ? policy.tags : [...new Set([...policy.tags, ...policy.tagsOf(value)])];
    const entry: CacheEntry = {
      value,
      fetchedAt: at,
      validatedAt: at,
      provenAt: at,
      signature: policy.signatureOf ? policy.signatureOf(value) : before.direct,
      indirectSignature: before.indirect,
      tags,
    };
    await this.#keep(policy.key, entry);
    return entry;
  }

  async #keep(key: string, entry: CacheEntry): Promise<void> {
    // A store that fails (a lost connection) costs a future read, never this answer.
    await this.#store.set(key, entry, this.settings.keepMs).catch(() => undefined);
  }

  #answer<T>(key: string, entry: CacheEntry, outcome: ReadOutcome): CachedRead<T> {
    recordRead({ key, outcome, readAt: entry.validatedAt });
    this.#observer?.cacheRead?.(outcome);
    // Each caller gets its own copy: a cached value is never shared mutable state.
    return { value: structuredClone(entry.value) as T, readAt: entry.validatedAt, outcome };
  }
}
