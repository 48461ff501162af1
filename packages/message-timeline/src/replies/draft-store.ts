import type { GuestReplySent, ReplyChannel } from "@hostaway-mcp/domain-models";

/** A drafted reply as it is kept between prepare and send. Times are epoch ms. */
export interface StoredDraft {
  id: string;
  /** The caller that made it (an API key's hash, `stdio`): only it may send it. */
  caller: string;
  bookingId: number;
  conversationId: number;
  channel: ReplyChannel;
  content: string;
  createdAt: number;
  expiresAt: number;
  /** The conversation's `messageReceivedOn` at draft time: a different one at send time means the guest wrote again. */
  guestLastReceivedOn: string | null;
  /** `ready` → `sending` (one claimer) → `sent` | `unknown` (the outcome could not be known) | back to `ready`. */
  state: "ready" | "sending" | "sent" | "unknown" | "stale";
  /** Once sent: the answer every later send of this draft repeats. */
  result?: GuestReplySent | undefined;
}

/**
 * Where drafts live: in memory by default, in Redis with `REDIS_URL` so every replica sees the same drafts and
 * the same claim. `claim` is the one atomic step that makes a send happen once.
 */
export interface DraftStore {
  put(draft: StoredDraft, ttlMs: number): Promise<void>;
  get(id: string): Promise<StoredDraft | undefined>;
  /** `ready` → `sending`, atomically: true for exactly one of any number of concurrent claimers. */
  claim(id: string): Promise<boolean>;
}

/** Drafts in this process's memory, each dropped when its time to live ends. */
export function createMemoryDraftStore(now: () => number = Date.now): DraftStore {
  const drafts = new Map<string, { draft: StoredDraft; until: number }>();
  const live = (id: string) => {
    const held = drafts.get(id);
    if (held !== undefined && held.until <= now()) drafts.delete(id);
    return drafts.get(id);
  };
  return {
    async put(draft, ttlMs) {
      for (const [id, held] of drafts) if (held.until <= now()) drafts.delete(id);
      drafts.set(draft.id, { draft: structuredClone(draft), until: now() + ttlMs });
    },
    async get(id) {
      const held = live(id);
      return held === undefined ? undefined : structuredClone(held.draft);
    },
    async claim(id) {
      const held = live(id);
      if (held?.draft.state !== "ready") return false;
      held.draft.state = "sending";
      return true;
    },
  };
}
