import { describe, expect, it } from "vitest";
import { buildDataset } from "../src/index.js";
import { readExample } from "./support/examples.js";

const anchorMs = Date.parse("2026-11-20T12:00:00Z");
const { data, fixtures } = buildDataset({ accountId: 10450, anchorMs });
const DAY = 86_400_000;
const toMs = (value: string) => Date.parse(`${value.replace(" ", "T")}Z`);

describe("the dataset", () => {
  it("is deterministic: the same seed and anchor give the same data", () => {
    const again = buildDataset({ accountId: 10450, anchorMs });
    expect(again.data).toEqual(data);
    expect(again.fixtures).toEqual(fixtures);
    const other = buildDataset({ accountId: 10450, anchorMs, seed: 7 });
    expect(other.data.reservations.map((r) => r.guestName)).not.toEqual(
      data.reservations.map((r) => r.guestName),
    );
  });

  it("hangs every date off the anchor", () => {
    const later = buildDataset({ accountId: 10450, anchorMs: anchorMs + 10 * DAY });
    const shift = (value: string) => new Date(toMs(value) + 10 * DAY).toISOString().slice(0, 10);
    expect(later.data.reservations.map((r) => r.arrivalDate)).toEqual(
      data.reservations.map((r) => shift(r.arrivalDate)),
    );
    for (const message of data.messages) {
      if (message.status === "sent") expect(toMs(message.insertedOn)).toBeLessThanOrEqual(anchorMs + 3000);
    }
    for (const r of data.reservations) expect(toMs(r.reservationDate)).toBeLessThan(anchorMs);
  });

  it("has at least 30 listings in several cities and countries, some archived", () => {
    expect(data.listings.length).toBeGreaterThanOrEqual(30);
    expect(new Set(data.listings.map((l) => l.city)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(data.listings.map((l) => l.countryCode)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(data.listings.map((l) => l.currencyCode)).size).toBeGreaterThanOrEqual(3);
    expect(data.listings.filter((l) => l.specialStatus === "archived").length).toBeGreaterThan(0);
    const example = readExample("listings.object.json");
    for (const listing of data.listings)
      for (const key of Object.keys(example)) expect(listing).toHaveProperty(key);
  });

  it("has at least 200 reservations across the channels and statuses", () => {
    expect(data.reservations.length).toBeGreaterThanOrEqual(200);
    const channels = new Map(data.reservations.map((r) => [r.channelId, r.channelName]));
    expect(Object.fromEntries(channels)).toMatchObject({
      2000: "direct",
      2002: "homeaway",
      2005: "bookingcom",
      2007: "expedia",
      2013: "bookingengine",
      2018: "airbnbOfficial",
      2001: "airbnb",
    });
    expect(data.reservations.filter((r) => r.channelId === 2001)).toHaveLength(1);
    const statuses = new Set(data.reservations.map((r) => r.status));
    for (const status of [
      "new",
      "modified",
      "cancelled",
      "inquiry",
      "pending",
      "awaitingPayment",
      "ownerStay",
    ]) {
      expect(statuses).toContain(status);
    }
    expect(new Set(data.reservations.map((r) => r.isPaid))).toEqual(new Set([0, 1, null]));
    expect(new Set(data.reservations.map((r) => r.currency)).size).toBeGreaterThanOrEqual(3);
  });

  it("keeps the documented reservation fields", () => {
    const example = readExample("reservations.object.json");
    // Fields that Hostaway returns only on request (REFERENCE.md §8.3) are added by the endpoints.
    const onRequest = new Set([
      "remainingBalance",
      ...Object.keys(example).filter((k) => k.startsWith("bookingcom")),
    ]);
    for (const key of Object.keys(example))
      if (!onRequest.has(key)) expect(data.reservations[0]).toHaveProperty(key);
  });

  it("never double-books a listing's calendar", () => {
    const blocking = new Set([
      "new",
      "modified",
      "awaitingPayment",
      "awaitingGuestVerification",
      "ownerStay",
      "pending",
    ]);
    const byListing = new Map<number, { arrival: string; departure: string }[]>();
    for (const r of data.reservations) {
      if (!blocking.has(r.status)) continue;
      const list = byListing.get(r.listingMapId) ?? [];
      for (const other of list)
        expect(r.arrivalDate >= other.departure || r.departureDate <= other.arrival).toBe(true);
      list.push({ arrival: r.arrivalDate, departure: r.departureDate });
      byListing.set(r.listingMapId, list);
    }
  });

  it("names guests realistically, with accents, and keeps the fixture names unique", () => {
    const names = data.reservations.map((r) => r.guestName);
    expect(names.some((n) => /[À-ž]/.test(n))).toBe(true);
    expect(new Set(names).size).toBeGreaterThan(100);
    expect(names.filter((n) => n.includes("Schmidt")).sort()).toEqual(["Anna Schmidt", "Lukas Schmidt"]);
    expect(names.filter((n) => /^jos[eé] garc[ií]a/i.test(n)).sort()).toEqual([
      "Jose Garcia Lopez",
      "José García",
    ]);
  });

  it("gives a good share of bookings activity in the 30 days before the anchor", () => {
    const recent = data.reservations.filter((r) => toMs(r.latestActivityOn) >= anchorMs - 30 * DAY);
    expect(recent.length / data.reservations.length).toBeGreaterThan(0.25);
    const lastWeek = data.reservations.filter((r) => toMs(r.latestActivityOn) >= anchorMs - 7 * DAY);
    expect(lastWeek.length).toBeGreaterThan(30);
  });

  it("sets latestActivityOn to the newest sent message, else the booking date", () => {
    for (const r of data.reservations) {
      const times = data.messages
        .filter((m) => m.reservationId === r.id && m.status === "sent")
        .map((m) => m.date ?? m.sentChannelDate ?? m.insertedOn)
        .sort();
      expect(r.latestActivityOn).toBe(times.at(-1) ?? r.reservationDate);
    }
  });

  it("uses every communication type, zone-less datetimes and a few messages without date", () => {
    expect(new Set(data.messages.map((m) => m.communicationType))).toEqual(
      new Set(["email", "sms", "whatsapp", "channel"]),
    );
    const datetime = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
    for (const m of data.messages) {
      expect(m.insertedOn).toMatch(datetime);
      if (m.date !== null) expect(m.date).toMatch(datetime);
      if (m.sentChannelDate !== null) expect(m.sentChannelDate).toMatch(datetime);
    }
    const undated = data.messages.filter((m) => m.date === null);
    expect(undated.length).toBeGreaterThan(5);
    expect(undated.length).toBeLessThan(data.messages.length / 10);
    expect(data.messages.some((m) => m.communicationId !== null && m.status === "sent")).toBe(true);
    expect(new Set(data.messages.map((m) => m.id)).size).toBe(data.messages.length);
  });

  it("lists fixture ids that exist, and unknown ids that do not", () => {
    const bookingIds = new Set(data.reservations.map((r) => r.id));
    for (const id of Object.values(fixtures.bookings)) expect(bookingIds.has(id)).toBe(true);
    expect(new Set(Object.values(fixtures.bookings)).size).toBe(Object.values(fixtures.bookings).length);
    expect(bookingIds.has(fixtures.unknownBookingId)).toBe(false);
    expect(data.listings.some((l) => l.id === fixtures.unknownListingId)).toBe(false);
    expect(data.conversations.some((c) => c.id === fixtures.unknownConversationId)).toBe(false);
    expect(data.messages.some((m) => m.id === fixtures.unknownMessageId)).toBe(false);
    expect(fixtures.bookingIds).toEqual([...bookingIds].sort((a, b) => a - b));
    expect(fixtures.listingIds).toEqual(data.listings.map((l) => l.id).sort((a, b) => a - b));
  });
});
