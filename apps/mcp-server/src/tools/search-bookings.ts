import {
  BookingPageSchema,
  HOSTAWAY_CHANNEL_NAMES,
  SearchBookingsRequestSchema,
} from "@hostaway-mcp/domain-models";
import { searchBookings } from "@hostaway-mcp/hostaway-client";
import { defineTool } from "./define-tool.js";
import { CURSOR_PAGING } from "./descriptions.js";
import { queryOptions } from "./query-options.js";

export const searchBookingsTool = defineTool({
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
  inputSchema: SearchBookingsRequestSchema,
  outputSchema: BookingPageSchema,
  notFound: () => ({
    problem: "Hostaway reported the booking list as not found (a listing_id that does not exist?).",
    nextStep: "check listing_id with hostaway_list_properties, or drop it.",
  }),
  async run(input, context) {
    return searchBookings(context.client, input, queryOptions(context));
  },
});
