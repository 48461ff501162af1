import type { PropertySource } from "@hostaway-mcp/batch-runner";
import type { HostawayConversation, HostawayMessage, HostawayReservation } from "@hostaway-mcp/domain-models";

/** Per-call options this package passes to its source: the caller's abort signal, and background work. */
export interface SourceCallOptions {
  signal?: AbortSignal;
  /** Cache warming: queued behind every interactive request, within the client's background share. */
  background?: boolean;
}

/** One page of a list, as the client returns it. `count` is the total matching records (null when not sent). */
export interface SourcePage<Item> {
  items: Item[];
  count: number | null;
  /**
   * When the page was last proven current upstream (epoch ms; a `HostawayClient` page says so, a cached one counts
   * from its revalidation). A source that omits it is taken as read at the moment it answered.
   */
  readAt?: number;
}

/** The reservation-list query this package sends (REFERENCE.md §6.2); the client accepts more. */
export interface SourceReservationQuery {
  limit?: number;
  /** Cursor: the last id of the previous page, in the sort order (REFERENCE.md §6.2; `offset` is deprecated). */
  afterId?: number;
  sortOrder?: "latestActivityDesc";
  /** Hostaway's search by guest name (REFERENCE.md §6.2). */
  match?: string;
  /** Only reservations active since this date (`YYYY-MM-DD`, REFERENCE.md §6.2). */
  latestActivityStart?: string;
}

/** The conversation-list query: the conversations of one reservation (REFERENCE.md §6.3). */
export interface SourceConversationQuery {
  reservationId: number;
  limit?: number;
  offset?: number;
}

/**
 * The message-list query (REFERENCE.md §6.3): `includeScheduledMessages: true` (sent as `=1`) adds scheduled,
 * failed and cancelled messages; without it Hostaway returns only `sent` ones.
 */
export interface SourceMessageQuery {
  limit?: number;
  offset?: number;
  includeScheduledMessages?: boolean;
}

/**
 * The part of `@hostaway-mcp/hostaway-client` this package calls. A `HostawayClient` satisfies it structurally
 * (a type-level test proves it), and tests pass small fakes. Errors thrown by a source are passed through (history)
 * or classified by their `errorType` (search), so a client's `HostawayNotFoundError` stays a not-found error.
 */
export interface MessageSource {
  /** Listing names for the booking context, when no conversation embeds them (see `buildBookingContexts`). */
  listings: PropertySource["listings"];
  reservations: {
    get(reservationId: number, options?: SourceCallOptions): Promise<HostawayReservation>;
    list(
      query: SourceReservationQuery,
      options?: SourceCallOptions,
    ): Promise<SourcePage<HostawayReservation>>;
  };
  conversations: {
    list(
      query: SourceConversationQuery,
      options?: SourceCallOptions,
    ): Promise<SourcePage<HostawayConversation>>;
    messages(
      conversationId: number,
      query: SourceMessageQuery,
      options?: SourceCallOptions,
    ): Promise<SourcePage<HostawayMessage>>;
    /**
     * The conversations of many bookings in as few requests as their number allows (a `HostawayClient` plans it
     * with the account's conversation list and its cache); optional: without it each booking's list is read.
     * Each value is a booking's first page of up to 100; a booking left out is read on its own.
     */
    ofReservations?(
      reservationIds: readonly number[],
      options?: SourceCallOptions,
    ): Promise<Map<number, SourcePage<HostawayConversation>>>;
  };
}
