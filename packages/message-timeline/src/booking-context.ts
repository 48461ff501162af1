import type {
  ConversationThread,
  HostawayConversation,
  HostawayConversationReservation,
  HostawayReservation,
} from "@hostaway-mcp/domain-models";

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
