import { z } from "zod";
import { isoDate } from "./common.js";
import { CalendarDayStatusSchema } from "./enums.js";

export const CalendarDaySchema = z
  .strictObject({
    date: isoDate("The night (YYYY-MM-DD)."),
    status: CalendarDayStatusSchema,
    is_available: z.boolean().describe("True when this night can be booked."),
    price: z.number().nullable().describe("Nightly price for this date, in the listing's currency."),
    minimum_stay: z.number().int().nullable().describe("Minimum nights for a stay starting this date."),
    maximum_stay: z.number().int().nullable().describe("Maximum nights for a stay starting this date."),
    closed_on_arrival: z.boolean().nullable().describe("True when guests cannot check in on this date."),
    closed_on_departure: z.boolean().nullable().describe("True when guests cannot check out on this date."),
    note: z.string().nullable().describe("The host's note for this date."),
  })
  .describe("One night of a listing's calendar.");
export type CalendarDay = z.infer<typeof CalendarDaySchema>;

export const AvailabilityCalendarSchema = z
  .strictObject({
    listing_id: z.number().int().positive().describe("Hostaway listing id."),
    start_date: isoDate("First night asked for (YYYY-MM-DD, inclusive)."),
    end_date: isoDate("Last night asked for (YYYY-MM-DD, inclusive)."),
    all_available: z
      .boolean()
      .describe("True when every night from start_date to end_date is returned and available."),
    available_nights: z
      .number()
      .int()
      .nonnegative()
      .describe("How many of the returned nights are available."),
    days: z.array(CalendarDaySchema).describe("The nights in date order."),
  })
  .describe("Availability and prices of one listing over a date range.");
export type AvailabilityCalendar = z.infer<typeof AvailabilityCalendarSchema>;
