import { z } from "zod";
import { currency, isoDate, isoDateTime, pageSchema } from "./common.js";

const count = (what: string) => z.number().int().nonnegative().nullable().describe(`${what}, when known.`);

/**
 * A reservation. Guest contact data (email, phone, postal address) is deliberately NOT here: it appears only in
 * `GuestInfo`, which a caller has to ask for by booking id. Door codes are never emitted.
 */
export const BookingSchema = z
  .strictObject({
    id: z.number().int().positive().describe("Hostaway reservation id (the `booking_id` other tools take)."),
    channel_reservation_id: z
      .string()
      .nullable()
      .describe("The booking channel's own reservation code (Hostaway's `channelReservationId`)."),
    confirmation_code: z
      .string()
      .nullable()
      .describe("Channel confirmation code (e.g. Airbnb's HM…), when known."),
    listing_id: z
      .number()
      .int()
      .positive()
      .nullable()
      .describe("Hostaway listing id of the booked property."),
    listing_name: z.string().nullable().describe("Name of the booked property, when known."),
    channel_id: z
      .number()
      .int()
      .nullable()
      .describe("Hostaway channel id (e.g. 2018 airbnbOfficial, 2005 bookingcom)."),
    channel_name: z
      .string()
      .nullable()
      .describe("Hostaway channel name, e.g. airbnbOfficial, bookingcom, homeaway, direct (an open set)."),
    source: z.string().nullable().describe("Where Hostaway got the booking from (its `source`), when set."),
    status: z
      .string()
      .nullable()
      .describe(
        "Hostaway reservation status, e.g. new, modified, cancelled, pending, awaitingPayment, inquiry, ownerStay " +
          "(an open set).",
      ),
    guest_name: z.string().nullable().describe("Guest's full name."),
    guest_first_name: z.string().nullable().describe("Guest's first name, when known."),
    guest_last_name: z.string().nullable().describe("Guest's last name, when known."),
    number_of_guests: count("Total number of guests"),
    adults: count("Adults"),
    children: count("Children"),
    infants: count("Infants"),
    pets: count("Pets"),
    arrival_date: isoDate("Check-in date (YYYY-MM-DD, listing-local)").nullable(),
    departure_date: isoDate("Check-out date (YYYY-MM-DD, listing-local)").nullable(),
    nights: count("Number of nights"),
    check_in_hour: z
      .number()
      .int()
      .min(0)
      .max(23)
      .nullable()
      .describe("Planned check-in hour (0-23), when set."),
    check_out_hour: z
      .number()
      .int()
      .min(0)
      .max(23)
      .nullable()
      .describe("Planned check-out hour (0-23), when set."),
    reservation_date: isoDateTime("When the booking was made").nullable(),
    total_price: z.number().nullable().describe("Total price of the stay, in `currency`."),
    tax_amount: z.number().nullable().describe("Taxes included in the total, in `currency`, when known."),
    cleaning_fee: z.number().nullable().describe("Cleaning fee, in `currency`, when known."),
    security_deposit_fee: z.number().nullable().describe("Security deposit, in `currency`, when known."),
    currency: currency("Currency of the booking's amounts"),
    is_paid: z.boolean().nullable().describe("Whether the booking is fully paid, when known."),
    remaining_balance: z
      .number()
      .nullable()
      .describe(
        "Amount still to be paid, in `currency` (Hostaway sends it only when payments are included).",
      ),
    payment_method: z.string().nullable().describe("Payment method code, when known."),
    cancellation_policy: z.string().nullable().describe("Cancellation policy label, when known."),
    cancellation_date: isoDateTime("When the booking was cancelled").nullable(),
    cancelled_by: z.string().nullable().describe("Who cancelled: guest or host (null when not cancelled)."),
    is_instant_booked: z.boolean().nullable().describe("Whether the guest booked instantly, when known."),
    host_note: z.string().nullable().describe("The host's private note on the booking."),
  })
  .describe("A reservation without guest contact details (use the guest-info tool for those).");
export type Booking = z.infer<typeof BookingSchema>;

export const BookingPageSchema = pageSchema(BookingSchema, "Bookings on this page.").describe(
  "One page of bookings.",
);
export type BookingPage = z.infer<typeof BookingPageSchema>;

/** The guest behind a booking, including contact data. The only wire object that carries email or phone. */
export const GuestInfoSchema = z
  .strictObject({
    booking_id: z.number().int().positive().describe("Hostaway reservation id this guest belongs to."),
    guest_name: z.string().nullable().describe("Guest's full name."),
    guest_first_name: z.string().nullable().describe("Guest's first name, when known."),
    guest_last_name: z.string().nullable().describe("Guest's last name, when known."),
    email: z
      .string()
      .nullable()
      .describe("Guest's email as the channel reports it (often a channel relay address), when known."),
    phone: z.string().nullable().describe("Guest's phone number, when known."),
    country: z.string().nullable().describe("Guest's country, when known."),
    city: z.string().nullable().describe("Guest's city, when known."),
    address: z.string().nullable().describe("Guest's street address, when known."),
    zipcode: z.string().nullable().describe("Guest's postal code, when known."),
    locale: z.string().nullable().describe("Guest's preferred language/locale, when known."),
    picture_url: z.string().nullable().describe("URL of the guest's profile picture, when known."),
    number_of_guests: count("Total number of guests"),
    adults: count("Adults"),
    children: count("Children"),
    infants: count("Infants"),
    pets: count("Pets"),
    guest_note: z
      .string()
      .nullable()
      .describe("Note the guest left with the booking (untrusted guest text)."),
  })
  .describe(
    "Guest details and contact data for one booking. Personal data: show only to people who need it.",
  );
export type GuestInfo = z.infer<typeof GuestInfoSchema>;
