import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, type SandboxReservation, startSandbox } from "../src/index.js";
import { SandboxClient } from "./support/sandbox-client.js";

let sandbox: Sandbox;
let client: SandboxClient;

beforeAll(async () => {
  sandbox = await startSandbox({ rateLimits: false });
  client = new SandboxClient(sandbox);
  await client.authenticate();
});
afterAll(() => sandbox.close());

async function ids(query: string): Promise<number[]> {
  const response = await client.get(`/reservations?${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body.result as SandboxReservation[]).map((r) => r.id);
}

async function all(query: string): Promise<SandboxReservation[]> {
  const items: SandboxReservation[] = [];
  for (let offset = 0; ; offset += 100) {
    const response = await client.get(`/reservations?limit=100&offset=${offset}&${query}`);
    items.push(...response.body.result);
    if (response.body.result.length < 100) return items;
  }
}

const isSorted = <T>(values: T[], compare: (a: T, b: T) => number) =>
  values.every((value, i) => i === 0 || compare(values[i - 1] as T, value) <= 0);

describe("GET /v1/reservations", () => {
  it("caps the page at 100 and reports the total in count (docs/architecture.md)", async () => {
    const response = await client.get("/reservations?limit=500");
    expect(response.body.limit).toBe(100);
    expect(response.body.result).toHaveLength(100);
    expect(response.body.count).toBe(sandbox.data.reservations.length);
    expect(response.body.totalPages).toBe(Math.ceil(sandbox.data.reservations.length / 100));
  });

  it("defaults to updatedOn DESC, id DESC", async () => {
    const items = await all("");
    expect(items).toHaveLength(sandbox.data.reservations.length);
    expect(isSorted(items, (a, b) => b.updatedOn.localeCompare(a.updatedOn) || b.id - a.id)).toBe(true);
  });

  it.each([
    ["arrivalDate", (r: SandboxReservation) => r.arrivalDate, false],
    ["arrivalDateDesc", (r: SandboxReservation) => r.arrivalDate, true],
    ["latestActivity", (r: SandboxReservation) => r.latestActivityOn, false],
    ["latestActivityDesc", (r: SandboxReservation) => r.latestActivityOn, true],
    ["updatedOn", (r: SandboxReservation) => r.updatedOn, false],
  ] as const)("sorts by %s", async (order, key, descending) => {
    const items = await all(`sortOrder=${order}`);
    const direction = descending ? -1 : 1;
    expect(isSorted(items, (a, b) => (key(a).localeCompare(key(b)) || a.id - b.id) * direction)).toBe(true);
  });

  it.each([
    ["lastConversationMessageSent", "messageSentOn", false],
    ["lastConversationMessageSentDesc", "messageSentOn", true],
    ["lastConversationMessageReceived", "messageReceivedOn", false],
    ["lastConversationMessageReceivedDesc", "messageReceivedOn", true],
  ] as const)("sorts by %s, bookings without such a message last", async (order, field, descending) => {
    const items = await all(`sortOrder=${order}`);
    const lastOf = (r: SandboxReservation) =>
      sandbox.data.conversations
        .filter((c) => c.reservationId === r.id)
        .map((c) => c[field])
        .filter((v): v is string => v !== null)
        .sort()
        .at(-1) ?? null;
    const keys = items.map(lastOf);
    const firstNull = keys.indexOf(null);
    expect(firstNull).toBeGreaterThan(0);
    expect(keys.slice(firstNull).every((k) => k === null)).toBe(true);
    const present = keys.slice(0, firstNull) as string[];
    expect(isSorted(present, (a, b) => a.localeCompare(b) * (descending ? -1 : 1))).toBe(true);
  });

  it("accepts the docs samples' `order=` for sortOrder (REFERENCE.md §10.11)", async () => {
    expect(await ids("order=arrivalDate&limit=20")).toEqual(await ids("sortOrder=arrivalDate&limit=20"));
  });

  it("walks the afterId cursor through the same items as offset paging, in every order", async () => {
    for (const order of ["", "sortOrder=arrivalDate", "sortOrder=latestActivityDesc"]) {
      const byOffset = (await all(order)).map((r) => r.id);
      const byCursor: number[] = [];
      let afterId: number | undefined;
      for (;;) {
        // offset is ignored once afterId is given (REFERENCE.md §6.2).
        const page = await ids(`limit=70&${order}${afterId ? `&afterId=${afterId}&offset=999` : ""}`);
        if (page.length === 0) break;
        byCursor.push(...page);
        afterId = page.at(-1);
        if (afterId === undefined) break;
      }
      expect(byCursor).toEqual(byOffset);
    }
  });

  it("applies afterId with filters, even when the cursor itself is filtered out", async () => {
    const listingId = sandbox.fixtures.listingIds[3] as number;
    const filtered = await ids(`listingId=${listingId}&sortOrder=arrivalDate`);
    const cursor = filtered[1] as number;
    expect(await ids(`listingId=${listingId}&sortOrder=arrivalDate&afterId=${cursor}`)).toEqual(
      filtered.slice(2),
    );
    // A booking of another listing that arrives between the two: the keyset still applies.
    const all = [...sandbox.data.reservations].sort(
      (a, b) => a.arrivalDate.localeCompare(b.arrivalDate) || a.id - b.id,
    );
    const second = all.findIndex((r) => r.id === cursor);
    const outsider = all
      .slice(0, second)
      .reverse()
      .find((r) => r.listingMapId !== listingId);
    expect(outsider).toBeDefined();
    expect(await ids(`listingId=${listingId}&sortOrder=arrivalDate&afterId=${outsider?.id}`)).toEqual(
      filtered.slice(1),
    );
  });

  it("rejects an afterId that names no reservation", async () => {
    const response = await client.get(`/reservations?afterId=${sandbox.fixtures.unknownBookingId}`);
    expect(response.status).toBe(400);
    expect(response.body.result).toMatch(/afterId/);
  });

  it("matches guest names case- and accent-insensitively", async () => {
    const { accentedGuest, similarNameGuest, sharedSurnameA, sharedSurnameB } = sandbox.fixtures.bookings;
    for (const query of ["jose garcia", "JOSÉ GARCÍA", "García", "garcia"]) {
      expect((await ids(`match=${encodeURIComponent(query)}`)).sort()).toEqual(
        [accentedGuest, similarNameGuest].sort(),
      );
    }
    expect(await ids(`match=${encodeURIComponent("Garcia Lopez")}`)).toEqual([similarNameGuest]);
    expect((await ids("match=schmidt")).sort()).toEqual([sharedSurnameA, sharedSurnameB].sort());
    expect(await ids("match=anna%20schmidt")).toEqual([sharedSurnameA]);
    expect(await ids("match=nobody-has-this-name")).toEqual([]);
  });

  it("filters by guestEmail, listingId and channelId", async () => {
    const booking = sandbox.data.reservations.find((r) => r.id === sandbox.fixtures.bookings.accentedGuest);
    expect(await ids(`guestEmail=${encodeURIComponent(String(booking?.guestEmail).toUpperCase())}`)).toEqual([
      booking?.id,
    ]);
    const byListing = await all(`listingId=${booking?.listingMapId}`);
    expect(byListing.length).toBeGreaterThan(1);
    expect(byListing.every((r) => r.listingMapId === booking?.listingMapId)).toBe(true);
    const legacy = await all("channelId=2001");
    expect(legacy.map((r) => r.id)).toEqual([sandbox.fixtures.bookings.airbnbLegacyChannel]);
    expect(legacy[0]?.channelName).toBe("airbnb");
  });

  it("filters by arrival, departure and latest-activity ranges (inclusive)", async () => {
    const arriving = await all("arrivalStartDate=2026-11-20&arrivalEndDate=2026-11-30");
    expect(arriving.length).toBeGreaterThan(0);
    expect(arriving.every((r) => r.arrivalDate >= "2026-11-20" && r.arrivalDate <= "2026-11-30")).toBe(true);
    const expected = sandbox.data.reservations.filter(
      (r) => r.arrivalDate >= "2026-11-20" && r.arrivalDate <= "2026-11-30",
    );
    expect(arriving).toHaveLength(expected.length);
    const leaving = await all("departureStartDate=2026-11-01&departureEndDate=2026-11-01");
    expect(leaving.every((r) => r.departureDate === "2026-11-01")).toBe(true);
    const recent = await all("latestActivityStart=2026-11-13&latestActivityEnd=2026-11-20");
    expect(recent.length).toBeGreaterThan(40);
    expect(
      recent.every(
        (r) => r.latestActivityOn >= "2026-11-13 00:00:00" && r.latestActivityOn <= "2026-11-20 23:59:59",
      ),
    ).toBe(true);
    const sinceNoon = await all(`latestActivityStart=${encodeURIComponent("2026-11-19T12:00:00Z")}`);
    expect(sinceNoon.every((r) => r.latestActivityOn >= "2026-11-19 12:00:00")).toBe(true);
    expect(sinceNoon.length).toBeLessThan(recent.length);
  });

  it("filters by hasUnreadConversationMessages", async () => {
    const unread = await all("hasUnreadConversationMessages=1");
    const read = await all("hasUnreadConversationMessages=0");
    expect(unread.length).toBeGreaterThan(0);
    expect(unread.length + read.length).toBe(sandbox.data.reservations.length);
    for (const r of unread) {
      expect(
        sandbox.data.conversations.some((c) => c.reservationId === r.id && c.hasUnreadMessages === 1),
      ).toBe(true);
    }
  });

  it("answers 400 naming the parameter for bad values", async () => {
    for (const [query, name] of [
      ["limit=-1", "limit"],
      ["limit=ten", "limit"],
      ["sortOrder=guestName", "sortOrder"],
      ["arrivalStartDate=2026-02-30", "arrivalStartDate"],
      ["hasUnreadConversationMessages=maybe", "hasUnreadConversationMessages"],
      ["latestActivityStart=yesterday", "latestActivityStart"],
    ]) {
      const response = await client.get(`/reservations?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body).toMatchObject({ status: "fail" });
      expect(response.body.result).toContain(`"${name}"`);
    }
  });

  it("gates list resources behind includeResources and the policy behind includeCancellationPolicy", async () => {
    const plain = (await client.get("/reservations?limit=1")).body.result[0];
    expect(plain.hostProxyEmail).toBeNull();
    expect(plain.customFieldValues).toEqual([]);
    expect(plain).not.toHaveProperty("cancellationPolicyDetails");
    expect(plain).not.toHaveProperty("remainingBalance");
    const rich = (
      await client.get(
        "/reservations?limit=1&includeResources=1&includeCancellationPolicy=1&includePayments=1",
      )
    ).body.result[0];
    expect(rich.hostProxyEmail).toMatch(/@host\./);
    expect(rich.cancellationPolicyDetails).toMatchObject({ channelId: rich.channelId });
    expect(typeof rich.remainingBalance).toBe("number");
  });
});

describe("GET /v1/reservations/{id}", () => {
  it("includes hostProxyEmail and the cancellation policy", async () => {
    const id = sandbox.fixtures.bookings.hundredMessages;
    const response = await client.get(`/reservations/${id}`);
    expect(response.body.result).toMatchObject({ id, hostawayReservationId: id });
    expect(response.body.result.hostProxyEmail).toMatch(/^c-[0-9a-f]{32}@host\./);
    expect(response.body.result.cancellationPolicyDetails).toBeDefined();
  });

  it("adds the Booking.com extras only with includeResources=1", async () => {
    const booking = sandbox.data.reservations.find((r) => r.channelName === "bookingcom");
    const plain = await client.get(`/reservations/${booking?.id}`);
    expect(plain.body.result).not.toHaveProperty("bookingcomSpecialRequests");
    const rich = await client.get(`/reservations/${booking?.id}?includeResources=1`);
    expect(rich.body.result.bookingcomSpecialRequests).toHaveProperty("geniusFreebies");
    expect(rich.body.result.bookingcomNoShowFeeWaived).toBe(false);
  });

  it("answers 404 for ids that are not numbers", async () => {
    const response = await client.get("/reservations/abc");
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ status: "fail", result: "Reservation abc not found" });
  });
});
