import {
  fitToBudget,
  ListingSummaryPageSchema,
  ListPropertiesRequestSchema,
  mapListingSummary,
} from "@hostaway-mcp/domain-models";
import { defineTool } from "./define-tool.js";
import { CURSOR_PAGING } from "./descriptions.js";
import { isLastPage } from "./last-page.js";
import { listingsCursor } from "./page-cursor.js";

export const listPropertiesTool = defineTool({
  name: "hostaway_list_properties",
  title: "List properties",
  description:
    "List the account's properties (Hostaway listings) in short form: id, name, city, capacity, bedrooms, base " +
    "price. Use it to find a `listing_id`, optionally narrowed by `city` or by part of the name (`match`). For one " +
    "property's full details use hostaway_get_property_details; for several at once use " +
    `hostaway_batch_get_properties. ${CURSOR_PAGING}`,
  inputSchema: ListPropertiesRequestSchema,
  outputSchema: ListingSummaryPageSchema,
  notFound: () => ({
    problem: "Hostaway reported the listing list as not found.",
    nextStep: "call hostaway_list_properties again without a cursor.",
  }),
  async run(input, { client, signal, responseBudget }) {
    const offset = listingsCursor.decode(input.cursor);
    const page = await client.listings.list(
      { limit: input.limit, offset, city: input.city, match: input.match },
      { signal },
    );
    const items = page.items.map(mapListingSummary);
    // More exist when Hostaway's total says so, or (without a total) when the page came back full.
    const moreUpstream =
      page.count !== null ? offset + items.length < page.count : !isLastPage(page, input.limit);

    const render = (kept: readonly (typeof items)[number][]) => {
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
    return render(items.slice(0, fitToBudget(items, render, responseBudget)));
  },
});
