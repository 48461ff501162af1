import type { Clock } from "../clock.js";
import type { ClientObserver } from "../observer.js";
import type { CacheStore } from "./cache-store.js";
import { isOnlyIfCached, NotCached } from "./only-if-cached.js";
import {
  type CachedRead,
  type CacheSettings,
  ReadCache,
  type ReadPolicy,
  type Signal,
} from "./read-cache.js";
import { recordRead } from "./read-log.js";

/** What the resources use: one read path whether the cache is on or off. */
export interface ResourceCache {
  readonly settings: CacheSettings;
  read<T>(policy: ReadPolicy<T>, fetch: () => Promise<T>): Promise<CachedRead<T>>;
  prime<T>(policy: ReadPolicy<T>, value: T, at: number): Promise<void>;
  recordSignal(
    subject: string,
    signature: string,
    at: number,
    tags: readonly string[],
    provenAt?: number,
  ): Promise<void>;
  signalOf(subject: string, maxAgeMs?: number): Promise<Signal | undefined>;
  invalidate(tags: readonly string[]): Promise<void>;
}

/** The cache in front of the resources, or the pass-through that `cache: false` (`HOSTAWAY_CACHE=off`) asks for. */
export function createResourceCache(
  store: CacheStore | undefined,
  clock: Clock,
  settings: CacheSettings,
  observer?: ClientObserver,
): ResourceCache {
  if (store !== undefined) return new ReadCache(store, clock, settings, observer);
  // Off: every read goes upstream exactly as without a cache; the answer still says when it was read.
  return {
    settings,
    async read(policy, fetch) {
      if (isOnlyIfCached()) throw new NotCached(policy.key);
      const value = await fetch();
      const readAt = clock.now();
      recordRead({ key: policy.key, outcome: "miss", readAt });
      return { value, readAt, outcome: "miss" };
    },
    prime: async () => {},
    recordSignal: async () => {},
    signalOf: async () => undefined,
    invalidate: async () => {},
  };
}

/**
 * The freshness part of a read policy from a call's options: the resource's fresh window (widened, never narrowed,
 * by `maxAgeMs`) and `fresh: true` as a bypass.
 */
export function freshness(
  freshMs: number,
  options: { fresh?: boolean | undefined; maxAgeMs?: number | undefined } | undefined,
): { freshMs: number; bypass: boolean | undefined } {
  const maxAgeMs = options?.maxAgeMs;
  const widened =
    typeof maxAgeMs === "number" && Number.isFinite(maxAgeMs) ? Math.max(freshMs, maxAgeMs) : freshMs;
  return { freshMs: widened, bypass: options?.fresh };
}
