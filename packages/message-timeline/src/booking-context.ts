import { batchGetProperties } from "@hostaway-mcp/batch-runner";
import type {
  ConversationThread,
  HostawayConversation,
  HostawayConversationReservation,
  HostawayReservation,
} from "@hostaway-mcp/domain-models";
import type { MessageSource, SourceCallOptions } from "./message-source.js";

/** The part of a thread that tells the agent whose booking it is (and tells similar guests apart). */
export type BookingContext = Pick<
  ConversationThread,
  | "booking_id"
  | "guest_name"
  | "listing_id"
  | "listing_name"
  | "arrival_date"
  | "departure_date"
  | "channel_name"
>;

/** A full reservation or the trimmed copy a conversation embeds under a capital-R `Reservation` (REFERENCE.md §7). */
export type ReservationLike = HostawayReservation | HostawayConversationReservation;

/** What is known about one booking of an answer before its context is built. */
export interface BookingFacts {
  bookingId: number;
  /** The reservation the booking was found or read as (a list item, a single read, or the embedded copy). */
  reservation: ReservationLike;
  /** The capital-R copy a conversation embeds, when the booking has a conversation: it alone names the listing. */
  embedded: HostawayConversationReservation | null;
}

export interface BookingContextOptions extends SourceCallOptions {
  /**
   * Ends the listing-name read early without failing the answer (a search past its deadline still answers with
   * what it read): names not read by then are null. `signal` still ends the answer.
   */
  namesSignal?: AbortSignal;
}

/**
 * The booking context of every thread of one answer — history and search alike. Each comes from the booking's
 * reservation; the listing's name, which the full and the listed reservation lack (only the copy embedded in a
 * conversation has `listingName`, REFERENCE.md §7, §8.3), comes from that copy, else from one planned read of the
 * listings still unnamed (batch-runner's property planner: a single `GET /listings/{id}` for one, the listing
 * index for several), shared by every thread of the answer. A listing that cannot be read leaves `listing_name`
 * null; it never fails the answer.
 */
export async function buildBookingContexts(
  source: Pick<MessageSource, "listings">,
  bookings: readonly BookingFacts[],
  options: BookingContextOptions,
): Promise<BookingContext[]> {
  const contexts = bookings.map(({ bookingId, reservation, embedded }) => {
    const context = bookingContextFrom(bookingId, reservation);
    return context.listing_name === null && embedded !== null
      ? { ...context, listing_name: textOrNull(embedded.listingName) }
      : context;
  });
  const unnamed = new Set(
    contexts.flatMap((context) =>
      context.listing_name === null && context.listing_id !== null ? [context.listing_id] : [],
    ),
  );
  if (unnamed.size === 0) return contexts;

  const names = await listingNames(source, [...unnamed], options);
  return contexts.map((context) =>
    context.listing_name === null && context.listing_id !== null
      ? { ...context, listing_name: names.get(context.listing_id) ?? null }
      : context,
  );
}

async function listingNames(
  source: Pick<MessageSource, "listings">,
  listingIds: number[],
  options: BookingContextOptions,
): Promise<Map<number, string>> {
  const signals = [options.signal, options.namesSignal].filter((s): s is AbortSignal => s !== undefined);
  const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
  const listings = options.background ? inBackground(source.listings) : source.listings;
  const read = await batchGetProperties({ listings }, listingIds, signal ? { signal } : {});
  // The caller's abort ends the answer; it is not a missing name.
  options.signal?.throwIfAborted();
  const names = new Map<number, string>();
  for (const listing of read.successful_results) {
    const name = textOrNull(listing.name);
    if (name !== null) names.set(listing.id, name);
  }
  return names;
}

/** The same listing reads, queued as background work (a warming search must not spend interactive slots). */
function inBackground(listings: MessageSource["listings"]): MessageSource["listings"] {
  return {
    list: (query, options) => listings.list(query, { ...options, background: true }),
    get: (id, options) => listings.get(id, { ...options, background: true }),
  };
}

/** The booking context from a reservation (full or embedded). Blank text becomes null (the docs' example has `listingName: ""`). */
export function bookingContextFrom(bookingId: number, reservation: ReservationLike): BookingContext {
  return {
    booking_id: bookingId,
    guest_name: guestNameOf(reservation),
    listing_id: positiveOrNull(reservation.listingMapId),
    listing_name: textOrNull(reservation.listingName),
    arrival_date: reservation.arrivalDate ?? null,
    departure_date: reservation.departureDate ?? null,
    channel_name: textOrNull(reservation.channelName),
  };
}

/** The first embedded `Reservation` among a booking's conversations, if Hostaway sent one. */
export function embeddedReservation(
  conversations: readonly HostawayConversation[],
): HostawayConversationReservation | null {
  for (const conversation of conversations) {
    if (conversation.Reservation) return conversation.Reservation;
  }
  return null;
}

/** `guestName`, else first + last name, else null. */
export function guestNameOf(reservation: {
  guestName?: string | null;
  guestFirstName?: string | null;
  guestLastName?: string | null;
}): string | null {
  const full = textOrNull(reservation.guestName);
  if (full !== null) return full;
  const parts = [textOrNull(reservation.guestFirstName), textOrNull(reservation.guestLastName)].filter(
    (part): part is string => part !== null,
  );
  return parts.length > 0 ? parts.join(" ") : null;
}

function textOrNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === "" ? null : value;
}

function positiveOrNull(value: number | null | undefined): number | null {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : null;
}
