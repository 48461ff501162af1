import { expect, test } from "vitest";
import { HostawayListingSchema } from "../hostaway/listing.js";
import { ListingSchema, ListingSummarySchema } from "../wire/listing.js";
import { mapListing, mapListingSummary } from "./map-listing.js";

test("a bare listing maps to a valid Listing full of nulls", () => {
  const mapped = mapListing(HostawayListingSchema.parse({ id: 5 }));
  expect(ListingSchema.parse(mapped)).toMatchObject({
    id: 5,
    name: null,
    amenity_ids: [],
    images: [],
    archived: false,
    instant_bookable: null,
  });
  expect(
    ListingSummarySchema.parse(mapListingSummary(HostawayListingSchema.parse({ id: 5 }))).name,
  ).toBeNull();
});

test("specialStatus archived marks the listing archived", () => {
  const listing = HostawayListingSchema.parse({ id: 5, specialStatus: "archived" });
  expect(mapListing(listing).archived).toBe(true);
  expect(mapListingSummary(listing).archived).toBe(true);
});

test("name falls back on externalListingName", () => {
  const listing = HostawayListingSchema.parse({ id: 5, name: "", externalListingName: "Sea View" });
  expect(mapListingSummary(listing).name).toBe("Sea View");
});

test("images are sorted by sortOrder and need a URL", () => {
  const listing = HostawayListingSchema.parse({
    id: 5,
    listingImages: [
      { url: "https://x/2.jpg", sortOrder: 2, caption: "Two" },
      { url: "", sortOrder: 0 },
      { url: "https://x/1.jpg", sortOrder: 1, caption: "" },
      { url: "https://x/3.jpg" },
    ],
  });
  expect(mapListing(listing).images).toEqual([
    { url: "https://x/1.jpg", caption: null },
    { url: "https://x/2.jpg", caption: "Two" },
    { url: "https://x/3.jpg", caption: null },
  ]);
});

test("out-of-range hours and fractional counts become null rather than invalid output", () => {
  const listing = HostawayListingSchema.parse({
    id: 5,
    checkInTimeStart: 24,
    checkOutTime: -1,
    personCapacity: 2.5,
  });
  const mapped = mapListing(listing);
  expect(mapped).toMatchObject({ check_in_start_hour: null, check_out_hour: null, person_capacity: null });
  expect(ListingSchema.safeParse(mapped).success).toBe(true);
});

test("secrets are never copied, whatever Hostaway sends", () => {
  const listing = HostawayListingSchema.parse({
    id: 5,
    doorSecurityCode: "4321",
    wifiUsername: "net",
    wifiPassword: "hunter2",
    keyPickup: "under the mat",
    specialInstruction: "code 9876",
  });
  const text = JSON.stringify(mapListing(listing));
  for (const secret of ["4321", "hunter2", "under the mat", "9876"]) expect(text).not.toContain(secret);
});
