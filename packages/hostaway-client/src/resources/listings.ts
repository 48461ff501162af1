import {
  type HostawayCalendarDay,
  HostawayCalendarDaySchema,
  type HostawayListing,
  HostawayListingSchema,
  hostawayEnvelope,
} from "@hostaway-mcp/domain-models";
import { z } from "zod";
import { parseArguments, requireId } from "../arguments.js";
import { freshness, type ResourceCache } from "../cache/resource-cache.js";
import { readKey } from "../cache/signatures.js";
import { type Page, toPage } from "../page.js";
import { toSearchParams } from "../query-string.js";
import { type RequestOptions, splitRequestOptions, type Transport } from "../transport.js";
import { parseResponse } from "../validate-response.js";
import { isoDate, orderedRange, pageLimit, pageOffset, positiveId, searchText } from "./query-fields.js";

/** `GET /v1/listings` filters (REFERENCE.md §6.1). */
export const ListingsQuerySchema = z
  .strictObject({
    limit: pageLimit.optional(),
    offset: pageOffset.optional(),
    sortOrder: z
      .enum([
        "name",
        "nameReversed",
        "order",
        "orderReversed",
        "contactName",
        "contactNameReversed",
        "latestActivity",
        "latestActivityDesc",
      ])
      .optional(),
    city: searchText.optional(),
    country: searchText.optional(),
    contactName: searchText.optional(),
    /** Search by listing name. */
    match: searchText.optional(),
    propertyTypeId: positiveId.optional(),
    includeResources: z.boolean().optional(),
    /** e.g. `["bookingEngineUrls"]`; sent as `attachObjects[]`. */
    attachObjects: z.array(z.string().min(1)).optional(),
    availabilityDateStart: isoDate.optional(),
    availabilityDateEnd: isoDate.optional(),
    availabilityGuestNumber: positiveId.optional(),
    userId: positiveId.optional(),
    latestActivityStart: isoDate.optional(),
    latestActivityEnd: isoDate.optional(),
    isBookingEngineActive: z.boolean().optional(),
  })
  .refine(...orderedRange("availabilityDateStart", "availabilityDateEnd"))
  .refine(...orderedRange("latestActivityStart", "latestActivityEnd"));
export type ListingsQuery = z.input<typeof ListingsQuerySchema>;

const ListingGetSchema = z.strictObject({
  includeResources: z.boolean().optional(),
  attachObjects: z.array(z.string().min(1)).optional(),
});
export type ListingGetOptions = RequestOptions & z.input<typeof ListingGetSchema>;

/** `GET /v1/listings/{id}/calendar` range (REFERENCE.md §6.4); both dates optional, the range is not documented. */
export const CalendarQuerySchema = z
  .strictObject({
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
    includeResources: z.boolean().optional(),
  })
  .refine(...orderedRange("startDate", "endDate"));
export type CalendarQuery = z.input<typeof CalendarQuerySchema>;

const ListingPageSchema = hostawayEnvelope(z.array(HostawayListingSchema));
const ListingEnvelopeSchema = hostawayEnvelope(HostawayListingSchema);
const CalendarEnvelopeSchema = hostawayEnvelope(z.array(HostawayCalendarDaySchema));

export interface ListingsResource {
  list(query?: ListingsQuery, options?: RequestOptions): Promise<Page<HostawayListing>>;
  get(id: number | string, options?: ListingGetOptions): Promise<HostawayListing>;
  calendar(
    id: number | string,
    range?: CalendarQuery,
    options?: RequestOptions,
  ): Promise<HostawayCalendarDay[]>;
}

/**
 * Listings change rarely (a host edits a description, a price): they and the listing index stay fresh for the
 * longer `listingFreshMs`. The calendar changes with every booking: the usual fresh window.
 */
export function createListingsResource(transport: Transport, cache: ResourceCache): ListingsResource {
  return {
    async list(query, options) {
      const where = { method: "GET", path: "/listings" } as const;
      const parsed = parseArguments(ListingsQuerySchema, query, where, "listings query");
      const read = await cache.read(
        {
          key: readKey("listings.list", parsed),
          tags: ["listings"],
          ...freshness(cache.settings.listingFreshMs, options),
        },
        async () => {
          const body = await transport.request({ ...where, query: toSearchParams(parsed) }, options);
          return toPage(parseResponse(ListingPageSchema, body, where));
        },
      );
      return { ...read.value, readAt: read.readAt };
    },

    async get(id, options = {}) {
      const listingId = requireId("id", id, { method: "GET", path: "/listings/{id}" });
      const { request, rest } = splitRequestOptions(options);
      const where = { method: "GET", path: `/listings/${listingId}` } as const;
      const parsed = parseArguments(ListingGetSchema, rest, where, "listing options");
      const read = await cache.read(
        {
          key: readKey(`listings.get:${listingId}`, parsed),
          tags: [`listing:${listingId}`],
          ...freshness(cache.settings.listingFreshMs, options),
        },
        async () => {
          const body = await transport.request({ ...where, query: toSearchParams(parsed) }, request);
          return parseResponse(ListingEnvelopeSchema, body, where).result;
        },
      );
      return read.value;
    },

    async calendar(id, range, options) {
      const listingId = requireId("id", id, { method: "GET", path: "/listings/{id}/calendar" });
      const where = { method: "GET", path: `/listings/${listingId}/calendar` } as const;
      const parsed = parseArguments(CalendarQuerySchema, range, where, "calendar range");
      const read = await cache.read(
        {
          key: readKey(`listings.calendar:${listingId}`, parsed),
          tags: [`listing:${listingId}`, `calendar:${listingId}`],
          ...freshness(cache.settings.freshMs, options),
        },
        async () => {
          const body = await transport.request({ ...where, query: toSearchParams(parsed) }, options);
          return parseResponse(CalendarEnvelopeSchema, body, where).result;
        },
      );
      return read.value;
    },
  };
}
