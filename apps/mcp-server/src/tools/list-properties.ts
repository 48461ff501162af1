import { ListingSummaryPageSchema, ListPropertiesRequestSchema } from "@hostaway-mcp/domain-models";
import { listProperties } from "@hostaway-mcp/hostaway-client";
import { defineTool } from "./define-tool.js";
import { CURSOR_PAGING } from "./descriptions.js";
import { queryOptions } from "./query-options.js";

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
  async run(input, context) {
    return listProperties(context.client, input, queryOptions(context));
  },
});
