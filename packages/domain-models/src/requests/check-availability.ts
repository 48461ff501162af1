import { z } from "zod";
import { dateField, daysBetween, isRealDate, listingIdField, rangeIsOrdered } from "./fields.js";

/** The longest range one availability check may cover (a year, leap day included). */
export const MAX_AVAILABILITY_DAYS = 366;

export const CheckAvailabilityRequestSchema = z
  .strictObject({
    listing_id: listingIdField("Hostaway listing id."),
    start_date: dateField("start_date", "First night to check, YYYY-MM-DD (inclusive)."),
    end_date: dateField(
      "end_date",
      `Last night to check, YYYY-MM-DD (inclusive); on or after start_date, at most ${MAX_AVAILABILITY_DAYS} days later.`,
    ),
  })
  .refine(rangeIsOrdered("start_date", "end_date"), {
    message: "end_date must be on or after start_date",
    path: ["end_date"],
  })
  .refine(
    (request) =>
      !isRealDate(request.start_date) ||
      !isRealDate(request.end_date) ||
      daysBetween(request.start_date, request.end_date) <= MAX_AVAILABILITY_DAYS,
    {
      message: `end_date must be at most ${MAX_AVAILABILITY_DAYS} days after start_date`,
      path: ["end_date"],
    },
  )
  .describe("Check a property's availability and nightly prices over a date range.");
export type CheckAvailabilityRequest = z.infer<typeof CheckAvailabilityRequestSchema>;
