import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, type SandboxListing, startSandbox } from "../src/index.js";
import { readExample } from "./support/examples.js";
import { SandboxClient } from "./support/sandbox-client.js";

let sandbox: Sandbox;
let client: SandboxClient;

beforeAll(async () => {
  sandbox = await startSandbox({ rateLimits: false });
  client = new SandboxClient(sandbox);
  await client.authenticate();
});
afterAll(() => sandbox.close());

async function listings(query: string): Promise<SandboxListing[]> {
  const response = await client.get(`/listings?${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.result;
}

describe("GET /v1/listings", () => {
  it("returns listings shaped like the documented listing object", async () => {
    const example = readExample("listings.object.json");
    const [listing] = await listings("limit=1");
    for (const key of Object.keys(example)) expect(listing).toHaveProperty(key);
  });

  it("filters by city and country (name or code), case- and accent-insensitively", async () => {
    const munich = await listings("city=m%C3%BCnchen");
    expect(munich.length).toBeGreaterThan(0);
    expect(munich.every((l) => l.city === "München")).toBe(true);
    expect(await listings("city=MUNCHEN")).toEqual(munich);
    const german = await listings("country=DE");
    expect(await listings("country=germany")).toEqual(german);
    expect(german.every((l) => l.countryCode === "DE")).toBe(true);
    expect(german.length).toBeGreaterThan(munich.length);
  });

  it("matches on the listing name", async () => {
    const target = sandbox.data.listings[5] as SandboxListing;
    const word = target.name.split(" ").slice(1, 3).join(" ");
    const found = await listings(`match=${encodeURIComponent(word.toUpperCase())}`);
    expect(found.map((l) => l.id)).toContain(target.id);
    expect(found.every((l) => l.name.toLowerCase().includes(word.toLowerCase()))).toBe(true);
  });

  it.each([
    [
      "name",
      (a: SandboxListing, b: SandboxListing) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }),
    ],
    [
      "nameReversed",
      (a: SandboxListing, b: SandboxListing) => b.name.localeCompare(a.name, "en", { sensitivity: "base" }),
    ],
    ["order", (a: SandboxListing, b: SandboxListing) => a.id - b.id],
    ["orderReversed", (a: SandboxListing, b: SandboxListing) => b.id - a.id],
    [
      "latestActivityDesc",
      (a: SandboxListing, b: SandboxListing) =>
        (b.latestActivityOn ?? "").localeCompare(a.latestActivityOn ?? ""),
    ],
  ] as const)("sorts by %s", async (order, compare) => {
    const sorted = await listings(`sortOrder=${order}`);
    expect(sorted).toHaveLength(sandbox.data.listings.length);
    expect(sorted.every((l, i) => i === 0 || compare(sorted[i - 1] as SandboxListing, l) <= 0)).toBe(true);
  });

  it("includes archived listings, marked with specialStatus", async () => {
    const all = await listings("limit=100");
    const archived = all.filter((l) => l.specialStatus === "archived").map((l) => l.id);
    expect(archived).toEqual(sandbox.fixtures.archivedListingIds);
    expect(archived.length).toBeGreaterThan(0);
  });

  it("searches availability for a stay and a party size", async () => {
    const free = await listings(
      "availabilityDateStart=2026-11-21&availabilityDateEnd=2026-11-24&availabilityGuestNumber=4",
    );
    expect(free.length).toBeGreaterThan(0);
    for (const listing of free) {
      expect(listing.personCapacity).toBeGreaterThanOrEqual(4);
      const days = await client.get(
        `/listings/${listing.id}/calendar?startDate=2026-11-21&endDate=2026-11-23`,
      );
      expect(days.body.result.every((d: { status: string }) => d.status === "available")).toBe(true);
    }
    expect(free.some((l) => l.specialStatus === "archived")).toBe(false);
  });

  it("answers 400 for bad parameters", async () => {
    expect((await client.get("/listings?sortOrder=price")).status).toBe(400);
    expect(
      (await client.get("/listings?availabilityDateStart=2026-11-20&availabilityDateEnd=2026-11-10")).status,
    ).toBe(400);
  });
});

describe("GET /v1/listings/{id}/calendar", () => {
  it("returns documented day objects for an inclusive range", async () => {
    const id = sandbox.fixtures.listingIds[0];
    const response = await client.get(`/listings/${id}/calendar?startDate=2026-11-01&endDate=2026-11-30`);
    expect(response.body.result).toHaveLength(30);
    const example = readExample("calendar.day.object.json");
    for (const key of Object.keys(example)) expect(response.body.result[0]).toHaveProperty(key);
    expect(response.body.result[0].date).toBe("2026-11-01");
    expect(response.body.result[29].date).toBe("2026-11-30");
  });

  it("is consistent with the bookings: reserved nights for confirmed stays, free nights otherwise", async () => {
    const booking = sandbox.data.reservations.find(
      (r) => r.status === "new" && r.nights >= 2 && r.arrivalDate > "2026-11-20",
    );
    expect(booking).toBeDefined();
    const { listingMapId, arrivalDate, departureDate } = booking as NonNullable<typeof booking>;
    const response = await client.get(
      `/listings/${listingMapId}/calendar?startDate=${arrivalDate}&endDate=${departureDate}&includeResources=1`,
    );
    const days = response.body.result as {
      date: string;
      status: string;
      isAvailable: number;
      reservations: { id: number }[];
    }[];
    const nights = days.slice(0, -1);
    expect(nights.every((d) => d.status === "reserved" && d.isAvailable === 0)).toBe(true);
    expect(nights.every((d) => d.reservations[0]?.id === booking?.id)).toBe(true);
    // The departure day is not a night of this stay.
    expect(days.at(-1)?.reservations.some((r) => r.id === booking?.id)).toBe(false);
    const plain = await client.get(
      `/listings/${listingMapId}/calendar?startDate=${arrivalDate}&endDate=${arrivalDate}`,
    );
    expect(plain.body.result[0].reservations).toEqual([]);
  });

  it("marks pending requests as pending and ignores cancelled stays", async () => {
    const pending = sandbox.data.reservations.find((r) => r.status === "pending");
    const day = await client.get(
      `/listings/${pending?.listingMapId}/calendar?startDate=${pending?.arrivalDate}&endDate=${pending?.arrivalDate}`,
    );
    expect(day.body.result[0].status).toBe("pending");
    const cancelled = sandbox.data.reservations.find((r) => r.status === "cancelled");
    const free = await client.get(
      `/listings/${cancelled?.listingMapId}/calendar?startDate=${cancelled?.arrivalDate}&endDate=${cancelled?.arrivalDate}&includeResources=1`,
    );
    expect(free.body.result[0].reservations).toEqual([]);
  });

  it("defaults to 30 days from the anchor and rejects bad ranges", async () => {
    const id = sandbox.fixtures.listingIds[1];
    const response = await client.get(`/listings/${id}/calendar`);
    expect(response.body.result).toHaveLength(30);
    expect(response.body.result[0].date).toBe("2026-11-20");
    expect(
      (await client.get(`/listings/${id}/calendar?startDate=2026-12-01&endDate=2026-11-01`)).status,
    ).toBe(400);
    expect(
      (await client.get(`/listings/${id}/calendar?startDate=2026-01-01&endDate=2029-01-01`)).status,
    ).toBe(400);
    expect((await client.get(`/listings/${sandbox.fixtures.unknownListingId}/calendar`)).status).toBe(404);
  });
});
