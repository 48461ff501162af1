import { CheckAvailabilityRequestSchema } from "../requests/check-availability.js";
import { ListPropertiesRequestSchema } from "../requests/list-properties.js";
import { PropertyDetailsRequestSchema } from "../requests/property-details.js";
import { AvailabilityCalendarSchema } from "../wire/calendar.js";
import { ListingSchema, ListingSummaryPageSchema } from "../wire/listing.js";
import { CURSOR_PAGING } from "./descriptions.js";
import { defineOperation, type Refer } from "./operation.js";

const listingNotFound = (listingId: number, refer: Refer) => ({
  problem: `Listing ${listingId} does not exist in this Hostaway account.`,
  nextStep: `call ${refer("hostaway_list_properties")} to see valid listing ids.`,
});

export const listPropertiesOperation = defineOperation({
  name: "hostaway_list_properties",
  title: "List properties",
  description:
    "List the account's properties (Hostaway listings) in short form: id, name, city, capacity, bedrooms, base " +
    "price. Use it to find a `listing_id`, optionally narrowed by `city` or by part of the name (`match`). For one " +
    "property's full details use hostaway_get_property_details; for several at once use " +
    `hostaway_batch_get_properties. ${CURSOR_PAGING}`,
  input: ListPropertiesRequestSchema,
  output: ListingSummaryPageSchema,
  http: {
    method: "GET",
    path: "/api/listings",
    operationId: "listListings",
    tag: "Listings",
    summary: "List properties",
    description:
      "The account's properties, a page at a time (`limit` 1..100, default 20). Filter by exact `city` or by `match` (text in the name). Pass `next_cursor` back as `cursor` for the next page; it is null on the last page. For one property's full details use GET /api/listings/{id}; for several at once, GET /api/batch/properties.",
    responseName: "ListingSummaryPage",
  },
  guestData: false,
  notFound: (_input, refer) => ({
    problem: "Hostaway reported the listing list as not found.",
    nextStep: `call ${refer("hostaway_list_properties")} again without a cursor.`,
  }),
  budget: "cursor_page",
});

export const getPropertyDetailsOperation = defineOperation({
  name: "hostaway_get_property_details",
  title: "Get property details",
  description:
    "Get one property's full details by `listing_id`: description, house rules, address, capacity, rooms, " +
    "prices and fees, stay limits, check-in/out hours, cancellation policy, amenities and photos. Never includes " +
    "door codes or wifi passwords. To find a listing_id use hostaway_list_properties; for several properties " +
    "use hostaway_batch_get_properties; for free nights and prices per date use hostaway_check_availability. " +
    "Paging: none (one object).",
  input: PropertyDetailsRequestSchema,
  output: ListingSchema,
  http: {
    method: "GET",
    path: "/api/listings/{id}",
    pathParams: { id: "listing_id" },
    operationId: "getListing",
    tag: "Listings",
    summary: "Get one property",
    description:
      "One property's details: address, capacity, rooms, check-in/out hours, house rules, amenities and prices. Use GET /api/listings to find ids.",
    responseName: "Listing",
  },
  guestData: false,
  notFound: (input, refer) => listingNotFound(input.listing_id, refer),
  budget: "none",
});

export const checkAvailabilityOperation = defineOperation({
  name: "hostaway_check_availability",
  title: "Check availability",
  description:
    "Check one property's calendar night by night between `start_date` and `end_date` (both inclusive, at most " +
    "366 days): whether each night is available, blocked or reserved, its price and minimum stay. " +
    '`all_available` answers "is the whole range free?". Use hostaway_list_properties to find a listing_id and ' +
    "hostaway_search_bookings to see who booked the reserved nights. Paging: none; if the range is too long for " +
    "one answer, the days are cut at a night boundary and a note says which start_date to ask for next.",
  input: CheckAvailabilityRequestSchema,
  output: AvailabilityCalendarSchema,
  http: {
    method: "GET",
    path: "/api/listings/{id}/calendar",
    pathParams: { id: "listing_id" },
    operationId: "getListingCalendar",
    tag: "Listings",
    summary: "Check availability",
    description:
      "A property's nights from `start_date` to `end_date` (both inclusive, at most 366 days): available, blocked, reserved or pending, with nightly price and minimum stay.",
    responseName: "AvailabilityCalendar",
  },
  guestData: false,
  notFound: (input, refer) => listingNotFound(input.listing_id, refer),
  budget: "calendar_days",
});
