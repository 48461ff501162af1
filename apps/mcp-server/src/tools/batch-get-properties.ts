import { batchGetProperties } from "@hostaway-mcp/batch-runner";
import {
  BatchPropertiesRequestSchema,
  ListingSchema,
  partialFailureResponseSchema,
} from "@hostaway-mcp/domain-models";
import { defineTool } from "./define-tool.js";
import { fitBatch } from "./fit-batch.js";

export const batchGetPropertiesTool = defineTool({
  name: "hostaway_batch_get_properties",
  title: "Get several properties",
  description:
    "Get the full details of 1 to 50 properties by id in one call (the same objects as " +
    "hostaway_get_property_details). Ids that fail (unknown, rate-limited, timed out) are listed under `failed_items`, " +
    "each with a reason and a next step, without failing the others; `summary` counts both. Use " +
    "hostaway_list_properties to find ids, hostaway_get_property_details for a single one. Paging: none; if the " +
    "answer would be too long, some successful properties are left out and `note` lists their ids to ask again " +
    "(`note` also lists ids that were not attempted in time; it is null when the answer is complete).",
  inputSchema: BatchPropertiesRequestSchema,
  outputSchema: partialFailureResponseSchema(ListingSchema),
  notFound: () => ({
    problem: "Hostaway reported the listing index as not found.",
    nextStep: "call hostaway_list_properties to see valid listing ids.",
  }),
  async run(input, { client, signal, progress, responseBudget }) {
    const answer = await batchGetProperties(client, input.property_ids, {
      signal,
      notFoundHint: "list valid property ids with hostaway_list_properties",
      onProgress: ({ done, total }) => progress(done, total, `${done} of ${total} properties`),
    });
    return fitBatch(
      answer,
      (listing) => listing.id,
      responseBudget,
      (omittedIds) =>
        `${omittedIds.length} properties were fetched but left out to stay under ${responseBudget} characters; ` +
        `call again with property_ids=${JSON.stringify(omittedIds)}.`,
    );
  },
});
