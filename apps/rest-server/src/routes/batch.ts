import { batchGetBookings, batchGetProperties } from "@hostaway-mcp/batch-runner";
import {
  BatchBookingsRequestSchema,
  BatchPropertiesRequestSchema,
  BookingSchema,
  ListingSchema,
  partialFailureResponseSchema,
} from "@hostaway-mcp/domain-models";
import { defineRoute } from "./route-definition.js";

export const batchPropertiesRoute = defineRoute({
  operationId: "batchGetProperties",
  path: "/api/batch/properties",
  tag: "Batch",
  summary: "Get several properties",
  description:
    "Up to 50 properties in one call (`property_ids=1,2,3`). Always 200 once the ids are valid: ids that fail (unknown, rate-limited, timed out) are listed under `failed_items` with a reason and a next step, and `summary` counts both. `note` names the ids that were not attempted in time (safe to retry); null when every id was attempted.",
  request: BatchPropertiesRequestSchema,
  response: partialFailureResponseSchema(ListingSchema),
  responseName: "ListingBatchResult",
  async handle(input, { client, signal }) {
    return batchGetProperties(client, input.property_ids, {
      signal,
      notFoundHint: "list valid property ids with GET /api/listings",
    });
  },
});

export const batchBookingsRoute = defineRoute({
  operationId: "batchGetBookings",
  path: "/api/batch/bookings",
  tag: "Batch",
  summary: "Get several bookings",
  description:
    "Up to 50 bookings in one call (`booking_ids=1,2,3`). Always 200 once the ids are valid: ids that fail are listed under `failed_items` with a reason and a next step, and `summary` counts both. `note` names the ids that were not attempted in time (safe to retry); null when every id was attempted.",
  request: BatchBookingsRequestSchema,
  response: partialFailureResponseSchema(BookingSchema),
  responseName: "BookingBatchResult",
  async handle(input, { client, signal }) {
    return batchGetBookings(client, input.booking_ids, {
      signal,
      notFoundHint: "find valid booking ids with GET /api/bookings",
    });
  },
});
