import {
  implement,
  type OperationTable,
  prepareGuestReplyOperation,
  sendGuestReplyOperation,
} from "@hostaway-mcp/domain-models";
import { describeError } from "@hostaway-mcp/hostaway-client";
import type { DraftStore, StoredDraft } from "./draft-store.js";
import { GuestReplyRefusal } from "./guest-reply-refusal.js";
import { prepareGuestReply } from "./prepare-guest-reply.js";
import { type ReplyAuditLine, type ReplyAuditSink, textFingerprint } from "./reply-audit.js";
import type { ReplySource } from "./reply-source.js";
import { sendGuestReply } from "./send-guest-reply.js";

export interface ReplyOperationOptions {
  /** Where drafts live: `createMemoryDraftStore()`, or `createRedisDraftStore(link)` for several replicas. */
  drafts: DraftStore;
  /** Every draft, send, refusal and failure: one line each, without the text. */
  audit: ReplyAuditSink;
  now?: () => number;
}

/** The write operations (domain-models `WRITE_OPERATIONS`), bound to one draft store and one audit sink. */
export function createReplyOperations({
  drafts,
  audit,
  now = Date.now,
}: ReplyOperationOptions): OperationTable<ReplySource> {
  const line = (fields: Partial<ReplyAuditLine> & Pick<ReplyAuditLine, "action" | "outcome" | "caller">) =>
    audit({
      audit: "guest_reply",
      booking_id: null,
      conversation_id: null,
      channel: null,
      draft_id: null,
      reason: null,
      text_length: null,
      text_sha256: null,
      ...fields,
      at: new Date(now()).toISOString(),
    });
  const failureOf = (error: unknown) => {
    const refused = GuestReplyRefusal.isInstance(error);
    const reason = refused ? error.reason : describeError(error).error_type;
    const outcome = refused
      ? error.reason === "unknown_outcome"
        ? ("unknown_outcome" as const)
        : ("refused" as const)
      : describeError(error).error_type === "validation_error"
        ? ("refused" as const)
        : ("failed" as const);
    return { reason, outcome };
  };
  return {
    ...implement(prepareGuestReplyOperation, async (source: ReplySource, input, context) => {
      const caller = context.caller ?? "anonymous";
      try {
        const { draft } = await prepareGuestReply(source, input, {
          drafts,
          caller,
          now,
          signal: context.signal,
        });
        line({
          action: "draft",
          outcome: "drafted",
          caller,
          ...aboutDraft({
            id: draft.draft_id,
            bookingId: draft.booking_id,
            conversationId: draft.conversation_id,
            channel: draft.channel,
            content: draft.content,
          }),
        });
        return draft;
      } catch (error) {
        line({
          action: "draft",
          ...failureOf(error),
          caller,
          booking_id: input.booking_id,
          channel: input.channel ?? null,
          ...textFingerprint(input.content),
        });
        throw error;
      }
    }),
    ...implement(sendGuestReplyOperation, async (source: ReplySource, input, context) => {
      const caller = context.caller ?? "anonymous";
      try {
        const { draft, result } = await sendGuestReply(source, input, {
          drafts,
          caller,
          confirm: context.confirm,
          now,
          signal: context.signal,
        });
        line({
          action: "send",
          outcome: result.already_sent ? "already_sent" : "sent",
          caller,
          ...aboutDraft(draft),
        });
        return result;
      } catch (error) {
        const known = await drafts.get(input.draft_id).catch(() => undefined);
        const own = known?.caller === caller ? known : undefined;
        line({
          action: "send",
          ...failureOf(error),
          caller,
          ...(own === undefined ? { draft_id: input.draft_id } : aboutDraft(own)),
        });
        throw error;
      }
    }),
  };
}

/** What an audit line says about a draft: where it goes, and its text's length and hash (never the text). */
function aboutDraft(
  draft: Pick<StoredDraft, "id" | "bookingId" | "conversationId" | "channel" | "content">,
): Partial<ReplyAuditLine> {
  return {
    booking_id: draft.bookingId,
    conversation_id: draft.conversationId,
    channel: draft.channel,
    draft_id: draft.id,
    ...textFingerprint(draft.content),
  };
}
