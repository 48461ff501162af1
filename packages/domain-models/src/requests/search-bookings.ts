import { z } from "zod";
import {
  cursorField,
  dateField,
  listingIdField,
  rangeIsOrdered,
  textField,
  wholeNumberField,
} from "./fields.js";

export const SearchBookingsRequestSchema = z
  .strictObject({
    guest_name: textField("guest_name", "Guest name or part of it (Hostaway's `match`).").optional(),
    guest_email: z
      .email({ error: "guest_email must be an email address" })
      .max(320)
      .optional()
      .describe("Exact guest email address."),
    listing_id: listingIdField("Only bookings of this listing (Hostaway listing id).").optional(),
    arrival_start: dateField("arrival_start", "Arrival on or after this date, YYYY-MM-DD.").optional(),
    arrival_end: dateField("arrival_end", "Arrival on or before this date, YYYY-MM-DD.").optional(),
    departure_start: dateField("departure_start", "Departure on or after this date, YYYY-MM-DD.").optional(),
    departure_end: dateField("departure_end", "Departure on or before this date, YYYY-MM-DD.").optional(),
    channel: textField(
      "channel",
      "Hostaway channel name, e.g. airbnbOfficial, bookingcom, homeaway, expedia, direct, bookingengine (open set).",
      50,
    ).optional(),
    status: textField(
      "status",
      "Hostaway reservation status, e.g. new, modified, cancelled, pending, awaitingPayment, inquiry (open set).",
      50,
    ).optional(),
    limit: wholeNumberField({ name: "limit", min: 1, max: 100 })
      .default(20)
      .describe("Bookings per page, 1 to 100 (default 20)."),
    cursor: cursorField().optional(),
  })
  .refine(rangeIsOrdered("arrival_start", "arrival_end"), {
    message: "arrival_end must be on or after arrival_start",
    path: ["arrival_end"],
  })
  .refine(rangeIsOrdered("departure_start", "departure_end"), {
    message: "departure_end must be on or after departure_start",
    path: ["departure_end"],
  })
  .describe("Find bookings by guest, listing, dates, channel or status, a page at a time.");
export type SearchBookingsRequest = z.infer<typeof SearchBookingsRequestSchema>;
