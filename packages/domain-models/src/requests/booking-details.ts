import { z } from "zod";
import { bookingIdField } from "./fields.js";

export const BookingDetailsRequestSchema = z
  .strictObject({
    booking_id: bookingIdField("Hostaway reservation id."),
  })
  .describe("Get one booking (without guest contact data).");
export type BookingDetailsRequest = z.infer<typeof BookingDetailsRequestSchema>;

export const GuestInfoRequestSchema = z
  .strictObject({
    booking_id: bookingIdField("Hostaway reservation id whose guest to return."),
  })
  .describe("Get the guest and contact details of one booking.");
export type GuestInfoRequest = z.infer<typeof GuestInfoRequestSchema>;
