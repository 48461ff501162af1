import type { HostawayReservation } from "../hostaway/reservation.js";
import type { Booking, GuestInfo } from "../wire/booking.js";
import { countOrNull, hourOrNull, integerOrNull, orNull, positiveIdOrNull, textOrNull } from "./values.js";

/** What a caller may know that the reservation object itself does not carry. */
export interface BookingMappingContext {
  /** The listing's name (the full reservation object has no `listingName`; the conversation copy does). */
  listingName?: string | null;
}

/**
 * A Hostaway reservation as a `Booking`. Guest contact data (email, phone, address) and door codes are left out on
 * purpose; `mapGuestInfo` is the only way to the contact data.
 */
export function mapBooking(reservation: HostawayReservation, context: BookingMappingContext = {}): Booking {
  return {
    id: reservation.id,
    // REFERENCE.md §10.7: in the reservation object `reservationId` is the channel's code, like channelReservationId.
    channel_reservation_id:
      textOrNull(reservation.channelReservationId) ?? textOrNull(reservation.reservationId),
    confirmation_code: textOrNull(reservation.confirmationCode),
    listing_id: positiveIdOrNull(reservation.listingMapId),
    listing_name: textOrNull(reservation.listingName) ?? textOrNull(context.listingName),
    channel_id: integerOrNull(reservation.channelId),
    channel_name: textOrNull(reservation.channelName),
    source: textOrNull(reservation.source),
    status: textOrNull(reservation.status),
    guest_name: guestName(reservation),
    guest_first_name: textOrNull(reservation.guestFirstName),
    guest_last_name: textOrNull(reservation.guestLastName),
    number_of_guests: countOrNull(reservation.numberOfGuests),
    adults: countOrNull(reservation.adults),
    children: countOrNull(reservation.children),
    infants: countOrNull(reservation.infants),
    pets: countOrNull(reservation.pets),
    arrival_date: orNull(reservation.arrivalDate),
    departure_date: orNull(reservation.departureDate),
    nights: countOrNull(reservation.nights),
    check_in_hour: hourOrNull(reservation.checkInTime),
    check_out_hour: hourOrNull(reservation.checkOutTime),
    reservation_date: orNull(reservation.reservationDate),
    total_price: orNull(reservation.totalPrice),
    tax_amount: orNull(reservation.taxAmount),
    cleaning_fee: orNull(reservation.cleaningFee),
    security_deposit_fee: orNull(reservation.securityDepositFee),
    currency: textOrNull(reservation.currency),
    is_paid: orNull(reservation.isPaid),
    remaining_balance: orNull(reservation.remainingBalance),
    payment_method: textOrNull(reservation.paymentMethod),
    cancellation_policy:
      textOrNull(reservation.cancellationPolicy) ?? textOrNull(reservation.airbnbCancellationPolicy),
    cancellation_date: orNull(reservation.cancellationDate),
    cancelled_by: textOrNull(reservation.cancelledBy),
    is_instant_booked: orNull(reservation.isInstantBooked),
    host_note: textOrNull(reservation.hostNote),
  };
}

/** The guest behind a reservation, with contact data. */
export function mapGuestInfo(reservation: HostawayReservation): GuestInfo {
  return {
    booking_id: reservation.id,
    guest_name: guestName(reservation),
    guest_first_name: textOrNull(reservation.guestFirstName),
    guest_last_name: textOrNull(reservation.guestLastName),
    email: textOrNull(reservation.guestEmail),
    phone: textOrNull(reservation.phone),
    country: textOrNull(reservation.guestCountry),
    city: textOrNull(reservation.guestCity),
    address: textOrNull(reservation.guestAddress),
    zipcode: textOrNull(reservation.guestZipCode),
    locale: textOrNull(reservation.guestLocale),
    picture_url: textOrNull(reservation.guestPicture),
    number_of_guests: countOrNull(reservation.numberOfGuests),
    adults: countOrNull(reservation.adults),
    children: countOrNull(reservation.children),
    infants: countOrNull(reservation.infants),
    pets: countOrNull(reservation.pets),
    guest_note: textOrNull(reservation.guestNote),
  };
}

/** `guestName`, else first and last name joined. */
export function guestName(reservation: {
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
