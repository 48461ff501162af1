import { randomBytes } from "node:crypto";
import {
  type GuestReplyDraft,
  MAX_REPLY_CHARACTERS,
  type Message,
  type PrepareGuestReplyRequest,
  type ReplyChannel,
} from "@hostaway-mcp/domain-models";
import { type BookingContext, buildBookingContexts } from "../booking-context.js";
import { buildTimeline } from "../build-timeline.js";
import { loadBookingMessages } from "../load-booking-messages.js";
import { TimelineValidationError } from "../timeline-validation-error.js";
import type { DraftStore, StoredDraft } from "./draft-store.js";
import { GuestReplyRefusal } from "./guest-reply-refusal.js";
import type { ReplySource } from "./reply-source.js";

/** A draft can be sent for this long (the 10 minutes): the conversation may move on after that. */
export const DRAFT_LIFETIME_MS = 10 * 60_000;
/** An expired draft is remembered this much longer, so a late send hears "expired", not "unknown". */
export const EXPIRED_DRAFT_MEMORY_MS = 60 * 60_000;
const SENDABLE: ReadonlySet<string> = new Set<ReplyChannel>(["email", "sms", "whatsapp", "platform"]);
/** `{{guest_name}}`, `{{ check_in }}`: a template nobody filled in. */
const PLACEHOLDER = /\{\{\s*[^{}]*\}\}/;

export interface PrepareReplyDependencies {
  drafts: DraftStore;
  caller: string;
  now?: () => number;
  signal?: AbortSignal | undefined;
}

/**
 * Drafts a reply (no side effect upstream): checks the text, picks the conversation and channel (the guest's
 * latest message's, unless `channel` names another this booking uses), and keeps the draft bound to the caller and
 * to the conversation's latest incoming message, for `DRAFT_LIFETIME_MS`.
 */
export async function prepareGuestReply(
  source: ReplySource,
  input: PrepareGuestReplyRequest,
  { drafts, caller, now = Date.now, signal }: PrepareReplyDependencies,
): Promise<{ draft: GuestReplyDraft; stored: StoredDraft }> {
  const content = checkedContent(input.content);
  const booking = await loadBookingMessages(source, input.booking_id, {
    includeScheduled: false,
    ...(signal ? { signal } : {}),
  });
  const timeline = buildTimeline(booking.messages);
  const guestMessages = timeline.messages.filter((message) => message.sender_type === "guest");
  const guestLast = guestMessages[guestMessages.length - 1] ?? null;
  const { conversationId, channel } = chooseConversation(
    booking.conversationIds,
    timeline.messages,
    guestLast,
    input,
  );
  // Fresh: the draft is bound to what the guest last wrote as of now, not as of the cache.
  const conversation = await source.conversations.get(conversationId, {
    fresh: true,
    ...(signal ? { signal } : {}),
  });
  const [context] = await buildBookingContexts(source, [booking.facts], signal ? { signal } : {});
  const at = now();
  const stored: StoredDraft = {
    id: randomBytes(18).toString("base64url"),
    caller,
    bookingId: input.booking_id,
    conversationId,
    channel,
    content,
    createdAt: at,
    expiresAt: at + DRAFT_LIFETIME_MS,
    guestLastReceivedOn: conversation.messageReceivedOn ?? null,
    state: "ready",
  };
  await drafts.put(stored, DRAFT_LIFETIME_MS + EXPIRED_DRAFT_MEMORY_MS);
  return {
    stored,
    draft: {
      draft_id: stored.id,
      expires_at: new Date(stored.expiresAt).toISOString(),
      ...(context as BookingContext),
      conversation_id: conversationId,
      channel,
      content,
      guest_last_message: guestLast,
    },
  };
}

function checkedContent(content: string): string {
  if (content.trim() === "") throw new TimelineValidationError("content", "must not be empty");
  if (content.length > MAX_REPLY_CHARACTERS) {
    throw new TimelineValidationError(
      "content",
      `must be at most ${MAX_REPLY_CHARACTERS} characters, got ${content.length}`,
    );
  }
  const placeholder = PLACEHOLDER.exec(content);
  if (placeholder) {
    throw new TimelineValidationError(
      "content",
      `holds an unfilled template placeholder ${placeholder[0].slice(0, 40)}: write the actual value instead`,
    );
  }
  return content;
}

/** The conversation and channel a reply goes to, or a refusal that says which channels this booking offers. */
function chooseConversation(
  conversationIds: readonly number[],
  messages: readonly Message[],
  guestLast: Message | null,
  input: PrepareGuestReplyRequest,
): { conversationId: number; channel: ReplyChannel } {
  if (conversationIds.length === 0) {
    throw new GuestReplyRefusal(
      "no_conversation",
      `Booking ${input.booking_id} has no conversation to reply in (the guest has not been contacted through Hostaway).`,
    );
  }
  // Which channels each conversation has carried: Hostaway can send on those (REFERENCE.md §7 "Sending").
  const used = new Map<number, Set<ReplyChannel>>();
  for (const message of messages) {
    if (message.conversation_id === null || !SENDABLE.has(message.channel)) continue;
    const channels = used.get(message.conversation_id) ?? new Set<ReplyChannel>();
    channels.add(message.channel as ReplyChannel);
    used.set(message.conversation_id, channels);
  }
  const latest = guestLast ?? messages[messages.length - 1] ?? null;
  const preferred = latest?.conversation_id ?? conversationIds[0];
  const wanted =
    input.channel ??
    (latest !== null && SENDABLE.has(latest.channel) ? (latest.channel as ReplyChannel) : undefined);
  const offered = [...new Set([...used.values()].flatMap((channels) => [...channels]))];
  if (wanted === undefined) {
    if (offered.length === 0 && preferred !== undefined)
      return { conversationId: preferred, channel: "email" };
    throw new GuestReplyRefusal(
      "channel_not_available",
      `The guest's latest message came on a channel replies cannot use; pass channel (one of ${offered.join(", ") || "email"}).`,
    );
  }
  const candidates = [preferred, ...conversationIds].filter((id): id is number => id !== undefined);
  const conversationId = candidates.find((id) => used.get(id)?.has(wanted));
  if (conversationId !== undefined) return { conversationId, channel: wanted };
  // A booking without messages yet: email (Hostaway's default) is always possible.
  if (offered.length === 0 && wanted === "email" && preferred !== undefined) {
    return { conversationId: preferred, channel: "email" };
  }
  throw new GuestReplyRefusal(
    "channel_not_available",
    `Booking ${input.booking_id}'s conversations do not use ${wanted}; choose one of ${offered.join(", ") || "email"}.`,
  );
}
