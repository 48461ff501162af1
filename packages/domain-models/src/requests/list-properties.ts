import { z } from "zod";
import { cursorField, textField, wholeNumberField } from "./fields.js";

export const ListPropertiesRequestSchema = z
  .strictObject({
    limit: wholeNumberField({ name: "limit", min: 1, max: 100 })
      .default(20)
      .describe("Listings per page, 1 to 100 (default 20)."),
    cursor: cursorField().optional(),
    city: textField("city", "Only listings in this city (exact city name as Hostaway stores it).").optional(),
    match: textField("match", "Only listings whose name contains this text.").optional(),
  })
  .describe("List the account's properties, a page at a time.");
export type ListPropertiesRequest = z.infer<typeof ListPropertiesRequestSchema>;
