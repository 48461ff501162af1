// Public API of @hostaway-mcp/domain-models. Every export is named here on purpose (no `export *`).

// Tolerant schemas for what Hostaway sends.
export type { HostawayAccessToken } from "./hostaway/access-token.js";
export { HostawayAccessTokenSchema } from "./hostaway/access-token.js";
export type { HostawayCalendarDay } from "./hostaway/calendar-day.js";
export { HostawayCalendarDaySchema } from "./hostaway/calendar-day.js";
export type { HostawayConversation, HostawayConversationReservation } from "./hostaway/conversation.js";
export {
  HostawayConversationReservationSchema,
  HostawayConversationSchema,
} from "./hostaway/conversation.js";
export type { HostawayEnvelope } from "./hostaway/envelope.js";
export { HostawayEnvelopeSchema, hostawayEnvelope } from "./hostaway/envelope.js";
export type { HostawayFinanceColumn, HostawayFinanceReport } from "./hostaway/finance-report.js";
export { HostawayFinanceColumnSchema, HostawayFinanceReportSchema } from "./hostaway/finance-report.js";
export type { HostawayListing } from "./hostaway/listing.js";
export { HostawayListingSchema } from "./hostaway/listing.js";
export type { HostawayAttachment, HostawayMessage } from "./hostaway/message.js";
export { HostawayAttachmentSchema, HostawayMessageSchema } from "./hostaway/message.js";
export {
  HostawayBoolean,
  HostawayDate,
  HostawayDateTime,
  HostawayId,
  HostawayNumber,
  HostawayString,
  toIsoUtc,
} from "./hostaway/primitives.js";
export type { HostawayReservation } from "./hostaway/reservation.js";
export { HostawayReservationSchema } from "./hostaway/reservation.js";
