import { z } from "zod";
import { currency, pageSchema } from "./common.js";

/** A short view of a property, for lists. */
export const ListingSummarySchema = z
  .strictObject({
    id: z.number().int().positive().describe("Hostaway listing id (the `listing_id` other tools take)."),
    name: z.string().nullable().describe("Public listing name."),
    city: z.string().nullable().describe("City."),
    country: z.string().nullable().describe("Country name."),
    person_capacity: z.number().int().nonnegative().nullable().describe("Maximum number of guests."),
    bedrooms: z.number().nonnegative().nullable().describe("Number of bedrooms."),
    bathrooms: z.number().nonnegative().nullable().describe("Number of bathrooms."),
    base_price: z.number().nullable().describe("Default nightly price, in `currency`."),
    currency: currency("Currency of the listing's prices"),
    archived: z.boolean().describe("True when the listing is archived (no longer in use)."),
  })
  .describe("A property in short form.");
export type ListingSummary = z.infer<typeof ListingSummarySchema>;

export const ListingAddressSchema = z
  .strictObject({
    street: z.string().nullable().describe("Street and number."),
    city: z.string().nullable().describe("City."),
    state: z.string().nullable().describe("State or region."),
    zipcode: z.string().nullable().describe("Postal code."),
    country: z.string().nullable().describe("Country name."),
    country_code: z.string().nullable().describe("Country code (ISO 3166-1 alpha-2)."),
    full_address: z.string().nullable().describe("The full postal address as one line."),
    public_address: z.string().nullable().describe("The approximate address shown to guests before booking."),
    latitude: z.number().nullable().describe("Latitude in decimal degrees."),
    longitude: z.number().nullable().describe("Longitude in decimal degrees."),
  })
  .describe("Where the property is.");

export const ListingImageSchema = z
  .strictObject({
    url: z.string().describe("Image URL."),
    caption: z.string().nullable().describe("Caption, when set."),
  })
  .describe("A listing photo.");

/**
 * Everything an agent needs to answer questions about a property.
 *
 * Deliberately absent: `doorSecurityCode`, `wifiUsername`/`wifiPassword`, `keyPickup` and `specialInstruction`
 * (access secrets: an agent answering a stranger, or a log, must never be able to leak a way into the home), and the
 * owner's `contact*`/`invoicing*` personal data. They stay in Hostaway.
 */
export const ListingSchema = z
  .strictObject({
    id: z.number().int().positive().describe("Hostaway listing id."),
    name: z.string().nullable().describe("Public listing name."),
    internal_name: z.string().nullable().describe("The host's internal name for the listing."),
    description: z.string().nullable().describe("Public description."),
    house_rules: z.string().nullable().describe("House rules text."),
    property_type_id: z
      .number()
      .int()
      .nullable()
      .describe("Hostaway property type id (see GET /v1/propertyTypes)."),
    room_type: z
      .string()
      .nullable()
      .describe(
        "What the guest gets: entire_home, private_room or shared_room (other values passed through).",
      ),
    bathroom_type: z.string().nullable().describe("private or shared (other values passed through)."),
    address: ListingAddressSchema,
    timezone: z.string().nullable().describe("IANA time zone of the listing, e.g. Europe/Berlin."),
    currency: currency("Currency of the listing's prices"),
    base_price: z.number().nullable().describe("Default nightly price, in `currency`."),
    cleaning_fee: z.number().nullable().describe("Cleaning fee per stay, in `currency`."),
    price_for_extra_person: z
      .number()
      .nullable()
      .describe("Nightly price per guest above `guests_included`, in `currency`."),
    guests_included: z.number().int().nullable().describe("Guests covered by the base price."),
    person_capacity: z.number().int().nonnegative().nullable().describe("Maximum number of guests."),
    bedrooms: z.number().nonnegative().nullable().describe("Number of bedrooms."),
    beds: z.number().nonnegative().nullable().describe("Number of beds."),
    bathrooms: z.number().nonnegative().nullable().describe("Number of bathrooms."),
    guest_bathrooms: z.number().nonnegative().nullable().describe("Number of guest bathrooms."),
    square_meters: z.number().nonnegative().nullable().describe("Floor area in square metres."),
    max_children: z.number().int().nullable().describe("Maximum children allowed, when set."),
    max_infants: z.number().int().nullable().describe("Maximum infants allowed, when set."),
    max_pets: z.number().int().nullable().describe("Maximum pets allowed, when set."),
    min_nights: z.number().int().nullable().describe("Minimum stay in nights."),
    max_nights: z.number().int().nullable().describe("Maximum stay in nights."),
    check_in_start_hour: z
      .number()
      .int()
      .min(0)
      .max(23)
      .nullable()
      .describe("Earliest check-in hour (0-23), listing-local time."),
    check_in_end_hour: z
      .number()
      .int()
      .min(0)
      .max(23)
      .nullable()
      .describe("Latest check-in hour (0-23), listing-local time."),
    check_out_hour: z
      .number()
      .int()
      .min(0)
      .max(23)
      .nullable()
      .describe("Check-out hour (0-23), listing-local time."),
    cancellation_policy: z
      .string()
      .nullable()
      .describe("Cancellation policy: flexible, moderate or strict (other values passed through)."),
    instant_bookable: z.boolean().nullable().describe("Whether guests can book without the host's approval."),
    star_rating: z.number().nullable().describe("Star rating, 0 to 5."),
    average_review_rating: z.number().nullable().describe("Average guest review rating, 0 to 10."),
    amenity_ids: z
      .array(z.number().int())
      .describe("Hostaway amenity ids (names via GET /v1/amenities). Empty when Hostaway sent none."),
    images: z
      .array(ListingImageSchema)
      .describe(
        "Photos in display order (empty unless Hostaway included them, e.g. with includeResources=1).",
      ),
    airbnb_listing_url: z.string().nullable().describe("Public Airbnb page, when connected."),
    vrbo_listing_url: z.string().nullable().describe("Public Vrbo page, when connected."),
    archived: z.boolean().describe("True when the listing is archived (no longer in use)."),
  })
  .describe(
    "A property with the details an agent needs. Never includes door codes, wifi passwords or key pickup.",
  );
export type Listing = z.infer<typeof ListingSchema>;

export const ListingSummaryPageSchema = pageSchema(ListingSummarySchema, "Listings on this page.").describe(
  "One page of listings.",
);
export type ListingSummaryPage = z.infer<typeof ListingSummaryPageSchema>;
