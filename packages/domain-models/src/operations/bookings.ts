import { HOSTAWAY_CHANNEL_NAMES } from "../channels/hostaway-channels.js";
import { BookingDetailsRequestSchema, GuestInfoRequestSchema } from "../requests/booking-details.js";
import { SearchBookingsRequestSchema } from "../requests/search-bookings.js";
import { BookingPageSchema, BookingSchema, GuestInfoSchema } from "../wire/booking.js";
import { CURSOR_PAGING, UNTRUSTED_MESSAGES } from "./descriptions.js";
import { defineOperation, type Refer } from "./operation.js";

/** A booking id Hostaway does not know, and where valid ones come from. */
export const bookingNotFound = (bookingId: number, refer: Refer) => ({
  problem: `Booking ${bookingId} does not exist in this Hostaway account.`,
  nextStep: `call ${refer("hostaway_search_bookings")} to find valid booking ids.`,
});

export const searchBookingsOperation = defineOperation({
  name: "hostaway_search_bookings",
  title: "Search bookings",
  description:
    "Find bookings (Hostaway reservations) by guest name (partial), guest email, listing, arrival or departure " +
    "date range, booking channel or status; all filters combine with AND, and no filter lists every booking, " +
    "most recently updated first. Returns bookings without guest contact data: use hostaway_get_guest_info for " +
    "email and phone, hostaway_get_booking_details for one booking by id, hostaway_batch_get_bookings for several " +
    "ids, hostaway_get_conversation_history for a booking's messages. `channel` is a Hostaway channel name " +
    `(${HOSTAWAY_CHANNEL_NAMES.join(", ")}). Hostaway has no status filter, so \`status\` is applied by this ` +
    "server to the bookings it reads: a status-filtered page scans a few hundred bookings and may come back with " +
    `fewer items than \`limit\` (even none) but a next_cursor to keep scanning. ${CURSOR_PAGING}`,
  input: SearchBookingsRequestSchema,
  output: BookingPageSchema,
  http: {
    method: "GET",
    path: "/api/bookings",
    operationId: "searchBookings",
    tag: "Bookings",
    summary: "Search bookings",
    description:
      "Bookings matching every given filter: guest name (part of it), exact guest email, listing, arrival and departure ranges, channel name (e.g. airbnbOfficial, bookingcom) and status (e.g. new, modified, cancelled). A page at a time (`limit` 1..100, default 20); pass `next_cursor` back as `cursor`. Hostaway cannot filter by status, so with `status` this server scans up to 300 bookings per call and may answer fewer than `limit` (even none) with a `next_cursor` to keep scanning; `note` says so.",
    responseName: "BookingPage",
  },
  guestData: false,
  notFound: (_input, refer) => ({
    problem: "Hostaway reported the booking list as not found (a listing_id that does not exist?).",
    nextStep: `check listing_id with ${refer("hostaway_list_properties")}, or drop it.`,
  }),
  budget: "cursor_page",
});

export const getBookingDetailsOperation = defineOperation({
  name: "hostaway_get_booking_details",
  title: "Get booking details",
  description:
    "Get one booking (Hostaway reservation) by `booking_id`: listing, channel, status, guest name and party " +
    "size, dates, nights, price, taxes and fees, payment state, cancellation. Guest contact data (email, phone, " +
    "address) is not included: use hostaway_get_guest_info for that. To find a booking_id use " +
    "hostaway_search_bookings; for several bookings use hostaway_batch_get_bookings; for its messages use " +
    "hostaway_get_conversation_history. Paging: none (one object).",
  input: BookingDetailsRequestSchema,
  output: BookingSchema,
  http: {
    method: "GET",
    path: "/api/bookings/{id}",
    pathParams: { id: "booking_id" },
    operationId: "getBooking",
    tag: "Bookings",
    summary: "Get one booking",
    description:
      "One booking: listing, channel, status, dates, guests, price, payment and cancellation policy. Guest contact data is left out; use GET /api/bookings/{id}/guest for it.",
    responseName: "Booking",
  },
  guestData: false,
  notFound: (input, refer) => bookingNotFound(input.booking_id, refer),
  budget: "none",
});

export const getGuestInfoOperation = defineOperation({
  name: "hostaway_get_guest_info",
  title: "Get guest info",
  description:
    "Get the guest behind one booking, including personal contact data: name, email (often a channel relay " +
    "address), phone, country, city, address, language, party size and the guest's note. Use it only when the " +
    "task needs contact details; every call is audited. For the booking itself use hostaway_get_booking_details; " +
    `to find a booking_id use hostaway_search_bookings. ${UNTRUSTED_MESSAGES} Paging: none (one object).`,
  input: GuestInfoRequestSchema,
  output: GuestInfoSchema,
  http: {
    method: "GET",
    path: "/api/bookings/{id}/guest",
    pathParams: { id: "booking_id" },
    operationId: "getBookingGuest",
    tag: "Bookings",
    summary: "Get a booking's guest",
    description:
      "The guest of one booking, with contact data (email, phone, address). Every call is written to the audit log.",
    responseName: "GuestInfo",
  },
  guestData: true,
  auditedBookings: (input) => [input.booking_id],
  notFound: (input, refer) => bookingNotFound(input.booking_id, refer),
  budget: "none",
});
