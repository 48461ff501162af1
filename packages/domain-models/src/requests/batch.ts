import { z } from "zod";
import { listField, positiveIdField } from "./fields.js";

/** The most ids one batch call accepts. */
export const MAX_BATCH_IDS = 50;

export const BatchPropertiesRequestSchema = z
  .strictObject({
    property_ids: listField(positiveIdField("property_ids", "A Hostaway listing id."), {
      name: "property_ids",
      min: 1,
      max: MAX_BATCH_IDS,
      description: `Hostaway listing ids to fetch, 1 to ${MAX_BATCH_IDS}.`,
    }),
  })
  .describe("Fetch several properties at once; ids that fail are reported without failing the call.");
export type BatchPropertiesRequest = z.infer<typeof BatchPropertiesRequestSchema>;

export const BatchBookingsRequestSchema = z
  .strictObject({
    booking_ids: listField(positiveIdField("booking_ids", "A Hostaway reservation id."), {
      name: "booking_ids",
      min: 1,
      max: MAX_BATCH_IDS,
      description: `Hostaway reservation ids to fetch, 1 to ${MAX_BATCH_IDS}.`,
    }),
  })
  .describe("Fetch several bookings at once; ids that fail are reported without failing the call.");
export type BatchBookingsRequest = z.infer<typeof BatchBookingsRequestSchema>;
