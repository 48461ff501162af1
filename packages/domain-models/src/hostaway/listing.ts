import { z } from "zod";
import {
  HostawayId,
  optionalArray,
  optionalBoolean,
  optionalDateTime,
  optionalId,
  optionalNumber,
  optionalString,
} from "./primitives.js";

/** `listingAmenities[]` item: the amenity's id is `amenityId` (REFERENCE.md §6.1). */
export const HostawayListingAmenitySchema = z.looseObject({
  id: optionalId(),
  amenityId: optionalId(),
});

/** `listingBedTypes[]` item. */
export const HostawayListingBedTypeSchema = z.looseObject({
  id: optionalId(),
  bedTypeId: optionalId(),
  quantity: optionalNumber(),
});

/** `listingImages[]` item (present with `includeResources=1`). */
export const HostawayListingImageSchema = z.looseObject({
  id: optionalId(),
  url: optionalString(),
  caption: optionalString(),
  airbnbCaption: optionalString(),
  vrboCaption: optionalString(),
  sortOrder: optionalNumber(),
});

/** `customFieldValues[]` item. */
export const HostawayCustomFieldValueSchema = z.looseObject({
  customFieldId: optionalId(),
  value: optionalString(),
});

/**
 * A listing as Hostaway sends it (REFERENCE.md §6.1, examples/listings.object.json). Only `id` is required; every
 * other field may be missing or null, unknown fields are kept, and enums (`roomType`, `cancellationPolicy`, …) are
 * open strings. Secrets such as `doorSecurityCode` and `wifiPassword` are parsed (they are Hostaway's data) but the
 * wire mappers never copy them out.
 */
export const HostawayListingSchema = z.looseObject({
  id: HostawayId,
  propertyTypeId: optionalId(),
  name: optionalString(),
  externalListingName: optionalString(),
  internalListingName: optionalString(),
  description: optionalString(),
  houseRules: optionalString(),
  keyPickup: optionalString(),
  specialInstruction: optionalString(),
  doorSecurityCode: optionalString(),
  wifiUsername: optionalString(),
  wifiPassword: optionalString(),
  country: optionalString(),
  countryCode: optionalString(),
  state: optionalString(),
  city: optionalString(),
  street: optionalString(),
  address: optionalString(),
  publicAddress: optionalString(),
  zipcode: optionalString(),
  lat: optionalNumber(),
  lng: optionalNumber(),
  timeZoneName: optionalString(),
  currencyCode: optionalString(),
  price: optionalNumber(),
  cleaningFee: optionalNumber(),
  priceForExtraPerson: optionalNumber(),
  guestsIncluded: optionalNumber(),
  weeklyDiscount: optionalNumber(),
  monthlyDiscount: optionalNumber(),
  refundableDamageDeposit: optionalNumber(),
  personCapacity: optionalNumber(),
  maxChildrenAllowed: optionalNumber(),
  maxInfantsAllowed: optionalNumber(),
  maxPetsAllowed: optionalNumber(),
  bedroomsNumber: optionalNumber(),
  bedsNumber: optionalNumber(),
  bathroomsNumber: optionalNumber(),
  guestBathroomsNumber: optionalNumber(),
  squareMeters: optionalNumber(),
  roomType: optionalString(),
  bathroomType: optionalString(),
  bedType: optionalString(),
  minNights: optionalNumber(),
  maxNights: optionalNumber(),
  checkInTimeStart: optionalNumber(),
  checkInTimeEnd: optionalNumber(),
  checkOutTime: optionalNumber(),
  cancellationPolicy: optionalString(),
  cancellationPolicyId: optionalId(),
  starRating: optionalNumber(),
  averageReviewRating: optionalNumber(),
  specialStatus: optionalString(),
  instantBookable: optionalBoolean(),
  isRentalAgreementActive: optionalBoolean(),
  language: optionalString(),
  airbnbListingUrl: optionalString(),
  vrboListingUrl: optionalString(),
  googleVrListingUrl: optionalString(),
  latestActivityOn: optionalDateTime(),
  listingAmenities: optionalArray(HostawayListingAmenitySchema),
  listingBedTypes: optionalArray(HostawayListingBedTypeSchema),
  listingImages: optionalArray(HostawayListingImageSchema),
  customFieldValues: optionalArray(HostawayCustomFieldValueSchema),
});
export type HostawayListing = z.infer<typeof HostawayListingSchema>;
