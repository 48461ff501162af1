import {
  type Listing,
  mapListing,
  type PropertyDetailsRequest,
  PropertyDetailsRequestSchema,
} from "@hostaway-mcp/domain-models";
import type { ListingsResource } from "../resources/listings.js";
import type { QueryOptions } from "./query-options.js";

/** One property's full details (the wire `Listing`: never door codes or wifi passwords). */
export async function getProperty(
  client: { listings: Pick<ListingsResource, "get"> },
  request: PropertyDetailsRequest,
  options: Pick<QueryOptions, "signal"> = {},
): Promise<Listing> {
  const input = PropertyDetailsRequestSchema.parse(request);
  return mapListing(await client.listings.get(input.listing_id, { signal: options.signal }));
}
