import {
  BookingDetailsRequestSchema,
  BookingPageSchema,
  BookingSchema,
  decodeCursor,
  encodeCursor,
  GuestInfoRequestSchema,
  GuestInfoSchema,
  mapBooking,
  mapGuestInfo,
  SearchBookingsRequestSchema,
} from "@hostaway-mcp/domain-models";
import { z } from "zod";
import { channelIdFor } from "./hostaway-channels.js";
import { defineRoute } from "./route-definition.js";

/** Reservations page by Hostaway's `afterId` cursor (REFERENCE.md §6.2: `offset` is deprecated). */
const AfterIdCursorSchema = z.object({ afterId: z.number().int().positive() });

const bookingNotFound = (input: { booking_id: number }) =>
  `Booking ${input.booking_id} does not exist; GET /api/bookings searches bookings by guest, listing or dates.`;

export const searchBookingsRoute = defineRoute({
  operationId: "searchBookings",
  path: "/api/bookings",
  tag: "Bookings",
  summary: "Search bookings",
  description:
    "Bookings matching every given filter: guest name (part of it), exact guest email, listing, arrival and departure ranges, channel name (e.g. airbnbOfficial, bookingcom) and status (e.g. new, modified, cancelled). A page at a time (`limit` 1..100, default 20); pass `next_cursor` back as `cursor`. Hostaway cannot filter by status, so status is applied to each page here, and a page may hold fewer bookings than `limit` while `next_cursor` is not null.",
  request: SearchBookingsRequestSchema,
  response: BookingPageSchema,
  responseName: "BookingPage",
  async handle(input, { client, signal }) {
    const afterId =
      input.cursor === undefined ? undefined : decodeCursor(input.cursor, AfterIdCursorSchema).afterId;
    const channelId = input.channel === undefined ? undefined : channelIdFor(input.channel);
    const page = await client.reservations.list(
      {
        limit: input.limit,
        afterId,
        match: input.guest_name,
        guestEmail: input.guest_email,
        listingId: input.listing_id,
        arrivalStartDate: input.arrival_start,
        arrivalEndDate: input.arrival_end,
        departureStartDate: input.departure_start,
        departureEndDate: input.departure_end,
        channelId,
      },
      { signal },
    );
    const wanted = input.status?.trim().toLowerCase();
    const matching =
      wanted === undefined ? page.items : page.items.filter((item) => item.status?.toLowerCase() === wanted);
    const last = page.items.at(-1);
    const hasMore = last !== undefined && page.items.length >= input.limit;
    return {
      items: matching.map((reservation) => mapBooking(reservation)),
      next_cursor: hasMore ? encodeCursor({ afterId: last.id }) : null,
      total_count: wanted === undefined ? page.count : null,
      note:
        matching.length < page.items.length
          ? `${page.items.length - matching.length} booking(s) on this page had another status than "${input.status}"; follow next_cursor for more.`
          : null,
    };
  },
});

export const getBookingRoute = defineRoute({
  operationId: "getBooking",
  path: "/api/bookings/{id}",
  tag: "Bookings",
  summary: "Get one booking",
  description:
    "One booking: listing, channel, status, dates, guests, price, payment and cancellation policy. Guest contact data is left out; use GET /api/bookings/{id}/guest for it.",
  request: BookingDetailsRequestSchema,
  pathParams: { id: "booking_id" },
  response: BookingSchema,
  responseName: "Booking",
  notFound: bookingNotFound,
  async handle(input, { client, signal }) {
    return mapBooking(await client.reservations.get(input.booking_id, { signal }));
  },
});

export const getBookingGuestRoute = defineRoute({
  operationId: "getBookingGuest",
  path: "/api/bookings/{id}/guest",
  tag: "Bookings",
  summary: "Get a booking's guest",
  description:
    "The guest of one booking, with contact data (email, phone, address). Every call is written to the audit log.",
  request: GuestInfoRequestSchema,
  pathParams: { id: "booking_id" },
  response: GuestInfoSchema,
  responseName: "GuestInfo",
  notFound: bookingNotFound,
  auditBookingField: "booking_id",
  async handle(input, { client, signal }) {
    return mapGuestInfo(await client.reservations.get(input.booking_id, { signal }));
  },
});
