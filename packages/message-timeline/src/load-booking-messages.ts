import { type HostawayConversation, type Message, mapMessage } from "@hostaway-mcp/domain-models";
import { type BookingFacts, embeddedReservation, type ReservationLike } from "./booking-context.js";
import { instantOf } from "./date-range.js";
import { fetchConversationMessages, listBookingConversations } from "./fetch-booking-conversations.js";
import type { MessageSource } from "./message-source.js";
import { OldestRead } from "./oldest-read.js";

/** Every message of one booking, mapped to wire messages, with what its context is built from. */
export interface BookingMessages {
  /** The reservation facts `buildBookingContexts` turns into the thread's booking context. */
  facts: BookingFacts;
  /** The booking's conversations, in the order Hostaway listed them. */
  conversationIds: number[];
  /** The same conversations as Hostaway listed them (their `messageReceivedOn` dates a guest's latest message). */
  conversations: HostawayConversation[];
  /** Wire messages in retrieval order (not yet a timeline: see `buildTimeline`). */
  messages: Message[];
  /** The thread's `as_of`: the oldest conversation-list or message-page read the messages rely on. */
  asOf: string;
}

export interface LoadBookingOptions {
  includeScheduled: boolean;
  signal?: AbortSignal | undefined;
  /** Cache warming: its requests go behind interactive ones. */
  background?: boolean | undefined;
  /** The booking's reservation when the caller already has it (a search found it), saving a lookup. */
  reservation?: ReservationLike | undefined;
  /** The booking's conversations when the caller already read them (a search's bulk read), with when. */
  conversations?: { items: HostawayConversation[]; readAt?: number | undefined } | undefined;
  /**
   * Epoch ms: a conversation whose latest message is older than this is not read (a date-range search needs only
   * what is newer; see `lastActivityOf`).
   */
  activeSince?: number | undefined;
}

/**
 * Loads a booking's messages in as few upstream requests as possible:
 *
 * 1. `GET /v1/conversations?reservationId=` lists the booking's conversations, each embedding its reservation
 *    under a capital-R `Reservation` (REFERENCE.md §7), which gives the booking context for free;
 * 2. page 1 of every conversation's messages at once, then the remaining pages at once (see
 *    `fetchConversationMessages`);
 * 3. `GET /v1/reservations/{id}` only when no context came with the conversations — in particular when there is no
 *    conversation at all, where it also tells an unknown booking (the source's not-found error, rethrown) from a
 *    booking with no messages (an empty result). It runs concurrently with step 2.
 *
 * A booking with one conversation of up to 100 messages therefore costs two requests (plus the client's token).
 */
export async function loadBookingMessages(
  source: MessageSource,
  bookingId: number,
  options: LoadBookingOptions,
): Promise<BookingMessages> {
  const callOptions = {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.background ? { background: true } : {}),
  };
  const reads = new OldestRead();
  const given = options.conversations;
  if (given !== undefined) reads.note(given);
  const conversations =
    given?.items.filter((conversation) => (conversation.reservationId ?? bookingId) === bookingId) ??
    (await listBookingConversations(source, bookingId, callOptions, reads));
  const worthReading =
    options.activeSince === undefined
      ? conversations
      : conversations.filter((conversation) => !quietSince(conversation, options.activeSince as number));
  const embedded = embeddedReservation(conversations);
  const known = options.reservation ?? embedded;
  const [reservation, fetched] = await Promise.all([
    known ?? source.reservations.get(bookingId, callOptions),
    fetchConversationMessages(source, worthReading, options.includeScheduled, callOptions, reads),
  ]);
  const messages = fetched.flatMap(({ conversation, messages: raw }) =>
    raw.map((message) => mapMessage(message, { reservation, conversation, bookingId })),
  );
  return {
    facts: { bookingId, reservation, embedded },
    conversationIds: conversations.map((conversation) => conversation.id),
    conversations,
    messages,
    asOf: reads.toIsoString(),
  };
}

/**
 * Whether every message of a conversation is older than `since`, as its list entry shows it (REFERENCE.md §7):
 * the embedded latest message, and the last outgoing and incoming times. Without the latest message both times
 * must be known; an unknown time never rules a conversation out.
 */
function quietSince(conversation: HostawayConversation, since: number): boolean {
  const latest = conversation.conversationMessages?.[0];
  const latestAt = instantOf(latest?.date ?? latest?.insertedOn ?? null);
  const sent = instantOf(conversation.messageSentOn ?? null);
  const received = instantOf(conversation.messageReceivedOn ?? null);
  const older = (time: number | null) => time === null || time < since;
  if (latestAt !== null) return latestAt < since && older(sent) && older(received);
  return sent !== null && received !== null && sent < since && received < since;
}
