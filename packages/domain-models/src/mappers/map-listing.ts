import type { HostawayListing } from "../hostaway/listing.js";
import type { Listing, ListingSummary } from "../wire/listing.js";
import { countOrNull, hourOrNull, integerOrNull, nonNegativeOrNull, orNull, textOrNull } from "./values.js";

/** Hostaway marks archived listings with `specialStatus: "archived"` (REFERENCE.md §6.1; there is no status field). */
function isArchived(listing: HostawayListing): boolean {
  return listing.specialStatus?.trim().toLowerCase() === "archived";
}

/** `name` is the public name; `externalListingName` is its documented twin. */
function listingName(listing: HostawayListing): string | null {
  return textOrNull(listing.name) ?? textOrNull(listing.externalListingName);
}

/** A Hostaway listing in short form, for lists. */
export function mapListingSummary(listing: HostawayListing): ListingSummary {
  return {
    id: listing.id,
    name: listingName(listing),
    city: textOrNull(listing.city),
    country: textOrNull(listing.country),
    person_capacity: countOrNull(listing.personCapacity),
    bedrooms: nonNegativeOrNull(listing.bedroomsNumber),
    bathrooms: nonNegativeOrNull(listing.bathroomsNumber),
    base_price: orNull(listing.price),
    currency: textOrNull(listing.currencyCode),
    archived: isArchived(listing),
  };
}

/**
 * A Hostaway listing with the details an agent needs. Door codes, wifi credentials, key pickup and special
 * instructions are deliberately not copied (see `ListingSchema`).
 */
export function mapListing(listing: HostawayListing): Listing {
  const amenityIds = (listing.listingAmenities ?? [])
    .map((amenity) => amenity.amenityId)
    .filter((id): id is number => typeof id === "number");
  const images = [...(listing.listingImages ?? [])]
    .filter((image) => textOrNull(image.url) !== null)
    .sort((a, b) => (a.sortOrder ?? Number.MAX_SAFE_INTEGER) - (b.sortOrder ?? Number.MAX_SAFE_INTEGER))
    .map((image) => ({ url: image.url as string, caption: textOrNull(image.caption) }));
  return {
    id: listing.id,
    name: listingName(listing),
    internal_name: textOrNull(listing.internalListingName),
    description: textOrNull(listing.description),
    house_rules: textOrNull(listing.houseRules),
    property_type_id: integerOrNull(listing.propertyTypeId),
    room_type: textOrNull(listing.roomType),
    bathroom_type: textOrNull(listing.bathroomType),
    address: {
      street: textOrNull(listing.street),
      city: textOrNull(listing.city),
      state: textOrNull(listing.state),
      zipcode: textOrNull(listing.zipcode),
      country: textOrNull(listing.country),
      country_code: textOrNull(listing.countryCode),
      full_address: textOrNull(listing.address),
      public_address: textOrNull(listing.publicAddress),
      latitude: orNull(listing.lat),
      longitude: orNull(listing.lng),
    },
    timezone: textOrNull(listing.timeZoneName),
    currency: textOrNull(listing.currencyCode),
    base_price: orNull(listing.price),
    cleaning_fee: orNull(listing.cleaningFee),
    price_for_extra_person: orNull(listing.priceForExtraPerson),
    guests_included: integerOrNull(listing.guestsIncluded),
    person_capacity: countOrNull(listing.personCapacity),
    bedrooms: nonNegativeOrNull(listing.bedroomsNumber),
    beds: nonNegativeOrNull(listing.bedsNumber),
    bathrooms: nonNegativeOrNull(listing.bathroomsNumber),
    guest_bathrooms: nonNegativeOrNull(listing.guestBathroomsNumber),
    square_meters: nonNegativeOrNull(listing.squareMeters),
    max_children: integerOrNull(listing.maxChildrenAllowed),
    max_infants: integerOrNull(listing.maxInfantsAllowed),
    max_pets: integerOrNull(listing.maxPetsAllowed),
    min_nights: integerOrNull(listing.minNights),
    max_nights: integerOrNull(listing.maxNights),
    check_in_start_hour: hourOrNull(listing.checkInTimeStart),
    check_in_end_hour: hourOrNull(listing.checkInTimeEnd),
    check_out_hour: hourOrNull(listing.checkOutTime),
    cancellation_policy: textOrNull(listing.cancellationPolicy),
    instant_bookable: orNull(listing.instantBookable),
    star_rating: orNull(listing.starRating),
    average_review_rating: orNull(listing.averageReviewRating),
    amenity_ids: amenityIds,
    images,
    airbnb_listing_url: textOrNull(listing.airbnbListingUrl),
    vrbo_listing_url: textOrNull(listing.vrboListingUrl),
    archived: isArchived(listing),
  };
}
