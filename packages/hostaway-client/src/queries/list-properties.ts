import {
  isLastPage,
  type ListingSummary,
  type ListingSummaryPage,
  type ListPropertiesRequest,
  ListPropertiesRequestSchema,
  listingsCursor,
  mapListingSummary,
} from "@hostaway-mcp/domain-models";
import type { ListingsResource } from "../resources/listings.js";
import { countWithinBudget, type QueryOptions } from "./query-options.js";

/**
 * One page of the account's properties in short form, narrowed by `city` or part of the name (`match`). The
 * cursor hides Hostaway's offset (REFERENCE.md §6.1); a page cut to the response budget resumes right after its
 * last listing.
 */
export async function listProperties(
  client: { listings: Pick<ListingsResource, "list"> },
  request: ListPropertiesRequest,
  options: QueryOptions = {},
): Promise<ListingSummaryPage> {
  const input = ListPropertiesRequestSchema.parse(request);
  const { signal, responseBudget } = options;
  const offset = listingsCursor.decode(input.cursor);
  const page = await client.listings.list(
    { limit: input.limit, offset, city: input.city, match: input.match },
    { signal },
  );
  const items = page.items.map(mapListingSummary);
  // More exist when Hostaway's total says so, or (without a total) when the page came back full.
  const moreUpstream =
    page.count !== null ? offset + items.length < page.count : !isLastPage(page, input.limit);

  const render = (kept: readonly ListingSummary[]): ListingSummaryPage => {
    const trimmed = kept.length < items.length;
    return {
      items: [...kept],
      next_cursor: trimmed || moreUpstream ? listingsCursor.encode(offset + kept.length) : null,
      total_count: page.count,
      note: trimmed
        ? `Returned ${kept.length} of ${items.length} listings to stay under ${responseBudget} characters; ` +
          "pass next_cursor to get the rest."
        : null,
    };
  };
  return render(items.slice(0, countWithinBudget(items, render, responseBudget)));
}
