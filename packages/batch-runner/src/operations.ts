import {
  type Booking,
  batchGetBookingsOperation,
  batchGetPropertiesOperation,
  implement,
  type Listing,
  type OperationContext,
  type OperationTable,
  type PartialFailureResponse,
} from "@hostaway-mcp/domain-models";
import { batchGetBookings } from "./batch-get-bookings.js";
import { batchGetProperties } from "./batch-get-properties.js";
import { fitBatch } from "./fit-batch.js";
import type { BookingSource, PropertySource } from "./sources.js";

/** A batch answer fitted to the response budget, naming the ids it left out and how to ask for them again. */
function fitted<Item>(
  answer: PartialFailureResponse<Item>,
  idOf: (item: Item) => number,
  idsField: string,
  what: string,
  { responseBudget }: OperationContext,
): PartialFailureResponse<Item> {
  if (responseBudget === undefined) return answer;
  return fitBatch(
    answer,
    idOf,
    responseBudget,
    (omittedIds) =>
      `${omittedIds.length} ${what} were fetched but left out to stay under ${responseBudget} characters; ` +
      `call again with ${idsField}=${JSON.stringify(omittedIds)}.`,
  );
}

const progress =
  (context: OperationContext, what: string) =>
  ({ done, total }: { done: number; total: number }) =>
    context.onProgress?.({ done, total, message: `${done} of ${total} ${what}` });

/** The operations this package implements, by catalogue name (see domain-models `OPERATIONS`). */
export const batchOperations: OperationTable<PropertySource & BookingSource> = {
  ...implement(batchGetPropertiesOperation, async (client: PropertySource, input, context) => {
    const answer = await batchGetProperties(client, input.property_ids, {
      signal: context.signal,
      notFoundHint: batchGetPropertiesOperation.itemNotFoundHint?.(context.refer),
      onProgress: progress(context, "properties"),
    });
    return fitted(answer, (listing: Listing) => listing.id, "property_ids", "properties", context);
  }),
  ...implement(batchGetBookingsOperation, async (client: BookingSource, input, context) => {
    const answer = await batchGetBookings(client, input.booking_ids, {
      signal: context.signal,
      notFoundHint: batchGetBookingsOperation.itemNotFoundHint?.(context.refer),
      onProgress: progress(context, "bookings"),
    });
    return fitted(answer, (booking: Booking) => booking.id, "booking_ids", "bookings", context);
  }),
};
