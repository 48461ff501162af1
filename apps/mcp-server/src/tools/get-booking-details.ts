import { BookingDetailsRequestSchema, BookingSchema } from "@hostaway-mcp/domain-models";
import { getBooking } from "@hostaway-mcp/hostaway-client";
import { defineTool } from "./define-tool.js";

export const getBookingDetailsTool = defineTool({
  name: "hostaway_get_booking_details",
  title: "Get booking details",
  description:
    "Get one booking (Hostaway reservation) by `booking_id`: listing, channel, status, guest name and party " +
    "size, dates, nights, price, taxes and fees, payment state, cancellation. Guest contact data (email, phone, " +
    "address) is not included: use hostaway_get_guest_info for that. To find a booking_id use " +
    "hostaway_search_bookings; for several bookings use hostaway_batch_get_bookings; for its messages use " +
    "hostaway_get_conversation_history. Paging: none (one object).",
  inputSchema: BookingDetailsRequestSchema,
  outputSchema: BookingSchema,
  notFound: (input) => ({
    problem: `Booking ${input.booking_id} does not exist in this Hostaway account.`,
    nextStep: "call hostaway_search_bookings to find valid booking ids.",
  }),
  async run(input, { client, signal }) {
    return getBooking(client, input, { signal });
  },
});
