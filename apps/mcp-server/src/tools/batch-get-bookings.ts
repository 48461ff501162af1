import { batchGetBookings } from "@hostaway-mcp/batch-runner";
import {
  BatchBookingsRequestSchema,
  BookingSchema,
  partialFailureResponseSchema,
} from "@hostaway-mcp/domain-models";
import { defineTool } from "./define-tool.js";
import { fitBatch } from "./fit-batch.js";

export const batchGetBookingsTool = defineTool({
  name: "hostaway_batch_get_bookings",
  title: "Get several bookings",
  description:
    "Get 1 to 50 bookings by id in one call (the same objects as hostaway_get_booking_details, without guest " +
    "contact data). Ids that fail (unknown, rate-limited, timed out) are listed under `failed_items`, each with a " +
    "reason and a next step, without failing the others; `summary` counts both. Use hostaway_search_bookings to " +
    "find ids, hostaway_get_booking_details for a single one. Paging: none; if the answer would be too long, some " +
    "successful bookings are left out and `note` lists their ids to ask again (`note` also lists ids that were " +
    "not attempted in time; it is null when the answer is complete).",
  inputSchema: BatchBookingsRequestSchema,
  outputSchema: partialFailureResponseSchema(BookingSchema),
  notFound: () => ({
    problem: "Hostaway reported a booking as not found.",
    nextStep: "call hostaway_search_bookings to find valid booking ids.",
  }),
  async run(input, { client, signal, progress, responseBudget }) {
    const answer = await batchGetBookings(client, input.booking_ids, {
      signal,
      notFoundHint: "list valid booking ids with hostaway_search_bookings",
      onProgress: ({ done, total }) => progress(done, total, `${done} of ${total} bookings`),
    });
    return fitBatch(
      answer,
      (booking) => booking.id,
      responseBudget,
      (omittedIds) =>
        `${omittedIds.length} bookings were fetched but left out to stay under ${responseBudget} characters; ` +
        `call again with booking_ids=${JSON.stringify(omittedIds)}.`,
    );
  },
});
