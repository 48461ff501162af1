import type { Listing, PartialFailureResponse } from "@hostaway-mcp/domain-models";
import { mapListing } from "@hostaway-mcp/domain-models";
import { describeError } from "@hostaway-mcp/hostaway-client";
import { abortable } from "./abortable.js";
import { BatchItemError } from "./batch-item-error.js";
import { checkOptionsObject } from "./batch-options.js";
import { type ListingIndex, walkListingIndex } from "./listing-index.js";
import { runBatch } from "./run-batch.js";
import type { PropertySource } from "./sources.js";
import type { BatchWorker, RunBatchOptions } from "./types.js";

/** Below this many distinct ids, single fetches never cost more than an index page. */
export const indexMinIds = 2;

export interface BatchGetPropertiesOptions extends RunBatchOptions<number> {
  /**
   * `"auto"` (default): walk the listing index when that costs fewer requests than single fetches (2 ids or more).
   * `"single"`: one `GET /listings/{id}` per id (a baseline for benchmarks, or for accounts with huge indexes).
   */
  strategy?: "auto" | "single";
}

/**
 * Fetches up to a batch of properties as wire `Listing`s, each id failing on its own.
 *
 * Hostaway has no multi-id listing lookup, but `GET /listings` pages through the whole account 100 at a time, so a
 * batch reads the index instead of N listings: a 50-id batch on a 40-listing account costs one index page, not 50
 * calls. Ids missing from a complete index are `not_found` without a request of their own.
 *
 * When an index page fails, what happens to the ids it might have held depends on why:
 * - `unauthorized` or `rate_limit`: every single fetch would fail the same way (and more requests deepen a rate
 *   limit), so those ids fail with that error;
 * - anything else (a 5xx, a timeout, one malformed listing failing the page's validation): those ids are fetched
 *   one by one, since a small request can succeed where a 100-listing page did not.
 */
export async function batchGetProperties(
  source: PropertySource,
  ids: readonly number[],
  options: BatchGetPropertiesOptions = {},
): Promise<PartialFailureResponse<Listing>> {
  checkOptionsObject(options, "batchGetProperties");
  const { strategy = "auto", ...batchOptions } = options;
  if (strategy !== "auto" && strategy !== "single") {
    throw new TypeError(
      `batchGetProperties: strategy must be "auto" or "single", got ${JSON.stringify(strategy)}`,
    );
  }
  const wanted = new Set(Array.isArray(ids) ? ids : []);
  const useIndex = strategy === "auto" && wanted.size >= indexMinIds;

  let index: Promise<ListingIndex> | undefined;
  const worker: BatchWorker<number, Listing> = async (id, { signal, batchSignal }) => {
    if (useIndex) {
      // Shared by every item, so it runs on the batch's signal: one item's timeout must not cancel it for the rest.
      index ??= walkListingIndex(source, wanted, batchSignal);
      const { found, complete, total, error } = await abortable(index, signal);
      const listing = found.get(id);
      if (listing) return mapListing(listing);
      if (complete) {
        throw new BatchItemError(
          "not_found",
          `no listing with id ${id} among the account's ${total} listings`,
        );
      }
      if (error !== undefined && failsEveryItem(error)) throw error;
    }
    return mapListing(await source.listings.get(id, { signal }));
  };

  return runBatch(ids, worker, {
    ...batchOptions,
    describeItem: batchOptions.describeItem ?? ((id) => `property ${id}`),
    notFoundHint: batchOptions.notFoundHint ?? "list the account's properties to find valid ids",
  });
}

function failsEveryItem(error: unknown): boolean {
  const errorType = describeError(error).error_type;
  return errorType === "unauthorized" || errorType === "rate_limit";
}
