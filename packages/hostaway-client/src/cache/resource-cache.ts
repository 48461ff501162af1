import type { Clock } from "../clock.js";
import type { CacheStore } from "./cache-store.js";
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
  recordSignal(subject: string, signature: string, at: number, tags: readonly string[]): Promise<void>;
  signalOf(subject: string): Promise<Signal | undefined>;
  invalidate(tags: readonly string[]): Promise<void>;
}

/** The cache in front of the resources, or the pass-through that `cache: false` (`HOSTAWAY_CACHE=off`) asks for. */
export function createResourceCache(
  store: CacheStore | undefined,
  clock: Clock,
  settings: CacheSettings,
): ResourceCache {
  if (store !== undefined) return new ReadCache(store, clock, settings);
  // Off: every read goes upstream exactly as without a cache; the answer still says when it was read.
  return {
    settings,
    async read(policy, fetch) {
      const value = await fetch();
      const readAt = clock.now();
      recordRead({ key: policy.key, outcome: "miss", readAt });
      return { value, readAt, outcome: "miss" };
    },
    recordSignal: async () => {},
    signalOf: async () => undefined,
    invalidate: async () => {},
  };
}
