import type { Booking, PartialFailureResponse } from "@hostaway-mcp/domain-models";
import { mapBooking } from "@hostaway-mcp/domain-models";
import { checkOptionsObject } from "./batch-options.js";
import { runBatch } from "./run-batch.js";
import type { BookingSource } from "./sources.js";
import type { RunBatchOptions } from "./types.js";

/**
 * Fetches up to a batch of bookings as wire `Booking`s, one `GET /reservations/{id}` per distinct id, each failing
 * on its own. Hostaway has no multi-id reservation lookup (REFERENCE.md §6.2: the list filters by listing, dates or
 * guest name, never by ids), so there is nothing cheaper to plan; the client's limiter paces the requests.
 */
export async function batchGetBookings(
  source: BookingSource,
  ids: readonly number[],
  options: RunBatchOptions<number> = {},
): Promise<PartialFailureResponse<Booking>> {
  checkOptionsObject(options, "batchGetBookings");
  return runBatch(ids, async (id, { signal }) => mapBooking(await source.reservations.get(id, { signal })), {
    ...options,
    describeItem: options.describeItem ?? ((id) => `booking ${id}`),
    notFoundHint:
      options.notFoundHint ?? "search the account's bookings (by guest, listing or dates) to find valid ids",
  });
}
