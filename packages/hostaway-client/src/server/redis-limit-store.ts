import type { RedisLink } from "../redis/redis-link.js";
import { runScript } from "../redis/run-script.js";
import { createMemoryLimitStore, type InboundLimitStore } from "./inbound-limiter.js";

/** Count one request in a fixed window: `INCR`, start the window's expiry on the first, answer count and TTL. */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}
`;

/**
 * Inbound windows counted in Redis, so an API key's limit holds across every replica (20 per 10 s in all, not
 * per replica). While Redis is away each process counts in its own memory (the edge keeps serving).
 */
export function createRedisLimitStore(link: RedisLink, prefix = "hostaway:inbound:"): InboundLimitStore {
  const local = createMemoryLimitStore();
  return {
    hit: (key, windowMs) =>
      link.run(
        async (redis) => {
          const [count, ttl] = (await runScript(redis, HIT_SCRIPT, [`${prefix}${key}`], [windowMs])) as [
            number,
            number,
          ];
          return { count, resetMs: ttl };
        },
        () => local.hit(key, windowMs),
      ),
  };
}
