import { describeItemFailure } from "@hostaway-mcp/batch-runner";
import type { BatchFailure } from "@hostaway-mcp/domain-models";

/**
 * The wire failure for a booking whose messages could not be read. batch-runner words it, so a search and a batch
 * classify (a zod error is `validation_error` in both), explain and remedy a failure alike: a short reason without
 * the upstream request, and the next step — here, how to search that booking again.
 */
export function describeBookingFailure(bookingId: number, error: unknown): BatchFailure {
  return describeItemFailure(bookingId, error, {
    label: `booking ${bookingId}`,
    notFoundHint: "search bookings by guest name or dates to find it",
    retryStep: `search again with booking_id ${bookingId}`,
  });
}
