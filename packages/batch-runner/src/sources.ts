import type { HostawayListing, HostawayReservation } from "@hostaway-mcp/domain-models";

/** Per-call options the client accepts (a `HostawayClient` call takes more; these are the ones used here). */
export interface SourceCallOptions {
  signal?: AbortSignal;
  /** Accept a cached answer up to this old (the account's size, for a plan). */
  maxAgeMs?: number;
  /** Cache warming: queued behind every interactive request, within the client's background share. */
  background?: boolean;
}

/** One page of `GET /listings`, as the client returns it (`count` is the account total; null when Hostaway omits it). */
export interface ListingIndexPage {
  items: readonly HostawayListing[];
  count: number | null;
}

/** The part of the Hostaway client a property batch uses; a `HostawayClient` satisfies it structurally. */
export interface PropertySource {
  listings: {
    list(query: { limit: number; offset: number }, options?: SourceCallOptions): Promise<ListingIndexPage>;
    get(id: number, options?: SourceCallOptions): Promise<HostawayListing>;
  };
}

/** One page of `GET /reservations`, as the client returns it (`count`: the total matching; null when not sent). */
export interface ReservationIndexPage {
  items: HostawayReservation[];
  count: number | null;
  limit?: number | null;
}

/**
 * The part of the Hostaway client a booking batch uses; a `HostawayClient` satisfies it structurally. `list` and
 * `cached` let a batch plan (read the reservation index instead of one read per id); a source without them is
 * read one id at a time.
 */
export interface BookingSource {
  reservations: {
    get(id: number, options?: SourceCallOptions): Promise<HostawayReservation>;
    list?(
      query: {
        limit: number;
        afterId?: number;
        includeResources?: boolean;
        includeCancellationPolicy?: boolean;
      },
      options?: SourceCallOptions,
    ): Promise<ReservationIndexPage>;
  };
  /** Runs `work` from the cache only: its result, or undefined when a read would need Hostaway. */
  cached?<T>(work: () => Promise<T>): Promise<T | undefined>;
}
