import {
  type HostawayListing,
  HostawayListingSchema,
  type HostawayReservation,
  HostawayReservationSchema,
} from "@hostaway-mcp/domain-models";
import { HostawayNotFoundError } from "@hostaway-mcp/hostaway-client";
import type { BookingSource, ListingIndexPage, PropertySource } from "../src/sources.js";
import listingExample from "./fixtures/listings.object.json" with { type: "json" };
import reservationExample from "./fixtures/reservations.object.json" with { type: "json" };

export function fakeListing(id: number): HostawayListing {
  return HostawayListingSchema.parse({ ...listingExample, id, name: `Listing ${id}` });
}

export function fakeReservation(id: number): HostawayReservation {
  return HostawayReservationSchema.parse({ ...reservationExample, id, guestName: `Guest ${id}` });
}

export interface FakePropertySourceOptions {
  /** Listing ids of the account. */
  ids: readonly number[];
  /** Most items one page returns (servers may cap below what was asked). Default 100. */
  pageCap?: number;
  /** Answer `count: null`, as some Hostaway lists do (REFERENCE.md §3). */
  omitCount?: boolean;
  /** Make a call fail: return an error to throw, or undefined to answer normally. */
  failList?: (offset: number) => unknown;
  failGet?: (id: number) => unknown;
}

/** A fake `listings` resource that records every call, like counting upstream requests. */
export function fakePropertySource(options: FakePropertySourceOptions) {
  const calls: string[] = [];
  const source: PropertySource = {
    listings: {
      async list({ limit, offset }): Promise<ListingIndexPage> {
        calls.push(`list offset=${offset}`);
        await Promise.resolve();
        const error = options.failList?.(offset);
        if (error) throw error;
        const size = Math.min(limit, options.pageCap ?? 100);
        const items = options.ids.slice(offset, offset + size).map(fakeListing);
        return { items, count: options.omitCount ? null : options.ids.length };
      },
      async get(id) {
        calls.push(`get ${id}`);
        await Promise.resolve();
        const error = options.failGet?.(id);
        if (error) throw error;
        if (!options.ids.includes(id)) {
          throw new HostawayNotFoundError({
            method: "GET",
            path: `/listings/${id}`,
            detail: "not found",
            status: 404,
          });
        }
        return fakeListing(id);
      },
    },
  };
  return { source, calls };
}

export function fakeBookingSource(ids: readonly number[], failGet?: (id: number) => unknown) {
  const calls: number[] = [];
  const source: BookingSource = {
    reservations: {
      async get(id) {
        calls.push(id);
        await Promise.resolve();
        const error = failGet?.(id);
        if (error) throw error;
        if (!ids.includes(id)) {
          throw new HostawayNotFoundError({
            method: "GET",
            path: `/reservations/${id}`,
            detail: "not found",
            status: 404,
          });
        }
        return fakeReservation(id);
      },
    },
  };
  return { source, calls };
}

export const range = (from: number, count: number) =>
  Array.from({ length: count }, (_, index) => from + index);
