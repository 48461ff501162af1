import { randomUUID } from "node:crypto";
import { createMemoryTokenStore, type StoredToken, type TokenStore } from "../token-store.js";
import type { RedisLink } from "./redis-link.js";
import { runScript } from "./run-script.js";

/** Deletes KEYS[1] only while it still holds exactly ARGV[1] (the lock's owner id). */
const DELETE_IF_EQUAL_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** Deletes the stored token (JSON, `StoredToken`) only while it is still ARGV[1]. */
const DELETE_IF_TOKEN_SCRIPT = `
local value = redis.call('GET', KEYS[1])
if value and cjson.decode(value).accessToken == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** The lock outlives any token request (10 s per attempt by default) yet frees a dead holder's waiters soon. */
const LOCK_TTL_MS = 15_000;

/**
 * The account's token in Redis, for every process (docs/adr/008): one token request per expiry across all of them
 * (`lockRefresh`), and a 403 seen by one process forgets the token for all, once (`clearIf`). While Redis is away
 * each process keeps a token of its own in memory, as without Redis.
 */
export function createRedisTokenStore(link: RedisLink, accountId: string, prefix = "hostaway:"): TokenStore {
  const key = `${prefix}token:${accountId}`;
  const lockKey = `${prefix}token-lock:${accountId}`;
  const local = createMemoryTokenStore();
  return {
    get: () =>
      link.run(
        async (redis) => {
          const raw = await redis.get(key);
          return raw === null ? undefined : (JSON.parse(raw) as StoredToken);
        },
        () => local.get(),
      ),
    set: async (token) => {
      await local.set(token);
      const ttl = Math.max(1, Math.round(token.expiresAt - Date.now()));
      await link.run(
        (redis) => redis.set(key, JSON.stringify(token), "PX", ttl),
        () => undefined,
      );
    },
    clear: async () => {
      await local.clear();
      await link.run(
        (redis) => redis.del(key),
        () => undefined,
      );
    },
    clearIf: async (accessToken) => {
      if ((await local.get())?.accessToken === accessToken) await local.clear();
      await link.run(
        (redis) => runScript(redis, DELETE_IF_TOKEN_SCRIPT, [key], [accessToken]),
        () => undefined,
      );
    },
    lockRefresh: async () => {
      const owner = randomUUID();
      const taken = await link.run(
        async (redis) => (await redis.set(lockKey, owner, "PX", LOCK_TTL_MS, "NX")) === "OK",
        // Redis away: no one to share with, so this process refreshes for itself.
        () => true,
      );
      if (!taken) return undefined;
      return async () => {
        await link.run(
          (redis) => runScript(redis, DELETE_IF_EQUAL_SCRIPT, [lockKey], [owner]),
          () => undefined,
        );
      };
    },
  };
}
