import type { HostawayListing, HostawayReservation } from "@hostaway-mcp/domain-models";

/** Per-call options the client accepts (a `HostawayClient` call takes more; these are the ones used here). */
export interface SourceCallOptions {
  signal?: AbortSignal;
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

/** The part of the Hostaway client a booking batch uses; a `HostawayClient` satisfies it structurally. */
export interface BookingSource {
  reservations: {
    get(id: number, options?: SourceCallOptions): Promise<HostawayReservation>;
  };
}
