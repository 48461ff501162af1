// Public API of @hostaway-mcp/domain-models. Every export is named here on purpose (no `export *`).

// Hostaway's booking channels by name.
export { channelIdFor, HOSTAWAY_CHANNEL_IDS, HOSTAWAY_CHANNEL_NAMES } from "./channels/hostaway-channels.js";
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
export {
  financialReportFromReservations,
  isNonRevenueStatus,
} from "./mappers/financial-report-from-reservations.js";
// Pure mappers from Hostaway objects to wire objects.
export type { BookingMappingContext } from "./mappers/map-booking.js";
export { mapBooking, mapGuestInfo } from "./mappers/map-booking.js";
export {
  mapAvailabilityCalendar,
  mapCalendarDay,
  mapCalendarDayStatus,
} from "./mappers/map-calendar-day.js";
export {
  compareChronologically,
  mapConversationMessages,
} from "./mappers/map-conversation-messages.js";
export type { FinancialReportRange } from "./mappers/map-finance-report.js";
export { mapFinanceReport } from "./mappers/map-finance-report.js";
export { mapListing, mapListingSummary } from "./mappers/map-listing.js";
export type { MessageMappingContext } from "./mappers/map-message.js";
export {
  communicationTypeOf,
  mapDeliveryStatus,
  mapMessage,
  mapMessageChannel,
  mapSenderType,
  messageTimestamp,
  platformFromChannel,
} from "./mappers/map-message.js";
// The operation catalogue: every operation declared once, for both edges (docs/adr/004).
export {
  batchGetBookingsOperation,
  batchGetPropertiesOperation,
} from "./operations/batches.js";
export {
  getBookingDetailsOperation,
  getGuestInfoOperation,
  searchBookingsOperation,
} from "./operations/bookings.js";
export { OPERATIONS, operationNamed } from "./operations/catalogue.js";
export { CURSOR_PAGING, OFFSET_PAGING, UNTRUSTED_MESSAGES } from "./operations/descriptions.js";
export { getFinancialReportOperation } from "./operations/finance.js";
export {
  checkAvailabilityOperation,
  getPropertyDetailsOperation,
  listPropertiesOperation,
} from "./operations/listings.js";
export {
  getConversationHistoryOperation,
  searchMessagesOperation,
} from "./operations/messages.js";
export type {
  BudgetRule,
  NotFoundExplanation,
  OperationDeclaration,
  OperationHttp,
  Refer,
} from "./operations/operation.js";
export { defineOperation } from "./operations/operation.js";
export type {
  OperationContext,
  OperationHandler,
  OperationProgress,
  OperationTable,
} from "./operations/operation-handler.js";
export { bindOperations, implement } from "./operations/operation-handler.js";
export {
  prepareGuestReplyOperation,
  sendGuestReplyOperation,
  WRITE_OPERATIONS,
} from "./operations/replies.js";
// Paging helpers.
export { decodeCursor, encodeCursor } from "./paging/cursor.js";
export { fitToBudget } from "./paging/fit-to-budget.js";
export type { PageShape } from "./paging/is-last-page.js";
export { isLastPage } from "./paging/is-last-page.js";
export { bookingsCursor, listingsCursor } from "./paging/list-cursors.js";
// Request schemas shared by both apps (MCP tool inputs, REST query parameters).
export type { BatchBookingsRequest, BatchPropertiesRequest } from "./requests/batch.js";
export { BatchBookingsRequestSchema, BatchPropertiesRequestSchema, MAX_BATCH_IDS } from "./requests/batch.js";
export type { BookingDetailsRequest, GuestInfoRequest } from "./requests/booking-details.js";
export { BookingDetailsRequestSchema, GuestInfoRequestSchema } from "./requests/booking-details.js";
// One input parser for both edges, with bounded echoes of caller values.
export { listNames, MAX_LISTED_NAMES, MAX_QUOTED_CHARACTERS, quoteValue } from "./requests/bounded-echo.js";
export type { CheckAvailabilityRequest } from "./requests/check-availability.js";
export { CheckAvailabilityRequestSchema, MAX_AVAILABILITY_DAYS } from "./requests/check-availability.js";
export type { ConversationHistoryRequest } from "./requests/conversation-history.js";
export { ConversationHistoryRequestSchema } from "./requests/conversation-history.js";
export type { FinancialReportRequest } from "./requests/financial-report.js";
export { FinancialReportRequestSchema } from "./requests/financial-report.js";
export type {
  PrepareGuestReplyRequest,
  ReplyChannel,
  SendGuestReplyRequest,
} from "./requests/guest-reply.js";
export {
  MAX_REPLY_CHARACTERS,
  PrepareGuestReplyRequestSchema,
  ReplyChannelSchema,
  SendGuestReplyRequestSchema,
} from "./requests/guest-reply.js";
export type { ListPropertiesRequest } from "./requests/list-properties.js";
export { ListPropertiesRequestSchema } from "./requests/list-properties.js";
export type { FieldIssue, ParsedRequest, RequestProblem } from "./requests/parse-request.js";
export { parseRequest, requestParameters } from "./requests/parse-request.js";
export type { PropertyDetailsRequest } from "./requests/property-details.js";
export { PropertyDetailsRequestSchema } from "./requests/property-details.js";
export type { SearchBookingsRequest } from "./requests/search-bookings.js";
export { SearchBookingsRequestSchema } from "./requests/search-bookings.js";
export type { SearchMessagesRequest } from "./requests/search-messages.js";
export { SearchMessagesRequestSchema } from "./requests/search-messages.js";
// Strict wire schemas for what our servers emit (snake_case; every field described).
export type { BatchFailure, BatchSummary, PartialFailureResponse } from "./wire/batch.js";
export {
  BatchFailureSchema,
  BatchSummarySchema,
  buildBatchSummary,
  partialFailureResponseSchema,
  successRate,
} from "./wire/batch.js";
export type { Booking, BookingPage, GuestInfo } from "./wire/booking.js";
export { BookingPageSchema, BookingSchema, GuestInfoSchema } from "./wire/booking.js";
export type { AvailabilityCalendar, CalendarDay } from "./wire/calendar.js";
export { AvailabilityCalendarSchema, CalendarDaySchema } from "./wire/calendar.js";
export type {
  CalendarDayStatus,
  DeliveryStatus,
  ErrorType,
  MessageChannel,
  SenderType,
} from "./wire/enums.js";
export {
  CalendarDayStatusSchema,
  DeliveryStatusSchema,
  ErrorTypeSchema,
  MessageChannelSchema,
  SenderTypeSchema,
} from "./wire/enums.js";
export type {
  FinancialReport,
  FinancialReportColumn,
  FinancialReportDataSource,
  FinancialReportDateType,
} from "./wire/financial-report.js";
export {
  FinancialReportColumnSchema,
  FinancialReportDataSourceSchema,
  FinancialReportDateTypeSchema,
  FinancialReportSchema,
} from "./wire/financial-report.js";
export type { GuestReplyDraft, GuestReplySent } from "./wire/guest-reply.js";
export { GuestReplyDraftSchema, GuestReplySentSchema } from "./wire/guest-reply.js";
export type { Listing, ListingSummary, ListingSummaryPage } from "./wire/listing.js";
export { ListingSchema, ListingSummaryPageSchema, ListingSummarySchema } from "./wire/listing.js";
export type { ConversationThread, Message, MessageAttachment } from "./wire/message.js";
export { ConversationThreadSchema, MessageAttachmentSchema, MessageSchema } from "./wire/message.js";
export type { MessageSearchCriteria } from "./wire/message-search-criteria.js";
export { MessageSearchCriteriaSchema } from "./wire/message-search-criteria.js";
