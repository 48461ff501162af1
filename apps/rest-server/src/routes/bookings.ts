import {
  BookingDetailsRequestSchema,
  BookingPageSchema,
  BookingSchema,
  decodeCursor,
  encodeCursor,
  GuestInfoRequestSchema,
  GuestInfoSchema,
  type HostawayReservation,
  mapBooking,
  mapGuestInfo,
  SearchBookingsRequestSchema,
} from "@hostaway-mcp/domain-models";
import { z } from "zod";
import { channelIdFor } from "./hostaway-channels.js";
import { defineRoute } from "./route-definition.js";

/** Reservations page by Hostaway's `afterId` cursor (REFERENCE.md §6.2: `offset` is deprecated). */
const BookingsCursorSchema = z.strictObject({
  list: z.literal("bookings"),
  afterId: z.number().int().positive(),
});
/** Hostaway pages reservations 100 at a time at most (REFERENCE.md §11; the sandbox caps there too). */
const UPSTREAM_PAGE_SIZE = 100;
/** With a status filter, how many upstream pages one call scans for matches before handing back a cursor. */
const MAX_STATUS_SCAN_PAGES = 3;

const bookingNotFound = (input: { booking_id: number }) =>
  `Booking ${input.booking_id} does not exist; GET /api/bookings searches bookings by guest, listing or dates.`;

export const searchBookingsRoute = defineRoute({
  operationId: "searchBookings",
  path: "/api/bookings",
  tag: "Bookings",
  summary: "Search bookings",
  description:
    "Bookings matching every given filter: guest name (part of it), exact guest email, listing, arrival and departure ranges, channel name (e.g. airbnbOfficial, bookingcom) and status (e.g. new, modified, cancelled). A page at a time (`limit` 1..100, default 20); pass `next_cursor` back as `cursor`. Hostaway cannot filter by status, so with `status` this server scans up to 300 bookings per call and may answer fewer than `limit` (even none) with a `next_cursor` to keep scanning; `note` says so.",
  request: SearchBookingsRequestSchema,
  response: BookingPageSchema,
  responseName: "BookingPage",
  async handle(input, { client, signal }) {
    const query = {
      match: input.guest_name,
      guestEmail: input.guest_email,
      listingId: input.listing_id,
      arrivalStartDate: input.arrival_start,
      arrivalEndDate: input.arrival_end,
      departureStartDate: input.departure_start,
      departureEndDate: input.departure_end,
      channelId: input.channel === undefined ? undefined : channelIdFor(input.channel),
    };
    let afterId =
      input.cursor === undefined ? undefined : decodeCursor(input.cursor, BookingsCursorSchema).afterId;
    const wantedStatus = input.status?.trim().toLowerCase();

    if (wantedStatus === undefined) {
      const page = await client.reservations.list({ ...query, limit: input.limit, afterId }, { signal });
      const last = page.items.at(-1);
      // REFERENCE.md §6.2: afterId paging ends on a short or empty page; `count` is the total for the filters.
      const more = last !== undefined && page.items.length >= input.limit;
      return {
        items: page.items.map((reservation) => mapBooking(reservation)),
        next_cursor: more ? encodeCursor({ list: "bookings", afterId: last.id }) : null,
        total_count: page.count,
        note: null,
      };
    }

    // REFERENCE.md §6.2 / §11: Hostaway cannot filter by status; read full pages and keep the matches, resuming
    // after the last booking looked at.
    const matches: HostawayReservation[] = [];
    let scanned = 0;
    let moreUpstream = false;
    for (let pageIndex = 0; pageIndex < MAX_STATUS_SCAN_PAGES; pageIndex += 1) {
      const page = await client.reservations.list(
        { ...query, limit: UPSTREAM_PAGE_SIZE, afterId },
        { signal },
      );
      for (const reservation of page.items) {
        scanned += 1;
        if (reservation.status?.trim().toLowerCase() === wantedStatus) matches.push(reservation);
        afterId = reservation.id;
        if (matches.length >= input.limit) break;
      }
      moreUpstream = page.items.length >= UPSTREAM_PAGE_SIZE || matches.length >= input.limit;
      if (!moreUpstream || matches.length >= input.limit) break;
    }
    return {
      items: matches.map((reservation) => mapBooking(reservation)),
      next_cursor: moreUpstream && afterId !== undefined ? encodeCursor({ list: "bookings", afterId }) : null,
      total_count: null,
      note:
        moreUpstream && matches.length < input.limit
          ? `Scanned ${scanned} bookings for status "${input.status}" (Hostaway cannot filter by status) and found ` +
            `${matches.length}; pass next_cursor to keep scanning.`
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
