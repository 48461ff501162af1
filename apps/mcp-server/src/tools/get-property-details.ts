import { ListingSchema, PropertyDetailsRequestSchema } from "@hostaway-mcp/domain-models";
import { getProperty } from "@hostaway-mcp/hostaway-client";
import { defineTool } from "./define-tool.js";

export const getPropertyDetailsTool = defineTool({
  name: "hostaway_get_property_details",
  title: "Get property details",
  description:
    "Get one property's full details by `listing_id`: description, house rules, address, capacity, rooms, " +
    "prices and fees, stay limits, check-in/out hours, cancellation policy, amenities and photos. Never includes " +
    "door codes or wifi passwords. To find a listing_id use hostaway_list_properties; for several properties " +
    "use hostaway_batch_get_properties; for free nights and prices per date use hostaway_check_availability. " +
    "Paging: none (one object).",
  inputSchema: PropertyDetailsRequestSchema,
  outputSchema: ListingSchema,
  notFound: (input) => ({
    problem: `Listing ${input.listing_id} does not exist in this Hostaway account.`,
    nextStep: "call hostaway_list_properties to see valid listing ids.",
  }),
  async run(input, { client, signal }) {
    return getProperty(client, input, { signal });
  },
});
