import { setTimeout as sleep } from "node:timers/promises";
import {
  communicationTypeOf,
  type GuestReplySent,
  type SendGuestReplyRequest,
} from "@hostaway-mcp/domain-models";
import { isUnknownOutcome } from "@hostaway-mcp/hostaway-client";
import type { DraftStore, StoredDraft } from "./draft-store.js";
import { GuestReplyRefusal } from "./guest-reply-refusal.js";
import { EXPIRED_DRAFT_MEMORY_MS } from "./prepare-guest-reply.js";
import type { ReplySource } from "./reply-source.js";

/** A sent draft's result is kept this long, so a late retry still gets the same answer instead of a refusal. */
export const SENT_RESULT_LIFETIME_MS = 24 * 60 * 60_000;
/** How long a second sender waits for the first one's outcome. */
const IN_PROGRESS_WAIT_MS = 60_000;
const POLL_MS = 100;

export interface SendReplyDependencies {
  drafts: DraftStore;
  caller: string;
  /** Asks the user where the client can (MCP elicitation). */
  confirm?: ((preview: string) => Promise<"accepted" | "declined" | "unsupported">) | undefined;
  now?: () => number;
  signal?: AbortSignal | undefined;
}

/** What happened, for the audit line: the draft (when known) and the outcome. */
export interface SendOutcome {
  result: GuestReplySent;
  draft: StoredDraft;
}

/**
 * Sends a draft's exact text once. Every way in which a send could go wrong twice is closed here: only one claimer
 * of a draft sends (the store's atomic `claim`, shared by replicas with Redis); a repeat answers the first result;
 * a newer guest message (the conversation's `messageReceivedOn` moved, read fresh) refuses; a request that left
 * without an answer is never retried and leaves the draft `unknown`.
 */
export async function sendGuestReply(
  source: ReplySource,
  input: SendGuestReplyRequest,
  { drafts, caller, confirm, now = Date.now, signal }: SendReplyDependencies,
): Promise<SendOutcome> {
  const draft = await drafts.get(input.draft_id);
  if (draft === undefined) {
    throw new GuestReplyRefusal(
      "unknown_draft",
      `No draft ${input.draft_id} (drafts are kept 10 minutes). Prepare the reply again.`,
    );
  }
  if (draft.caller !== caller) {
    throw new GuestReplyRefusal(
      "other_caller",
      "This draft was prepared by another caller (API key); only it can send it. Prepare your own draft.",
    );
  }
  if (draft.state === "sent" && draft.result)
    return { draft, result: { ...draft.result, already_sent: true } };
  if (draft.state === "unknown") throw unknownOutcome();
  if (draft.state === "stale") throw guestWroteAgain();
  if (now() >= draft.expiresAt) {
    throw new GuestReplyRefusal("expired", "This draft expired (10 minutes). Prepare the reply again.");
  }
  if (input.confirm !== true) {
    const answer = confirm ? await confirm(previewOf(draft)) : "unsupported";
    if (answer === "declined") {
      throw new GuestReplyRefusal("declined", "The user did not approve the reply; nothing was sent.");
    }
    if (answer === "unsupported") {
      throw new GuestReplyRefusal(
        "not_confirmed",
        "confirm must be true: show the user the draft's preview and send again with confirm: true once they approve.",
      );
    }
  }
  if (!(await drafts.claim(draft.id))) return waitForOtherSender(drafts, draft.id, now, signal);

  const callOptions = signal ? { signal } : {};
  try {
    const conversation = await source.conversations.get(draft.conversationId, {
      fresh: true,
      ...callOptions,
    });
    if ((conversation.messageReceivedOn ?? null) !== draft.guestLastReceivedOn) {
      await settle(drafts, { ...draft, state: "stale" }, now);
      throw guestWroteAgain();
    }
  } catch (error) {
    if (GuestReplyRefusal.isInstance(error)) throw error;
    // Nothing was sent: the draft may be sent again.
    await settle(drafts, { ...draft, state: "ready" }, now);
    throw error;
  }
  try {
    const sent = await source.conversations.send(
      draft.conversationId,
      { body: draft.content, communicationType: communicationTypeOf(draft.channel) },
      callOptions,
    );
    const result: GuestReplySent = {
      draft_id: draft.id,
      booking_id: draft.bookingId,
      conversation_id: draft.conversationId,
      channel: draft.channel,
      message_id: sent.id,
      sent_at: new Date(now()).toISOString(),
      already_sent: false,
    };
    const done: StoredDraft = { ...draft, state: "sent", result };
    await drafts.put(done, SENT_RESULT_LIFETIME_MS);
    return { draft: done, result };
  } catch (error) {
    if (isUnknownOutcome(error)) {
      await drafts.put({ ...draft, state: "unknown" }, SENT_RESULT_LIFETIME_MS);
      throw unknownOutcome();
    }
    // Hostaway refused it: nothing went out, the draft may be sent again.
    await settle(drafts, { ...draft, state: "ready" }, now);
    throw error;
  }
}

function previewOf(draft: StoredDraft): string {
  return `Send this ${draft.channel} message to the guest of booking ${draft.bookingId}?\n\n${draft.content}`;
}

function unknownOutcome(): GuestReplyRefusal {
  return new GuestReplyRefusal(
    "unknown_outcome",
    "Unknown outcome: the reply left but no answer came back, so it may have been sent. Check the conversation " +
      "(hostaway_get_conversation_history) before drafting again; it is not retried.",
  );
}

function guestWroteAgain(): GuestReplyRefusal {
  return new GuestReplyRefusal(
    "guest_wrote_again",
    "The guest wrote again since this draft, so the reply may no longer fit: read the new message and prepare a new draft.",
  );
}

/** Keeps the draft as long as prepare meant it to be remembered. */
async function settle(drafts: DraftStore, draft: StoredDraft, now: () => number): Promise<void> {
  await drafts.put(draft, Math.max(1, draft.expiresAt + EXPIRED_DRAFT_MEMORY_MS - now()));
}

/** Another send of this draft is in flight (here or on another replica): its outcome is ours. */
async function waitForOtherSender(
  drafts: DraftStore,
  id: string,
  now: () => number,
  signal: AbortSignal | undefined,
): Promise<SendOutcome> {
  const giveUpAt = now() + IN_PROGRESS_WAIT_MS;
  for (;;) {
    await sleep(POLL_MS, undefined, signal ? { signal } : {});
    const draft = await drafts.get(id);
    if (draft?.state === "sent" && draft.result)
      return { draft, result: { ...draft.result, already_sent: true } };
    if (draft?.state === "unknown") throw unknownOutcome();
    if (draft?.state === "stale") throw guestWroteAgain();
    if (draft === undefined || draft.state === "ready" || now() >= giveUpAt) {
      throw new GuestReplyRefusal(
        "in_progress",
        "Another send of this draft did not complete; nothing is known to have been sent. Send it again.",
      );
    }
  }
}
