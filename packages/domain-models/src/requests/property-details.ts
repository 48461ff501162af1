import { z } from "zod";
import { listingIdField } from "./fields.js";

export const PropertyDetailsRequestSchema = z
  .strictObject({
    listing_id: listingIdField("Hostaway listing id (from the property list)."),
  })
  .describe("Get one property's details.");
export type PropertyDetailsRequest = z.infer<typeof PropertyDetailsRequestSchema>;
