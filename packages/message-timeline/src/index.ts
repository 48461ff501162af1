// Public API of @hostaway-mcp/message-timeline. Every export is named here on purpose (no `export *`).

export type { BookingContext } from "./booking-context.js";
export type { Timeline } from "./build-timeline.js";
export { buildTimeline } from "./build-timeline.js";
export { NOTE_ALLOWANCE } from "./fit-thread.js";
export type { ConversationHistoryOptions } from "./get-conversation-history.js";
export {
  DEFAULT_HISTORY_LIMIT,
  getConversationHistory,
  MAX_HISTORY_LIMIT,
} from "./get-conversation-history.js";
export type {
  MessageSource,
  SourceCallOptions,
  SourceConversationQuery,
  SourceMessageQuery,
  SourcePage,
  SourceReservationQuery,
} from "./message-source.js";
export { timelineOperations } from "./operations.js";
export type {
  RecentWarmer,
  RecentWarmerOptions,
  WarmerLogger,
  WarmPass,
  WarmStatus,
} from "./recent-warmer.js";
export { startRecentWarmer } from "./recent-warmer.js";
export type { DraftStore, StoredDraft } from "./replies/draft-store.js";
export { createMemoryDraftStore } from "./replies/draft-store.js";
export type { RefusalReason } from "./replies/guest-reply-refusal.js";
export { GuestReplyRefusal } from "./replies/guest-reply-refusal.js";
export { DRAFT_LIFETIME_MS, prepareGuestReply } from "./replies/prepare-guest-reply.js";
export { createRedisDraftStore } from "./replies/redis-draft-store.js";
export type { ReplyAuditLine, ReplyAuditSink } from "./replies/reply-audit.js";
export type { ReplyOperationOptions } from "./replies/reply-operations.js";
export { createReplyOperations } from "./replies/reply-operations.js";
export type { ReplySource } from "./replies/reply-source.js";
export { SENT_RESULT_LIFETIME_MS, sendGuestReply } from "./replies/send-guest-reply.js";
export type { MessageSearchCriteriaInput, SearchMessagesOptions, SearchProgress } from "./search-messages.js";
export { DEFAULT_SEARCH_BOUNDS, searchMessages } from "./search-messages.js";
export { TimelineValidationError } from "./timeline-validation-error.js";
