import type { AvailabilityCalendar, Listing, ListingSummaryPage } from "@hostaway-mcp/domain-models";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const fold = (text: string) => text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");

describe("hostaway_list_properties", () => {
  it("pages through every listing of the account with the cursor, in Hostaway's order, without gaps", async () => {
    const expectedIds = h.sandbox.data.listings.map((listing) => listing.id).sort((a, b) => a - b);
    const seen: number[] = [];
    let cursor: string | null | undefined;
    let pages = 0;
    do {
      const page = await h.ok<ListingSummaryPage>("hostaway_list_properties", {
        limit: 7,
        ...(cursor ? { cursor } : {}),
      });
      expect(page.total_count).toBe(expectedIds.length);
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.next_cursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(seen).toEqual(expectedIds);
    expect(pages).toBe(Math.ceil(expectedIds.length / 7));
  });

  it("maps each listing's summary from the account's data", async () => {
    const page = await h.ok<ListingSummaryPage>("hostaway_list_properties", {});
    expect(page.items).toHaveLength(20);
    for (const item of page.items) {
      const listing = h.sandbox.data.listings.find((candidate) => candidate.id === item.id);
      expect(listing).toBeDefined();
      expect(item).toMatchObject({
        name: listing?.name,
        city: listing?.city,
        person_capacity: listing?.personCapacity,
        base_price: listing?.price,
        currency: listing?.currencyCode,
        archived: listing?.specialStatus === "archived",
      });
    }
  });

  it("filters by city and by part of the name", async () => {
    const city = h.sandbox.data.listings[0]?.city as string;
    const inCity = await h.ok<ListingSummaryPage>("hostaway_list_properties", { city, limit: 100 });
    const expected = h.sandbox.data.listings
      .filter((listing) => listing.city === city)
      .map((listing) => listing.id);
    expect(inCity.items.map((item) => item.id).sort()).toEqual(expected.sort());
    expect(inCity.next_cursor).toBeNull();

    const word = (h.sandbox.data.listings[3]?.name ?? "").split(" ").at(-1) as string;
    const named = await h.ok<ListingSummaryPage>("hostaway_list_properties", { match: word, limit: 100 });
    expect(named.items.length).toBeGreaterThan(0);
    for (const item of named.items) expect(fold(item.name ?? "")).toContain(fold(word));
  });

  it("refuses a cursor it did not issue, naming the field", async () => {
    const result = await h.call("hostaway_list_properties", { cursor: "not-a-cursor!" });
    expect(result.isError).toBe(true);
    expect(result.content[0]).toMatchObject({ type: "text", text: expect.stringContaining("cursor") });
  });
});

describe("hostaway_get_property_details", () => {
  it("returns the listing's details from the account's data, without access secrets", async () => {
    const listing = h.sandbox.data.listings[2];
    if (!listing) throw new Error("sandbox has no listings");
    const details = await h.ok<Listing>("hostaway_get_property_details", { listing_id: listing.id });
    expect(details).toMatchObject({
      id: listing.id,
      name: listing.name,
      internal_name: listing.internalListingName,
      currency: listing.currencyCode,
      base_price: listing.price,
      min_nights: listing.minNights,
      max_nights: listing.maxNights,
      timezone: listing.timeZoneName,
      address: { city: listing.city, country_code: listing.countryCode },
    });
    const text = JSON.stringify(details);
    for (const secret of ["doorSecurityCode", "door_code", "wifiPassword", "wifi_password"]) {
      expect(text).not.toContain(secret);
    }
    if (typeof listing.wifiPassword === "string" && listing.wifiPassword.length > 0) {
      expect(text).not.toContain(listing.wifiPassword);
    }
  });

  it("answers an unknown listing with a not-found result that points at the list tool", async () => {
    const result = await h.call("hostaway_get_property_details", {
      listing_id: h.sandbox.fixtures.unknownListingId,
    });
    expect(result.isError).toBe(true);
    expect(result.content[0]).toMatchObject({
      text: expect.stringMatching(/^not_found: Listing \d+ does not exist.*hostaway_list_properties/),
    });
  });
});

describe("hostaway_check_availability", () => {
  it("returns every night of the range, and reserved nights are covered by a booking of that listing", async () => {
    const { data } = h.sandbox;
    // The listing with the most bookings, so the range surely holds reserved nights.
    const counts = new Map<number, number>();
    for (const reservation of data.reservations) {
      counts.set(reservation.listingMapId, (counts.get(reservation.listingMapId) ?? 0) + 1);
    }
    const listingId = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] as number;
    const calendar = await h.ok<AvailabilityCalendar>("hostaway_check_availability", {
      listing_id: listingId,
      start_date: "2026-11-01",
      end_date: "2026-12-31",
    });
    expect(calendar.listing_id).toBe(listingId);
    expect(calendar.days).toHaveLength(61);
    expect(calendar.days[0]?.date).toBe("2026-11-01");
    expect(calendar.days.at(-1)?.date).toBe("2026-12-31");
    expect(calendar.available_nights).toBe(calendar.days.filter((day) => day.is_available).length);
    expect(calendar.all_available).toBe(calendar.available_nights === 61);

    const reserved = calendar.days.filter((day) => day.status === "reserved");
    expect(reserved.length).toBeGreaterThan(0);
    for (const day of reserved) {
      const covering = data.reservations.filter(
        (reservation) =>
          reservation.listingMapId === listingId &&
          reservation.arrivalDate <= day.date &&
          day.date < reservation.departureDate,
      );
      expect(covering.length, `a booking covers ${day.date}`).toBeGreaterThan(0);
    }
  });

  it("rejects an end date before the start date, naming end_date", async () => {
    const result = await h.call("hostaway_check_availability", {
      listing_id: h.sandbox.fixtures.listingIds[0],
      start_date: "2026-12-10",
      end_date: "2026-12-01",
    });
    expect(result.isError).toBe(true);
    expect(result.content[0]).toMatchObject({ text: expect.stringContaining("end_date") });
  });
});
