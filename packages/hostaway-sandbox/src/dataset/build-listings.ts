import type { Random } from "../util/prng.js";
import { PLACES } from "./places.js";
import type { SandboxListing } from "./types.js";

export const FIRST_LISTING_ID = 40160;
const LISTINGS_PER_PLACE = 3;
/** Positions (0-based) of listings that are archived (`specialStatus: "archived"`, REFERENCE.md §6.1). */
const ARCHIVED_POSITIONS = new Set([5, 17, 29]);

const KINDS = [
  { label: "loft", roomType: "entire_home", propertyTypeId: 1, bedrooms: 1 },
  { label: "apartment", roomType: "entire_home", propertyTypeId: 1, bedrooms: 2 },
  { label: "townhouse", roomType: "entire_home", propertyTypeId: 2, bedrooms: 3 },
  { label: "studio", roomType: "entire_home", propertyTypeId: 1, bedrooms: 0 },
  { label: "private room", roomType: "private_room", propertyTypeId: 3, bedrooms: 1 },
  { label: "family house", roomType: "entire_home", propertyTypeId: 2, bedrooms: 4 },
] as const;

const ADJECTIVES = [
  "Sunny",
  "Quiet",
  "Bright",
  "Charming",
  "Modern",
  "Cosy",
  "Spacious",
  "Stylish",
  "Historic",
];
const FEATURES = [
  "with balcony",
  "with terrace",
  "near the old town",
  "with river view",
  "close to the metro",
  "",
];
const CONTACTS = ["Maria Costa", "Tom Becker", "Claire Martin", "Sam Rivera"];

export function buildListings(random: Random, accountId: number): SandboxListing[] {
  const listings: SandboxListing[] = [];
  let position = 0;
  for (const place of PLACES) {
    for (let n = 0; n < LISTINGS_PER_PLACE; n += 1) {
      const id = FIRST_LISTING_ID + position;
      const kind = random.pick(KINDS);
      const neighbourhood = place.neighbourhoods[n % place.neighbourhoods.length] ?? place.city;
      const feature = random.pick(FEATURES);
      const name = `${random.pick(ADJECTIVES)} ${kind.label} in ${neighbourhood}${feature ? ` ${feature}` : ""}`;
      const street = place.streets[n % place.streets.length] ?? place.city;
      const zipcode = place.zipcodes[n % place.zipcodes.length] ?? "";
      const bedrooms = kind.bedrooms;
      const capacity = Math.max(2, bedrooms * 2 + random.int(0, 2));
      const price = Math.round(place.basePrice * (0.7 + bedrooms * 0.25 + random.next() * 0.4) * 100) / 100;
      const cleaningFee = Math.round(place.basePrice * (0.2 + random.next() * 0.3) * 100) / 100;
      const contactName = random.pick(CONTACTS);
      const [contactFirst = "", contactLast = ""] = contactName.split(" ");
      const archived = ARCHIVED_POSITIONS.has(position);
      const description = `${name}. ${kind.label[0]?.toUpperCase()}${kind.label.slice(1)} for up to ${capacity} guests in ${neighbourhood}, ${place.city}.`;
      listings.push({
        id,
        propertyTypeId: kind.propertyTypeId,
        name,
        externalListingName: name,
        internalListingName: `${place.code}-${String(n + 1).padStart(2, "0")} ${neighbourhood}`,
        description,
        houseRules: "No parties or events. No smoking inside. Quiet hours 22:00–08:00.",
        keyPickup: "Self check-in with a lockbox at the entrance.",
        specialInstruction: null,
        doorSecurityCode: String(random.int(1000, 9999)),
        country: place.country,
        countryCode: place.countryCode,
        state: place.state,
        city: place.city,
        street,
        address: `${street}, ${zipcode} ${place.city}, ${place.country}`,
        publicAddress: `${place.city}, ${place.state} ${zipcode}, ${place.country}`,
        zipcode,
        price,
        starRating: random.int(6, 10) / 2,
        averageReviewRating: random.int(78, 99) / 10,
        weeklyDiscount: 0.9,
        monthlyDiscount: 0.8,
        propertyRentTax: 0,
        guestPerPersonPerNightTax: place.countryCode === "PT" || place.countryCode === "FR" ? 2 : 0,
        guestStayTax: 0,
        guestNightlyTax: 0,
        guestBathroomsNumber: Math.max(1, Math.ceil(bedrooms / 2)),
        refundableDamageDeposit: Math.round(place.basePrice * 2),
        personCapacity: capacity,
        maxChildrenAllowed: null,
        maxInfantsAllowed: null,
        maxPetsAllowed: random.chance(0.3) ? 1 : 0,
        lat: Math.round((place.lat + (random.next() - 0.5) * 0.04) * 1e5) / 1e5,
        lng: Math.round((place.lng + (random.next() - 0.5) * 0.04) * 1e5) / 1e5,
        checkInTimeStart: 15,
        checkInTimeEnd: 22,
        checkOutTime: 11,
        cancellationPolicy: random.pick(["flexible", "moderate", "strict"]),
        cancellationPolicyId: 4010 + random.int(0, 2),
        vrboCancellationPolicyId: null,
        airbnbCancellationPolicyId: null,
        marriottCancellationPolicyId: null,
        bookingCancellationPolicyId: null,
        squareMeters: 30 + bedrooms * 25 + random.int(0, 20),
        specialStatus: archived ? "archived" : null,
        roomType: kind.roomType,
        bathroomType: kind.roomType === "private_room" ? "shared" : "private",
        bedroomsNumber: bedrooms,
        bedsNumber: Math.max(1, bedrooms + random.int(0, 1)),
        bedType: "real_bed",
        bathroomsNumber: Math.max(1, Math.ceil(bedrooms / 2)),
        minNights: random.pick([1, 1, 2, 2, 3]),
        maxNights: 90,
        guestsIncluded: Math.min(capacity, 2),
        cleaningFee,
        priceForExtraPerson: Math.round(place.basePrice * 0.15),
        instantBookable: random.chance(0.6) ? 1 : 0,
        instantBookableLeadTime: 1,
        allowSameDayBooking: 1,
        sameDayBookingLeadTime: 14,
        contactName: contactFirst,
        contactSurName: contactLast,
        contactPhone1: "+1 202 555 0147",
        contactPhone2: null,
        contactLanguage: "en",
        contactEmail: `${contactFirst.toLowerCase()}@sandbox-pm.example.com`,
        contactAddress: null,
        language: place.language,
        currencyCode: place.currencyCode,
        timeZoneName: place.timeZoneName,
        wifiUsername: `guest-${place.code.toLowerCase()}-${n + 1}`,
        wifiPassword: random.hex(10),
        cleannessStatus: null,
        cleaningInstruction: null,
        cleannessStatusUpdatedOn: null,
        homeawayPropertyName: name,
        homeawayPropertyHeadline: name,
        homeawayPropertyDescription: description,
        bookingcomPropertyName: name,
        bookingcomPropertyDescription: description,
        invoicingContactName: null,
        invoicingContactSurName: null,
        invoicingContactPhone1: null,
        invoicingContactPhone2: null,
        invoicingContactLanguage: null,
        invoicingContactEmail: null,
        invoicingContactAddress: null,
        invoicingContactCity: null,
        invoicingContactZipcode: null,
        invoicingContactCountry: null,
        propertyLicenseNumber: null,
        propertyLicenseType: null,
        propertyLicenseIssueDate: null,
        propertyLicenseExpirationDate: null,
        partnersListingMarkup: null,
        airbnbOfficialListingMarkup: null,
        bookingEngineMarkup: null,
        homeawayApiMarkup: null,
        marriottListingMarkup: null,
        isRentalAgreementActive: false,
        listingAgreementText: null,
        bookingcomPropertyRegisteredInVcs: false,
        bookingcomPropertyHasVat: false,
        bookingcomPropertyDeclaresRevenue: false,
        airbnbListingUrl: `https://www.airbnb.com/rooms/${5_100_000 + position * 37}`,
        vrboListingUrl: null,
        googleVrListingUrl: null,
        airbnbName: name,
        airbnbSummary: description,
        airbnbSpace: null,
        airbnbAccess: null,
        airbnbInteraction: null,
        airbnbNeighborhoodOverview: null,
        airbnbTransit: null,
        airbnbNotes: null,
        insuranceEligibilityStatus: false,
        latestActivityOn: null,
        listingAmenities: [
          { id: id * 10 + 1, amenityId: 2 },
          { id: id * 10 + 2, amenityId: 3 },
          { id: id * 10 + 3, amenityId: random.int(4, 60) },
        ],
        listingBedTypes: [{ id: id * 10 + 1, bedTypeId: 2, quantity: Math.max(1, bedrooms) }],
        listingImages: [1, 2, 3].map((sortOrder) => ({
          id: id * 10 + sortOrder,
          caption: ["Living room", "Bedroom", "Kitchen"][sortOrder - 1] ?? "",
          vrboCaption: null,
          airbnbCaption: null,
          url: `https://images.sandbox.example.com/listing/${accountId}-${id}-${sortOrder}.jpg`,
          sortOrder,
        })),
        customFieldValues: [],
        bookingEngineUrls: [],
      });
      position += 1;
    }
  }
  return listings;
}
