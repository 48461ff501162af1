import {
  BookingDetailsRequestSchema,
  BookingPageSchema,
  BookingSchema,
  GuestInfoRequestSchema,
  GuestInfoSchema,
  HOSTAWAY_CHANNEL_NAMES,
  SearchBookingsRequestSchema,
} from "@hostaway-mcp/domain-models";
import { getBooking, getGuestInfo, searchBookings } from "@hostaway-mcp/hostaway-client";
import { z } from "zod";
import { badRequest } from "../errors/api-error.js";
import { defineRoute } from "./route-definition.js";

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
    return searchBookings(client, input, { signal }).catch(listAllowedChannels);
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
    return getBooking(client, input, { signal });
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
    return getGuestInfo(client, input, { signal });
  },
});

/** An unknown channel name is a 400 that also lists the channel names Hostaway knows (`details.allowed_channels`). */
function listAllowedChannels(error: unknown): never {
  const issue = error instanceof z.ZodError ? error.issues[0] : undefined;
  if (issue?.path[0] === "channel") {
    throw badRequest([{ field: "channel", message: `channel ${issue.message}` }], {
      allowed_channels: HOSTAWAY_CHANNEL_NAMES,
    });
  }
  throw error;
}
