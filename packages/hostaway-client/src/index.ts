// Public API of @hostaway-mcp/hostaway-client. Every export is named here on purpose (no `export *`).

export type { AuthenticateOptions } from "./authenticate.js";
export type { CacheEntry, CacheStore } from "./cache/cache-store.js";
export type { MemoryCacheStoreOptions } from "./cache/memory-cache-store.js";
export { createMemoryCacheStore } from "./cache/memory-cache-store.js";
export { cachedOnly } from "./cache/only-if-cached.js";
export type { CacheSettings } from "./cache/read-cache.js";
export { DEFAULT_CACHE_SETTINGS } from "./cache/read-cache.js";
export type { ReadOutcome, ReadRecord } from "./cache/read-log.js";
export { trackReads } from "./cache/read-log.js";
export type { Clock } from "./clock.js";
export { systemClock } from "./clock.js";
export type {
  CacheOptions,
  ClientSharing,
  HostawayClient,
  HostawayClientOptions,
  Invalidation,
  RedisSharingOptions,
} from "./create-client.js";
export {
  createHostawayClient,
  DEFAULT_BASE_URL,
  DEFAULT_DEADLINE_MS,
  DEFAULT_TIMEOUT_MS,
} from "./create-client.js";
export type { ErrorDescription } from "./describe-error.js";
export {
  DEFAULT_RATE_LIMIT_WAIT_MS,
  describeError,
  TIMEOUT_RETRY_WAIT_MS,
  UPSTREAM_RETRY_WAIT_MS,
  withoutRequestPrefix,
} from "./describe-error.js";
export type { HostawayErrorType, RedactedCause } from "./errors.js";
export {
  HostawayAbortError,
  HostawayAuthError,
  HostawayError,
  HostawayNetworkError,
  HostawayNotFoundError,
  HostawayRateLimitError,
  HostawayResponseValidationError,
  HostawayTimeoutError,
  HostawayUpstreamError,
  HostawayValidationError,
} from "./errors.js";
export type { HttpMethod } from "./http-method.js";
export type { Logger } from "./logger.js";
export type { ClientObserver, UpstreamRequestEvent } from "./observer.js";
export { routeOf } from "./observer.js";
export { clientOperations } from "./operations.js";
export type { Page } from "./page.js";
// Queries: one per question an agent asks, returning domain-models wire objects.
export type { CheckAvailabilityOptions } from "./queries/check-availability.js";
export { checkAvailability } from "./queries/check-availability.js";
export { getBooking } from "./queries/get-booking.js";
export { getFinancialReport } from "./queries/get-financial-report.js";
export { getGuestInfo } from "./queries/get-guest-info.js";
export { getProperty } from "./queries/get-property.js";
export { listProperties } from "./queries/list-properties.js";
export type { QueryOptions, QueryProgress } from "./queries/query-options.js";
export { searchBookings } from "./queries/search-bookings.js";
export type { RateLimitOptions, SharedSlots, SlotLease } from "./rate-limiter.js";
export { BackgroundDeferred, DEFAULT_RATE_LIMIT } from "./rate-limiter.js";
export type { LinkLogger, RedisLinkOptions, SharingMode, SharingStatus } from "./redis/redis-link.js";
export { RedisLink } from "./redis/redis-link.js";
export type {
  ReservationLister,
  ReservationWalk,
  WalkCallOptions,
  WalkCap,
  WalkPage,
} from "./reservation-walk.js";
export { WALK_PAGE_SIZE, walkReservations } from "./reservation-walk.js";
export type {
  ConversationGetOptions,
  ConversationsQuery,
  ConversationsResource,
  MessagesQuery,
  SendMessageInput,
} from "./resources/conversations.js";
export type { FinanceReportQuery, FinanceResource } from "./resources/finance.js";
export type {
  CalendarQuery,
  ListingGetOptions,
  ListingsQuery,
  ListingsResource,
} from "./resources/listings.js";
export type {
  ReservationGetOptions,
  ReservationsQuery,
  ReservationsResource,
} from "./resources/reservations.js";
export type { RetryOptions } from "./retry-policy.js";
export type { StoredToken, TokenStore } from "./token-store.js";
export { createMemoryTokenStore } from "./token-store.js";
export type { ClientStats, RequestOptions } from "./transport.js";
export { isUnknownOutcome } from "./unknown-outcome.js";
export type { WarmUpLogger } from "./warm-up.js";
export { warmUpToken } from "./warm-up.js";
