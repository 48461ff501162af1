import type { SandboxListing } from "../dataset/types.js";
import { page, single, whole } from "../http/envelope.js";
import { badRequest, notFound } from "../http/http-error.js";
import { readPaging } from "../http/query.js";
import { ok, pathId, type Route, type RouteContext } from "../http/route.js";
import { DAY_MS, formatDate, parseHostawayTime } from "../util/dates.js";
import { foldText } from "../util/fold-text.js";
import { calendarDay, datesBetween, dayStatus } from "./calendar-days.js";

/** REFERENCE.md §6.1. */
export const LISTING_SORT_ORDERS = [
  "name",
  "nameReversed",
  "order",
  "orderReversed",
  "contactName",
  "contactNameReversed",
  "latestActivity",
  "latestActivityDesc",
] as const;
type ListingSortOrder = (typeof LISTING_SORT_ORDERS)[number];

/** The calendar range Hostaway does not document (REFERENCE.md §6.4); the sandbox allows up to two years. */
const MAX_CALENDAR_DAYS = 731;
const DEFAULT_CALENDAR_DAYS = 30;

export function findListing(context: RouteContext, name = "id"): SandboxListing {
  const id = pathId(context, name);
  const listing = context.index.listingsById.get(id);
  if (!listing) throw notFound(`Listing ${context.path[name]}`);
  return listing;
}

const compareText = (a: string, b: string): number => a.localeCompare(b, "en", { sensitivity: "base" });

function sortListings(listings: SandboxListing[], order: ListingSortOrder | undefined): SandboxListing[] {
  const byId = (a: SandboxListing, b: SandboxListing) => a.id - b.id;
  const compare: Record<ListingSortOrder, (a: SandboxListing, b: SandboxListing) => number> = {
    name: (a, b) => compareText(a.name, b.name) || byId(a, b),
    nameReversed: (a, b) => compareText(b.name, a.name) || byId(b, a),
    // Hostaway's manual "order" is not exposed on the object; the sandbox's manual order is creation order.
    order: byId,
    orderReversed: (a, b) => byId(b, a),
    contactName: (a, b) => compareText(a.contactName, b.contactName) || byId(a, b),
    contactNameReversed: (a, b) => compareText(b.contactName, a.contactName) || byId(b, a),
    latestActivity: (a, b) =>
      (a.latestActivityOn ?? "").localeCompare(b.latestActivityOn ?? "") || byId(a, b),
    latestActivityDesc: (a, b) =>
      (b.latestActivityOn ?? "").localeCompare(a.latestActivityOn ?? "") || byId(b, a),
  };
  return listings.sort(compare[order ?? "order"]);
}

function isFreeForStay(context: RouteContext, listing: SandboxListing, start: string, end: string): boolean {
  const lastNight = formatDate(parseHostawayTime(end) - DAY_MS);
  if (lastNight < start) return dayStatus(context.index, listing, start) === "available";
  return datesBetween(start, lastNight).every(
    (date) => dayStatus(context.index, listing, date) === "available",
  );
}

export const listingRoutes: Route[] = [
  {
    method: "GET",
    template: "/v1/listings",
    requiresToken: true,
    handle(context) {
      const { query } = context;
      const { limit, offset } = readPaging(query, context.settings.pageSizeCap);
      const sortOrder = query.oneOf("sortOrder", LISTING_SORT_ORDERS);
      const city = query.string("city");
      const country = query.string("country");
      const contactName = query.string("contactName");
      const match = query.string("match");
      const propertyTypeId = query.integer("propertyTypeId");
      const availableFrom = query.date("availabilityDateStart");
      const availableTo = query.date("availabilityDateEnd");
      const guests = query.integer("availabilityGuestNumber");
      const activityFrom = query.date("latestActivityStart");
      const activityTo = query.date("latestActivityEnd");
      if (availableFrom && availableTo && availableTo < availableFrom) {
        throw badRequest('"availabilityDateEnd" must not be before "availabilityDateStart"');
      }
      const same = (a: string, b: string) => foldText(a) === foldText(b);
      const matching = context.index.data.listings.filter(
        (listing) =>
          (city === undefined || same(listing.city, city)) &&
          (country === undefined || same(listing.country, country) || same(listing.countryCode, country)) &&
          (contactName === undefined || foldText(listing.contactName).includes(foldText(contactName))) &&
          (match === undefined || foldText(listing.name).includes(foldText(match))) &&
          (propertyTypeId === undefined || listing.propertyTypeId === propertyTypeId) &&
          (guests === undefined || listing.personCapacity >= guests) &&
          (activityFrom === undefined || (listing.latestActivityOn ?? "") >= activityFrom) &&
          (activityTo === undefined || (listing.latestActivityOn ?? "9999") <= `${activityTo} 23:59:59`) &&
          (availableFrom === undefined ||
            isFreeForStay(
              context,
              listing,
              availableFrom,
              availableTo ?? formatDate(parseHostawayTime(availableFrom) + DAY_MS),
            )),
      );
      const sorted = sortListings(matching, sortOrder);
      return ok(page(sorted.slice(offset, offset + limit), sorted.length, limit, offset));
    },
  },
  {
    method: "GET",
    template: "/v1/listings/:id",
    requiresToken: true,
    handle: (context) => ok(single(findListing(context))),
  },
  {
    method: "GET",
    template: "/v1/listings/:id/calendar",
    requiresToken: true,
    handle(context) {
      const listing = findListing(context);
      const { query } = context;
      const startDate = query.date("startDate") ?? formatDate(context.settings.anchorMs);
      const endDate =
        query.date("endDate") ??
        formatDate(parseHostawayTime(startDate) + (DEFAULT_CALENDAR_DAYS - 1) * DAY_MS);
      if (endDate < startDate) throw badRequest('"endDate" must not be before "startDate"');
      const days = (parseHostawayTime(endDate) - parseHostawayTime(startDate)) / DAY_MS + 1;
      if (days > MAX_CALENDAR_DAYS) {
        throw badRequest(`The calendar range is limited to ${MAX_CALENDAR_DAYS} days, got ${days}`);
      }
      const includeResources = query.flag("includeResources") ?? false;
      const result = datesBetween(startDate, endDate).map((date) =>
        calendarDay(context.index, listing, date, includeResources),
      );
      return ok(whole(result));
    },
  },
];
