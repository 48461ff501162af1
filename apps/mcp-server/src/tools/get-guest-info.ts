import { GuestInfoRequestSchema, GuestInfoSchema } from "@hostaway-mcp/domain-models";
import { getGuestInfo } from "@hostaway-mcp/hostaway-client";
import { defineTool } from "./define-tool.js";
import { UNTRUSTED_MESSAGES } from "./descriptions.js";

export const getGuestInfoTool = defineTool({
  name: "hostaway_get_guest_info",
  title: "Get guest info",
  description:
    "Get the guest behind one booking, including personal contact data: name, email (often a channel relay " +
    "address), phone, country, city, address, language, party size and the guest's note. Use it only when the " +
    "task needs contact details; every call is audited. For the booking itself use hostaway_get_booking_details; " +
    `to find a booking_id use hostaway_search_bookings. ${UNTRUSTED_MESSAGES} Paging: none (one object).`,
  inputSchema: GuestInfoRequestSchema,
  outputSchema: GuestInfoSchema,
  auditedBookings: (input) => [input.booking_id],
  notFound: (input) => ({
    problem: `Booking ${input.booking_id} does not exist in this Hostaway account.`,
    nextStep: "call hostaway_search_bookings to find valid booking ids.",
  }),
  async run(input, { client, signal }) {
    return getGuestInfo(client, input, { signal });
  },
});
