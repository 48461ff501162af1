import { z } from "zod";
import { bookingIdField, booleanField, wholeNumberField } from "./fields.js";

export const ConversationHistoryRequestSchema = z
  .strictObject({
    booking_id: bookingIdField("Hostaway reservation id whose messages to return."),
    limit: wholeNumberField({ name: "limit", min: 1, max: 1000 })
      .default(50)
      .describe("Maximum messages to return, 1 to 1000 (default 50)."),
    offset: wholeNumberField({ name: "offset", min: 0 })
      .default(0)
      .describe("Messages to skip from the oldest, for paging (default 0)."),
    include_scheduled: booleanField(
      "include_scheduled",
      "Also return scheduled, paused, failed and cancelled messages (default false: sent messages only).",
    ).default(false),
  })
  .describe("The full message history of one booking, across all its conversations and channels.");
export type ConversationHistoryRequest = z.infer<typeof ConversationHistoryRequestSchema>;
