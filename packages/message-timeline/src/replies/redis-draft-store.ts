import type { RedisLink } from "@hostaway-mcp/hostaway-client";
import { createMemoryDraftStore, type DraftStore, type StoredDraft } from "./draft-store.js";

/** `ready` → `sending` inside Redis, so of all replicas exactly one claimer wins. */
const CLAIM_SCRIPT = `
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local draft = cjson.decode(raw)
if draft.state ~= 'ready' then return 0 end
draft.state = 'sending'
redis.call('SET', KEYS[1], cjson.encode(draft), 'KEEPTTL')
return 1
`;

/**
 * Drafts shared by every replica through Redis (`REDIS_URL`): a draft made on one can be sent from another, and
 * 20 concurrent sends over any number of replicas send once. While Redis is away drafts live in this process.
 */
export function createRedisDraftStore(link: RedisLink, prefix = "hostaway:draft:"): DraftStore {
  const local = createMemoryDraftStore();
  const key = (id: string) => `${prefix}${id}`;
  return {
    put: (draft, ttlMs) =>
      link.run(
        async (redis) => {
          await redis.set(key(draft.id), JSON.stringify(draft), "PX", Math.max(1, Math.round(ttlMs)));
        },
        () => local.put(draft, ttlMs),
      ),
    get: (id) =>
      link.run(
        async (redis) => {
          const raw = await redis.get(key(id));
          return raw === null ? undefined : (JSON.parse(raw) as StoredDraft);
        },
        () => local.get(id),
      ),
    claim: (id) =>
      link.run(
        async (redis) => (await redis.eval(CLAIM_SCRIPT, 1, key(id))) === 1,
        () => local.claim(id),
      ),
  };
}
