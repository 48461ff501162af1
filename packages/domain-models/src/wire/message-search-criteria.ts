import { z } from "zod";
import {
  bookingIdField,
  dateField,
  listField,
  rangeIsOrdered,
  textField,
  wholeNumberField,
} from "../requests/fields.js";
import { MessageChannelSchema } from "./enums.js";

/**
 * What to search messages by. Also the input of the search-messages tool and REST route. At least one of
 * booking_id, guest_name, start_date or end_date is required (`channels` only narrows: on its own it would scan
 * the whole account).
 */
export const MessageSearchCriteriaSchema = z
  .strictObject({
    booking_id: bookingIdField("Only this booking's messages (Hostaway reservation id).").optional(),
    guest_name: textField(
      "guest_name",
      "Guest name or part of it; case- and accent-insensitive (José matches jose).",
    ).optional(),
    start_date: dateField("start_date", "Earliest message date, YYYY-MM-DD, inclusive, UTC.").optional(),
    end_date: dateField(
      "end_date",
      "Latest message date, YYYY-MM-DD, inclusive, UTC; must not be before start_date.",
    ).optional(),
    channels: listField(MessageChannelSchema, {
      name: "channels",
      min: 1,
      max: 6,
      description: "Only these channels: email, sms, whatsapp, platform, in_app, other. Omit for all.",
    }).optional(),
    limit: wholeNumberField({ min: 1, max: 1000, name: "limit" })
      .default(50)
      .describe("Maximum messages to return, 1 to 1000 (default 50)."),
    offset: wholeNumberField({ min: 0, name: "offset" })
      .default(0)
      .describe("Messages to skip first, for paging (default 0)."),
  })
  .refine(
    (criteria) =>
      criteria.booking_id !== undefined ||
      criteria.guest_name !== undefined ||
      criteria.start_date !== undefined ||
      criteria.end_date !== undefined,
    {
      message: "give at least one search criterion: booking_id, guest_name, start_date or end_date",
      path: ["booking_id"],
    },
  )
  .refine(rangeIsOrdered("start_date", "end_date"), {
    message: "end_date must be on or after start_date",
    path: ["end_date"],
  })
  .describe("Criteria for a message search.");
export type MessageSearchCriteria = z.infer<typeof MessageSearchCriteriaSchema>;
