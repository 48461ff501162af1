import { BatchBookingsRequestSchema, BatchPropertiesRequestSchema } from "../requests/batch.js";
import { partialFailureResponseSchema } from "../wire/batch.js";
import { BookingSchema } from "../wire/booking.js";
import { ListingSchema } from "../wire/listing.js";
import { defineOperation } from "./operation.js";

export const batchGetPropertiesOperation = defineOperation({
  name: "hostaway_batch_get_properties",
  title: "Get several properties",
  description:
    "Get the full details of 1 to 50 properties by id in one call (the same objects as " +
    "hostaway_get_property_details). Ids that fail (unknown, rate-limited, timed out) are listed under `failed_items`, " +
    "each with a reason and a next step, without failing the others; `summary` counts both. Use " +
    "hostaway_list_properties to find ids, hostaway_get_property_details for a single one. Paging: none; if the " +
    "answer would be too long, some successful properties are left out and `note` lists their ids to ask again " +
    "(`note` also lists ids that were not attempted in time; it is null when the answer is complete).",
  input: BatchPropertiesRequestSchema,
  output: partialFailureResponseSchema(ListingSchema),
  http: {
    method: "GET",
    path: "/api/batch/properties",
    operationId: "batchGetProperties",
    tag: "Batch",
    summary: "Get several properties",
    description:
      "Up to 50 properties in one call (`property_ids=1,2,3`). Always 200 once the ids are valid: ids that fail (unknown, rate-limited, timed out) are listed under `failed_items` with a reason and a next step, and `summary` counts both. `note` names the ids that were not attempted in time (safe to retry); null when every id was attempted.",
    responseName: "ListingBatchResult",
  },
  guestData: false,
  notFound: (_input, refer) => ({
    problem: "Hostaway reported the listing index as not found.",
    nextStep: `call ${refer("hostaway_list_properties")} to see valid listing ids.`,
  }),
  itemNotFoundHint: (refer) => `list valid property ids with ${refer("hostaway_list_properties")}`,
  budget: "batch_items",
});

export const batchGetBookingsOperation = defineOperation({
  name: "hostaway_batch_get_bookings",
  title: "Get several bookings",
  description:
    "Get 1 to 50 bookings by id in one call (the same objects as hostaway_get_booking_details, without guest " +
    "contact data). Ids that fail (unknown, rate-limited, timed out) are listed under `failed_items`, each with a " +
    "reason and a next step, without failing the others; `summary` counts both. Use hostaway_search_bookings to " +
    "find ids, hostaway_get_booking_details for a single one. Paging: none; if the answer would be too long, some " +
    "successful bookings are left out and `note` lists their ids to ask again (`note` also lists ids that were " +
    "not attempted in time; it is null when the answer is complete).",
  input: BatchBookingsRequestSchema,
  output: partialFailureResponseSchema(BookingSchema),
  http: {
    method: "GET",
    path: "/api/batch/bookings",
    operationId: "batchGetBookings",
    tag: "Batch",
    summary: "Get several bookings",
    description:
      "Up to 50 bookings in one call (`booking_ids=1,2,3`). Always 200 once the ids are valid: ids that fail are listed under `failed_items` with a reason and a next step, and `summary` counts both. `note` names the ids that were not attempted in time (safe to retry); null when every id was attempted.",
    responseName: "BookingBatchResult",
  },
  guestData: false,
  notFound: (_input, refer) => ({
    problem: "Hostaway reported a booking as not found.",
    nextStep: `call ${refer("hostaway_search_bookings")} to find valid booking ids.`,
  }),
  itemNotFoundHint: (refer) => `list valid booking ids with ${refer("hostaway_search_bookings")}`,
  budget: "batch_items",
});
