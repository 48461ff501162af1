import {
  AvailabilityCalendarSchema,
  CheckAvailabilityRequestSchema,
  decodeCursor,
  encodeCursor,
  ListingSchema,
  ListingSummaryPageSchema,
  ListPropertiesRequestSchema,
  mapAvailabilityCalendar,
  mapListing,
  mapListingSummary,
  PropertyDetailsRequestSchema,
} from "@hostaway-mcp/domain-models";
import { z } from "zod";
import { defineRoute } from "./route-definition.js";

/**
 * The listing list pages by offset; the cursor hides it and names the list it pages (the MCP server's format, so
 * a cursor from either app works in both, and a bookings cursor is refused here as "another query").
 */
const ListingsCursorSchema = z.strictObject({ list: z.literal("listings"), offset: z.number().int().min(0) });

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
    const offset = input.cursor === undefined ? 0 : decodeCursor(input.cursor, ListingsCursorSchema).offset;
    const page = await client.listings.list(
      { limit: input.limit, offset, city: input.city, match: input.match },
      { signal },
    );
    const nextOffset = offset + page.items.length;
    // More exist when Hostaway's total says so, or (without a total) when the page came back full.
    const hasMore = page.count !== null ? nextOffset < page.count : page.items.length >= input.limit;
    return {
      items: page.items.map(mapListingSummary),
      next_cursor: hasMore ? encodeCursor({ list: "listings", offset: nextOffset }) : null,
      total_count: page.count,
      note: null,
    };
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
    return mapListing(await client.listings.get(input.listing_id, { signal }));
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
    const days = await client.listings.calendar(
      input.listing_id,
      { startDate: input.start_date, endDate: input.end_date },
      { signal },
    );
    return mapAvailabilityCalendar(input.listing_id, input, days);
  },
});
