/**
 * The Lua scripts behind the shared windows. Each runs atomically inside Redis and reads Redis's clock (`TIME`),
 * so processes with different clocks agree. A window is a sorted set of request ids scored by when they were
 * counted; entries older than the window are removed on every call and every key carries a TTL, so a process that
 * dies holding entries leaks nothing: they age out. (Bottleneck's own Redis clustering is unmaintained since 2019
 * and reported broken on Redis 7, its issues #205 and #219: it is not used.)
 */

/**
 * Take one slot of every window, or say how long to wait.
 * KEYS: cool-down, then one sorted set per window. ARGV: window ms, member id, then one limit per window.
 * Returns `{1, 0}` when granted, `{0, wait ms}` when not.
 */
export const TAKE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
local cool = redis.call('PTTL', KEYS[1])
if cool > 0 then return {0, cool} end
local wait = 0
for i = 2, #KEYS do
  local limit = tonumber(ARGV[i + 1])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
  local count = redis.call('ZCARD', KEYS[i])
  if count >= limit then
    local oldest = redis.call('ZRANGE', KEYS[i], count - limit, count - limit, 'WITHSCORES')
    local free = tonumber(oldest[2]) + window - now + 1
    if free > wait then wait = free end
  end
end
if wait > 0 then return {0, wait} end
for i = 2, #KEYS do
  redis.call('ZADD', KEYS[i], now, ARGV[2])
  redis.call('PEXPIRE', KEYS[i], window * 2)
end
return {1, 0}
`;

/**
 * The response began to arrive: count the slot from now (see rate-limiter.ts for why the window runs from the
 * response). Only moves an entry that still exists (`XX`). KEYS: the windows. ARGV: member id.
 */
export const TOUCH_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for i = 1, #KEYS do redis.call('ZADD', KEYS[i], 'XX', now, ARGV[1]) end
return 1
`;

/**
 * Add requests this process sent while Redis was away, by their age, so the shared log knows them once it is back.
 * KEYS: the windows. ARGV: window ms, then pairs of member id and age in ms.
 */
export const PUSH_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
for i = 1, #KEYS do
  for j = 2, #ARGV, 2 do redis.call('ZADD', KEYS[i], 'NX', now - tonumber(ARGV[j + 1]), ARGV[j]) end
  redis.call('PEXPIRE', KEYS[i], window * 2)
end
return 1
`;

/** Hostaway answered 429: every process waits at least ARGV[1] ms. KEYS: the cool-down. */
export const COOL_DOWN_SCRIPT = `
local ms = tonumber(ARGV[1])
if redis.call('PTTL', KEYS[1]) < ms then redis.call('SET', KEYS[1], '1', 'PX', ms) end
return 1
`;
