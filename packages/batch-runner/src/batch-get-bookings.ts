import type { Booking, PartialFailureResponse } from "@hostaway-mcp/domain-models";
import { mapBooking } from "@hostaway-mcp/domain-models";
import { abortable } from "./abortable.js";
import { checkOptionsObject } from "./batch-options.js";
import { planBookingBatch, type ReservationIndexPlan } from "./reservation-index.js";
import { runBatch } from "./run-batch.js";
import type { BookingSource } from "./sources.js";
import type { BatchWorker, RunBatchOptions } from "./types.js";

/**
 * Fetches up to a batch of bookings as wire `Booking`s, each failing on its own. Hostaway has no multi-id
 * reservation lookup (REFERENCE.md §6.2), so the batch is planned (`planBookingBatch`): when the ids not already
 * cached outnumber the pages of the account's reservation index, the index is read instead (a 50-id batch on a
 * 400-reservation account: 1 size read + 5 pages, not 50 reads); ids the index did not hold, and every id of a
 * small batch, get one `GET /reservations/{id}` each (a missing one is `not_found` because Hostaway says so).
 */
export interface BatchGetBookingsOptions extends RunBatchOptions<number> {
  /**
   * `"auto"` (default): plan the batch (`planBookingBatch`). `"single"`: one `GET /reservations/{id}` per id (a
   * baseline for benchmarks).
   */
  strategy?: "auto" | "single";
}

export async function batchGetBookings(
  source: BookingSource,
  ids: readonly number[],
  options: BatchGetBookingsOptions = {},
): Promise<PartialFailureResponse<Booking>> {
  checkOptionsObject(options, "batchGetBookings");
  const { strategy = "auto", ...batchOptions } = options;
  if (strategy !== "auto" && strategy !== "single") {
    throw new TypeError(
      `batchGetBookings: strategy must be "auto" or "single", got ${JSON.stringify(strategy)}`,
    );
  }
  let plan: Promise<ReservationIndexPlan> | undefined;
  const worker: BatchWorker<number, Booking> = async (id, { signal, batchSignal }) => {
    if (strategy === "auto") {
      // Shared by every item, so it runs on the batch's signal: one item's timeout must not cancel it for the rest.
      plan ??= planBookingBatch(source, Array.isArray(ids) ? ids : [], batchSignal);
      const listed = (await abortable(plan, signal)).found.get(id);
      if (listed !== undefined) return mapBooking(listed);
    }
    return mapBooking(await source.reservations.get(id, { signal }));
  };
  return runBatch(ids, worker, {
    ...batchOptions,
    describeItem: batchOptions.describeItem ?? ((id) => `booking ${id}`),
    notFoundHint:
      batchOptions.notFoundHint ??
      "search the account's bookings (by guest, listing or dates) to find valid ids",
  });
}
