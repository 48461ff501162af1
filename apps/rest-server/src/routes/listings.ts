import {
  AvailabilityCalendarSchema,
  CheckAvailabilityRequestSchema,
  ListingSchema,
  ListingSummaryPageSchema,
  ListPropertiesRequestSchema,
  PropertyDetailsRequestSchema,
} from "@hostaway-mcp/domain-models";
import { checkAvailability, getProperty, listProperties } from "@hostaway-mcp/hostaway-client";
import { defineRoute } from "./route-definition.js";

const listingNotFound = (input: { listing_id: number }) =>
  `Listing ${input.listing_id} does not exist; GET /api/listings lists the account's listing ids.`;

export const listListingsRoute = defineRoute({
  operationId: "listListings",
  path: "/api/listings",
  tag: "Listings",
  summary: "List properties",
  description:
    "The account's properties, a page at a time (`limit` 1..100, default 20). Filter by exact `city` or by `match` (text in the name). Pass `next_cursor` back as `cursor` for the next page; it is null on the last page. For one property's full details use GET /api/listings/{id}; for several at once, GET /api/batch/properties.",
  request: ListPropertiesRequestSchema,
  response: ListingSummaryPageSchema,
  responseName: "ListingSummaryPage",
  async handle(input, { client, signal }) {
    // The cursor is the MCP server's too, so a cursor from either app works in both.
    return listProperties(client, input, { signal });
  },
});

export const getListingRoute = defineRoute({
  operationId: "getListing",
  path: "/api/listings/{id}",
  tag: "Listings",
  summary: "Get one property",
  description:
    "One property's details: address, capacity, rooms, check-in/out hours, house rules, amenities and prices. Use GET /api/listings to find ids.",
  request: PropertyDetailsRequestSchema,
  pathParams: { id: "listing_id" },
  response: ListingSchema,
  responseName: "Listing",
  notFound: listingNotFound,
  async handle(input, { client, signal }) {
    return getProperty(client, input, { signal });
  },
});

export const getListingCalendarRoute = defineRoute({
  operationId: "getListingCalendar",
  path: "/api/listings/{id}/calendar",
  tag: "Listings",
  summary: "Check availability",
  description:
    "A property's nights from `start_date` to `end_date` (both inclusive, at most 366 days): available, blocked, reserved or pending, with nightly price and minimum stay.",
  request: CheckAvailabilityRequestSchema,
  pathParams: { id: "listing_id" },
  response: AvailabilityCalendarSchema,
  responseName: "AvailabilityCalendar",
  notFound: listingNotFound,
  async handle(input, { client, signal }) {
    return checkAvailability(client, input, { signal });
  },
});
