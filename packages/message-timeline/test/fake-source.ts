import {
  type HostawayConversation,
  HostawayConversationSchema,
  type HostawayListing,
  HostawayListingSchema,
  type HostawayMessage,
  HostawayMessageSchema,
  type HostawayReservation,
  HostawayReservationSchema,
} from "@hostaway-mcp/domain-models";
import { HostawayNotFoundError } from "@hostaway-mcp/hostaway-client";
import type {
  MessageSource,
  SourceCallOptions,
  SourceConversationQuery,
  SourceMessageQuery,
  SourcePage,
  SourceReservationQuery,
} from "../src/index.js";

/**
 * An in-memory MessageSource for unit tests. Objects are built from Hostaway-shaped JSON and parsed by
 * domain-models' tolerant schemas, exactly as the client would hand them over. Lists are paged with a cap like the
 * sandbox's (100), messages come newest first, and every call is recorded so tests can count requests.
 */

export class FakeError extends Error {
  constructor(
    message: string,
    readonly errorType: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "FakeError";
  }
}

export interface FakeCall {
  method:
    | "listings.get"
    | "listings.list"
    | "reservations.get"
    | "reservations.list"
    | "conversations.list"
    | "conversations.messages";
  /** The listing, reservation, conversation or (for the lists) 0. */
  id: number;
  query?:
    | SourceReservationQuery
    | SourceConversationQuery
    | SourceMessageQuery
    | { limit: number; offset: number };
  signal?: AbortSignal | undefined;
}

export interface FakeSourceOptions {
  /** Largest page the fake returns (default 100). */
  pageCap?: number;
  /** Leave `count` out of message pages (Hostaway often does, REFERENCE.md §3). */
  omitMessageCount?: boolean;
  /** Leave the capital-R Reservation out of conversations. */
  omitEmbeddedReservation?: boolean;
  /** The account's listings by id and name (default: 40160 "Sea View Loft", the listing every fixture uses). */
  listings?: ReadonlyArray<{ id: number; name: string }>;
  /** Throw (or return) before answering a call: a hook for faults. */
  beforeCall?: (call: FakeCall) => void | Promise<void>;
  /**
   * Give each conversation its `messageSentOn`/`messageReceivedOn` and embedded latest message, as Hostaway's
   * list entries carry them (REFERENCE.md §7). Off by default: most tests need not care.
   */
  conversationTimes?: boolean;
  /** The `readAt` a page reports, by call (a cached client page says when it was last proven current). */
  readAt?: (call: FakeCall) => number | undefined;
  /** Rewrite a message page before it is returned (e.g. to repeat a message across pages). */
  rewriteMessagePage?: (
    call: FakeCall,
    items: HostawayMessage[],
    all: HostawayMessage[],
  ) => HostawayMessage[];
}

export interface RawReservation {
  id: number;
  guestName?: string | null;
  guestFirstName?: string | null;
  guestLastName?: string | null;
  listingMapId?: number;
  listingName?: string;
  channelId?: number;
  channelName?: string;
  arrivalDate?: string;
  departureDate?: string;
  latestActivityOn?: string | null;
  reservationDate?: string | null;
}

export interface RawMessage {
  id: number;
  body?: string;
  /** Hostaway's zone-less UTC datetime, e.g. `2026-11-01 10:00:00`. */
  date?: string | null;
  insertedOn?: string | null;
  communicationType?: string;
  isIncoming?: 0 | 1;
  status?: string;
  communicationId?: number | null;
}

export interface RawConversation {
  id: number;
  reservationId: number;
  messages: RawMessage[];
}

export function parseReservation(raw: RawReservation): HostawayReservation {
  return HostawayReservationSchema.parse({
    listingMapId: 40160,
    listingName: "Sea View Loft",
    channelId: 2018,
    channelName: "airbnbOfficial",
    arrivalDate: "2026-11-10",
    departureDate: "2026-11-14",
    guestEmail: "guest@example.com",
    phone: "+49 170 0000000",
    ...raw,
  });
}

export class FakeSource implements MessageSource {
  readonly calls: FakeCall[] = [];
  private readonly reservationsById = new Map<number, HostawayReservation>();
  private readonly conversationsById = new Map<number, HostawayConversation>();
  private readonly messagesByConversation = new Map<number, HostawayMessage[]>();
  private readonly listingsById = new Map<number, HostawayListing>();

  constructor(
    reservations: RawReservation[],
    conversations: RawConversation[],
    private readonly options: FakeSourceOptions = {},
  ) {
    for (const { id, name } of options.listings ?? [{ id: 40160, name: "Sea View Loft" }]) {
      this.listingsById.set(id, HostawayListingSchema.parse({ id, name }));
    }
    for (const raw of reservations) this.reservationsById.set(raw.id, parseReservation(raw));
    for (const raw of conversations) {
      const reservation = reservations.find((candidate) => candidate.id === raw.reservationId);
      const newest = (incoming: boolean) =>
        raw.messages
          .filter((message) => (message.isIncoming ?? 1) === (incoming ? 1 : 0))
          .map((message) => message.date as string)
          .sort()
          .at(-1) ?? null;
      const latest = [...raw.messages].sort((a, b) => String(a.date).localeCompare(String(b.date))).at(-1);
      const times = options.conversationTimes
        ? {
            messageReceivedOn: newest(true),
            messageSentOn: newest(false),
            conversationMessages: latest ? [{ ...latest, conversationId: raw.id }] : [],
          }
        : {};
      this.conversationsById.set(
        raw.id,
        HostawayConversationSchema.parse({
          id: raw.id,
          reservationId: raw.reservationId,
          recipientName: reservation?.guestName ?? null,
          ...times,
          Reservation:
            options.omitEmbeddedReservation || !reservation
              ? undefined
              : { ...parseRawForEmbedding(reservation), hostawayReservationId: String(reservation.id) },
        }),
      );
      const messages = raw.messages.map((message) =>
        HostawayMessageSchema.parse({
          communicationType: "email",
          status: "sent",
          isIncoming: 1,
          isSeen: 0,
          listingMapId: 40160,
          ...message,
          conversationId: raw.id,
          reservationId: raw.reservationId,
        }),
      );
      // Newest first, like the sandbox (Hostaway documents no order, REFERENCE.md §7).
      this.messagesByConversation.set(raw.id, messages.reverse());
    }
  }

  count(method: FakeCall["method"]): number {
    return this.calls.filter((call) => call.method === method).length;
  }

  readonly listings = {
    get: async (listingId: number, options?: SourceCallOptions): Promise<HostawayListing> => {
      await this.record({ method: "listings.get", id: listingId, signal: options?.signal });
      const listing = this.listingsById.get(listingId);
      if (!listing) {
        throw new HostawayNotFoundError({
          method: "GET",
          path: `/listings/${listingId}`,
          status: 404,
          detail: "not found (HTTP 404)",
        });
      }
      return listing;
    },
    list: async (
      query: { limit: number; offset: number },
      options?: SourceCallOptions,
    ): Promise<SourcePage<HostawayListing>> => {
      await this.record({ method: "listings.list", id: 0, query, signal: options?.signal });
      const all = [...this.listingsById.values()].sort((a, b) => a.id - b.id);
      const limit = Math.min(query.limit, this.options.pageCap ?? 100);
      return { items: all.slice(query.offset, query.offset + limit), count: all.length };
    },
  };

  readonly reservations = {
    get: async (reservationId: number, options?: SourceCallOptions): Promise<HostawayReservation> => {
      await this.record({ method: "reservations.get", id: reservationId, signal: options?.signal });
      const reservation = this.reservationsById.get(reservationId);
      if (!reservation) {
        throw new HostawayNotFoundError({
          method: "GET",
          path: `/reservations/${reservationId}`,
          status: 404,
          detail: "not found (HTTP 404)",
        });
      }
      return reservation;
    },
    list: async (
      query: SourceReservationQuery,
      options?: SourceCallOptions,
    ): Promise<SourcePage<HostawayReservation>> => {
      await this.record({ method: "reservations.list", id: 0, query, signal: options?.signal });
      let matching = [...this.reservationsById.values()];
      if (query.match !== undefined) {
        const folded = fold(query.match);
        matching = matching.filter((reservation) => fold(reservation.guestName ?? "").includes(folded));
      }
      if (query.sortOrder === "latestActivityDesc") {
        matching.sort(
          (a, b) => (b.latestActivityOn ?? "").localeCompare(a.latestActivityOn ?? "") || b.id - a.id,
        );
      } else {
        matching.sort((a, b) => b.id - a.id);
      }
      const start =
        query.afterId === undefined
          ? 0
          : matching.findIndex((reservation) => reservation.id === query.afterId) + 1;
      const limit = Math.min(query.limit ?? 100, this.options.pageCap ?? 100);
      return { items: matching.slice(start, start + limit), count: matching.length };
    },
  };

  readonly conversations = {
    list: async (
      query: SourceConversationQuery,
      options?: SourceCallOptions,
    ): Promise<SourcePage<HostawayConversation>> => {
      await this.record({
        method: "conversations.list",
        id: query.reservationId,
        query,
        signal: options?.signal,
      });
      const all = [...this.conversationsById.values()].filter(
        (conversation) => conversation.reservationId === query.reservationId,
      );
      const offset = query.offset ?? 0;
      const limit = Math.min(query.limit ?? 100, this.options.pageCap ?? 100);
      return this.page(
        { method: "conversations.list", id: query.reservationId, query },
        all.slice(offset, offset + limit),
        all.length,
      );
    },
    messages: async (
      conversationId: number,
      query: SourceMessageQuery,
      options?: SourceCallOptions,
    ): Promise<SourcePage<HostawayMessage>> => {
      const call: FakeCall = {
        method: "conversations.messages",
        id: conversationId,
        query,
        signal: options?.signal,
      };
      await this.record(call);
      const all = (this.messagesByConversation.get(conversationId) ?? []).filter(
        (message) => query.includeScheduledMessages === true || message.status === "sent",
      );
      const offset = query.offset ?? 0;
      const limit = Math.min(query.limit ?? 100, this.options.pageCap ?? 100);
      let items = all.slice(offset, offset + limit);
      if (this.options.rewriteMessagePage) items = this.options.rewriteMessagePage(call, items, all);
      return this.page(call, items, this.options.omitMessageCount ? null : all.length);
    },
  };

  private page<Item>(call: FakeCall, items: Item[], count: number | null): SourcePage<Item> {
    const readAt = this.options.readAt?.(call);
    return readAt === undefined ? { items, count } : { items, count, readAt };
  }

  private async record(call: FakeCall): Promise<void> {
    this.calls.push(call);
    call.signal?.throwIfAborted();
    await this.options.beforeCall?.(call);
  }
}

function parseRawForEmbedding(raw: RawReservation): Record<string, unknown> {
  const { id: _id, latestActivityOn: _activity, ...rest } = raw;
  return {
    listingMapId: 40160,
    listingName: "Sea View Loft",
    channelId: 2018,
    channelName: "airbnbOfficial",
    arrivalDate: "2026-11-10",
    departureDate: "2026-11-14",
    ...rest,
  };
}

function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .toLowerCase();
}

/** `count` messages one minute apart from `start` (zone-less UTC), ids from `firstId`. */
export function messageSeries(count: number, firstId: number, start = "2026-11-01T00:00:00Z"): RawMessage[] {
  const base = Date.parse(start);
  return Array.from({ length: count }, (_, index) => ({
    id: firstId + index,
    body: `message ${index + 1}`,
    date: hostawayTime(base + index * 60_000),
    isIncoming: (index % 2) as 0 | 1,
  }));
}

/** Milliseconds → Hostaway's `YYYY-MM-DD HH:MM:SS` (UTC, no zone). */
export function hostawayTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}
