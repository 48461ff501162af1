import type { HostawayListing } from "@hostaway-mcp/domain-models";
import type { PropertySource } from "./sources.js";

/** Listings asked for per index page. The sandbox caps pages at 100; Hostaway documents no maximum (REFERENCE.md §11). */
export const indexPageSize = 100;

export interface ListingIndex {
  /** The wanted listings the walk saw, by id. */
  found: Map<number, HostawayListing>;
  /** Every listing of the account was seen, so a wanted id not in `found` does not exist. */
  complete: boolean;
  /** Listings in the account, from the first page's `count` (null when unknown). */
  total: number | null;
  /** The error of the first index page that failed, if one did. */
  error: unknown;
}

/**
 * Walks `GET /listings` looking for `wanted`, only as far as it pays: after the first page (whose `count` says how many
 * pages there are) the rest are fetched — all at once, the client's limiter paces them — only when they are no more
 * than the single fetches they replace (one per id still missing). Otherwise the walk stops and the missing ids are
 * fetched one by one. Cost: 1 + min(remaining pages, missing ids) requests, never more than one per id plus one.
 */
export async function walkListingIndex(
  source: PropertySource,
  wanted: ReadonlySet<number>,
  signal: AbortSignal,
): Promise<ListingIndex> {
  const found = new Map<number, HostawayListing>();
  const seen = new Set<number>();
  const take = (items: readonly HostawayListing[]) => {
    for (const listing of items) {
      seen.add(listing.id);
      if (wanted.has(listing.id)) found.set(listing.id, listing);
    }
  };

  let first: Awaited<ReturnType<PropertySource["listings"]["list"]>>;
  try {
    first = await source.listings.list({ limit: indexPageSize, offset: 0 }, { signal });
  } catch (error) {
    return { found, complete: false, total: null, error };
  }
  take(first.items);
  const total = first.count;
  // REFERENCE.md §3: pagination fields are unreliable; without a count there is no telling where the index ends.
  if (total === null) return { found, complete: false, total, error: undefined };
  const pageLength = first.items.length;
  if (seen.size >= total) return { found, complete: true, total, error: undefined };

  const offsets: number[] = [];
  // Page by what the server actually returned: it may cap pages below what was asked for.
  for (let offset = pageLength; pageLength > 0 && offset < total; offset += pageLength) offsets.push(offset);
  const missing = wanted.size - found.size;
  if (missing === 0 || offsets.length === 0 || offsets.length > missing) {
    return { found, complete: false, total, error: undefined };
  }

  const pages = await Promise.allSettled(
    offsets.map((offset) => source.listings.list({ limit: indexPageSize, offset }, { signal })),
  );
  let error: unknown;
  for (const page of pages) {
    if (page.status === "fulfilled") take(page.value.items);
    else error ??= page.reason;
  }
  // Listings added or removed while paging can shift items between pages; only a full tally proves completeness.
  return { found, complete: error === undefined && seen.size >= total, total, error };
}
