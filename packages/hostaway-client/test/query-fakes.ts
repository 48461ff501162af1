import {
  type HostawayCalendarDay,
  HostawayCalendarDaySchema,
  type HostawayListing,
  HostawayListingSchema,
  type HostawayReservation,
  HostawayReservationSchema,
} from "@hostaway-mcp/domain-models";
import type { Page } from "../src/index.js";
import type { ListingsQuery } from "../src/resources/listings.js";
import type { ReservationsQuery } from "../src/resources/reservations.js";
import type { RequestOptions } from "../src/transport.js";
import { fixture, listing, reservation } from "./helpers.js";

/** Parsed Hostaway objects built from the docs' examples, with the fields a test cares about. */
export const aReservation = (id: number, extra: Record<string, unknown> = {}): HostawayReservation =>
  HostawayReservationSchema.parse(reservation(id, extra));

export const aListing = (id: number, extra: Record<string, unknown> = {}): HostawayListing =>
  HostawayListingSchema.parse(listing(id, extra));

export const aCalendarDay = (date: string, extra: Record<string, unknown> = {}): HostawayCalendarDay =>
  HostawayCalendarDaySchema.parse({
    ...fixture<Record<string, unknown>>("calendar.day.object.json"),
    date,
    ...extra,
  });

export interface Call<Query> {
  query: Query;
  options: RequestOptions | undefined;
}

export interface FakeListOptions {
  /** Serve at most this many items a page, whatever was asked, and say so in `limit` (REFERENCE.md §11). */
  pageCap?: number;
  /** Leave `count` out of the answers, as Hostaway sometimes does (REFERENCE.md §3). */
  withoutCount?: boolean;
}

/** `reservations.list` over an in-memory account, paged by `afterId` like Hostaway (REFERENCE.md §6.2). */
export function fakeReservations(all: readonly HostawayReservation[], options: FakeListOptions = {}) {
  const calls: Array<Call<ReservationsQuery>> = [];
  return {
    calls,
    reservations: {
      async list(
        query: ReservationsQuery = {},
        requestOptions?: RequestOptions,
      ): Promise<Page<HostawayReservation>> {
        calls.push({ query, options: requestOptions });
        requestOptions?.signal?.throwIfAborted();
        const matching = all.filter(
          (r) =>
            (query.listingId === undefined || r.listingMapId === query.listingId) &&
            (query.channelId === undefined || r.channelId === query.channelId),
        );
        const start = query.afterId === undefined ? 0 : matching.findIndex((r) => r.id === query.afterId) + 1;
        const limit = Math.min(query.limit ?? 100, options.pageCap ?? Number.POSITIVE_INFINITY);
        return {
          items: matching.slice(start, start + limit),
          count: options.withoutCount ? null : matching.length,
          limit,
          offset: null,
          readAt: Date.now(),
        };
      },
    },
  };
}

/** `listings.list` over an in-memory account, paged by `offset` (REFERENCE.md §6.1). */
export function fakeListings(all: readonly HostawayListing[], options: FakeListOptions = {}) {
  const calls: Array<Call<ListingsQuery>> = [];
  return {
    calls,
    listings: {
      async list(query: ListingsQuery = {}, requestOptions?: RequestOptions): Promise<Page<HostawayListing>> {
        calls.push({ query, options: requestOptions });
        const limit = Math.min(query.limit ?? 20, options.pageCap ?? Number.POSITIVE_INFINITY);
        const offset = query.offset ?? 0;
        return {
          items: all.slice(offset, offset + limit),
          count: options.withoutCount ? null : all.length,
          limit: options.withoutCount ? null : limit,
          offset,
          readAt: Date.now(),
        };
      },
    },
  };
}

/** Follows `next_cursor` to the end (at most `maxPages` pages) and returns every item id, in order. */
export async function collectIds(
  fetchPage: (
    cursor: string | undefined,
  ) => Promise<{ items: Array<{ id: number }>; next_cursor: string | null }>,
  maxPages = 100,
): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const answer = await fetchPage(cursor);
    ids.push(...answer.items.map((item) => item.id));
    if (answer.next_cursor === null) return ids;
    cursor = answer.next_cursor;
  }
  throw new Error(`paging did not end within ${maxPages} pages`);
}
