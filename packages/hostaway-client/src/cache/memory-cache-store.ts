import { LRUCache } from "lru-cache";
import type { CacheEntry, CacheStore } from "./cache-store.js";

export interface MemoryCacheStoreOptions {
  /** Most entries kept. Default 10 000. */
  maxEntries?: number;
  /** Most bytes kept, counted as the entries' JSON length. Default 64 MiB. */
  maxBytes?: number;
}

export const DEFAULT_MAX_CACHE_ENTRIES = 10_000;
export const DEFAULT_MAX_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * The default store: lru-cache (bounded by entries and by bytes, least recently used out first, per-entry TTL;
 * docs/adr/006), plus an index from tags to keys so an invalidation finds its entries without a scan.
 */
export function createMemoryCacheStore(options: MemoryCacheStoreOptions = {}): CacheStore {
  const byTag = new Map<string, Set<string>>();
  const untag = (key: string, entry: CacheEntry) => {
    for (const tag of entry.tags) {
      const keys = byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) byTag.delete(tag);
    }
  };
  const entries = new LRUCache<string, CacheEntry>({
    max: options.maxEntries ?? DEFAULT_MAX_CACHE_ENTRIES,
    maxSize: options.maxBytes ?? DEFAULT_MAX_CACHE_BYTES,
    // JSON length is a fair proxy for memory, and what a shared store would hold.
    sizeCalculation: (entry) => Math.max(1, JSON.stringify(entry.value)?.length ?? 1),
    dispose: (entry, key) => untag(key, entry),
  });
  return {
    async get(key) {
      return entries.get(key);
    },
    async set(key, entry, ttlMs) {
      entries.set(key, entry, { ttl: Math.max(1, Math.round(ttlMs)) });
      for (const tag of entry.tags) {
        const keys = byTag.get(tag) ?? new Set<string>();
        keys.add(key);
        byTag.set(tag, keys);
      }
    },
    async delete(key) {
      entries.delete(key);
    },
    async invalidateTags(tags) {
      for (const tag of tags) {
        for (const key of [...(byTag.get(tag) ?? [])]) entries.delete(key);
      }
    },
  };
}
