import type { CacheEntry, CacheStore } from "../cache/cache-store.js";
import { createMemoryCacheStore, type MemoryCacheStoreOptions } from "../cache/memory-cache-store.js";
import type { RedisLink } from "./redis-link.js";

/**
 * The read cache's shared tier (docs/adr/008): every replica reads and fills one store in Redis, so what one has
 * read the others reuse, and an invalidation (a webhook, a write) received by one expires the entry for all.
 * Entries are JSON with a TTL; each tag is a set of keys, expiring with the longest entry it names.
 *
 * While Redis is away each process caches in memory, as without Redis; when Redis returns that memory is dropped,
 * since invalidations seen meanwhile by other replicas never reached it.
 */
export function createRedisCacheStore(
  link: RedisLink,
  accountId: string,
  options: MemoryCacheStoreOptions & { prefix?: string } = {},
): CacheStore {
  const prefix = `${options.prefix ?? "hostaway:"}cache:${accountId}:`;
  const tagKey = (tag: string) => `${prefix}tag:${tag}`;
  const entryKey = (key: string) => `${prefix}entry:${key}`;
  let local = createMemoryCacheStore(options);
  link.onChange((mode) => {
    if (mode === "shared") local = createMemoryCacheStore(options);
  });
  return {
    get: (key) =>
      link.run(
        async (redis) => {
          const raw = await redis.get(entryKey(key));
          return raw === null ? undefined : (JSON.parse(raw) as CacheEntry);
        },
        () => local.get(key),
      ),
    set: (key, entry, ttlMs) =>
      link.run(
        async (redis) => {
          const ttl = Math.max(1, Math.round(ttlMs));
          const write = redis.multi().set(entryKey(key), JSON.stringify(entry), "PX", ttl);
          for (const tag of entry.tags) {
            write.sadd(tagKey(tag), key);
            // Only ever lengthened, so a tag set outlives every entry it names.
            write.pexpire(tagKey(tag), ttl, "GT");
            write.pexpire(tagKey(tag), ttl, "NX");
          }
          await write.exec();
        },
        () => local.set(key, entry, ttlMs),
      ),
    delete: (key) =>
      link.run(
        async (redis) => {
          await redis.del(entryKey(key));
        },
        () => local.delete(key),
      ),
    invalidateTags: async (tags) => {
      await local.invalidateTags(tags);
      await link.run(
        async (redis) => {
          for (const tag of tags) {
            const keys = await redis.smembers(tagKey(tag));
            const doomed = [...keys.map(entryKey), tagKey(tag)];
            await redis.del(...doomed);
          }
        },
        () => undefined,
      );
    },
  };
}
