import type { ConversationThread } from "@hostaway-mcp/domain-models";
import { type Clock, createHostawayClient, type HostawayClient } from "@hostaway-mcp/hostaway-client";
import { type Sandbox, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getConversationHistory, searchMessages } from "../src/index.js";

/**
 * Issue 11's freshness rules, through the real client against the sandbox while its data changes. Every test runs
 * with the read cache on and off and must pass both ways; only the request counts differ (asserted per mode).
 * Client and sandbox share one manual clock, so "15 s later" takes no time.
 */

const FRESH_MS = 15_000;

function manualClock(start = Date.parse("2026-11-21T09:00:00Z")) {
  let now = start;
  const clock: Clock & { advance(ms: number): void } = {
    now: () => now,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      now += ms;
    },
    advance: (ms) => {
      now += ms;
    },
  };
  return clock;
}

/** A thread without its `as_of`: what must be equal whether the cache is on or off. */
const content = ({ as_of: _asOf, ...rest }: ConversationThread) => rest;

describe.each([
  ["on", true],
  ["off", false],
])("with the read cache %s", (_mode, cacheOn) => {
  let sandbox: Sandbox;
  let client: HostawayClient;
  const clock = manualClock();
  const upstream = () => sandbox.stats().total;

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimits: false, now: () => clock.now() });
  });
  beforeEach(async () => {
    client?.close();
    client = createHostawayClient({
      ...sandbox.credentials,
      baseUrl: sandbox.url,
      tokenActivationDelayMs: 0,
      rateLimit: { ip: 0, account: 0 },
      clock,
      cache: cacheOn ? { freshMs: FRESH_MS } : false,
    });
    await client.authenticate();
    clock.advance(60_000); // each test's edits are newer than the last test's reads
    sandbox.resetStats();
  });
  afterAll(async () => {
    client?.close();
    await sandbox?.close();
  });

  it("pages a 250-message thread in pages of 60: one whole timeline, ≤ 4 requests with the cache", async () => {
    const bookingId = sandbox.fixtures.bookings.twoHundredFiftyMessages;
    const pages: ConversationThread[] = [];
    for (let offset = 0; offset < 300; offset += 60) {
      pages.push(await getConversationHistory(client, bookingId, { limit: 60, offset }));
      clock.advance(1000);
    }
    const whole = await getConversationHistory(client, bookingId, { limit: 1000 });
    expect(pages.flatMap((page) => page.messages)).toEqual(whole.messages);
    expect(whole.total_count).toBe(250);
    expect(pages.map((page) => page.has_more)).toEqual([true, true, true, true, false]);
    // Without a cache each of the 6 calls reads the conversation list and the 3 message pages.
    expect(upstream()).toBe(cacheOn ? 4 : 24);
  });

  it("asked again within 15 s costs nothing; after 15 s, one conversation-list read when nothing changed", async () => {
    const bookingId = sandbox.fixtures.bookings.twoHundredFiftyMessages;
    const first = await getConversationHistory(client, bookingId, { limit: 60 });
    const afterFirst = upstream();
    clock.advance(FRESH_MS - 1);
    const again = await getConversationHistory(client, bookingId, { limit: 60 });
    expect(content(again)).toEqual(content(first));
    expect(upstream() - afterFirst).toBe(cacheOn ? 0 : 4);

    clock.advance(2);
    const later = await getConversationHistory(client, bookingId, { limit: 60 });
    expect(content(later)).toEqual(content(first));
    expect(upstream() - afterFirst).toBe(cacheOn ? 1 : 8);
    // The pages were proven current by that list read: the answer is as fresh as the list.
    expect(Date.parse(later.as_of)).toBe(clock.now());
  });

  it("shows a message added upstream at once after the webhook's expiry", async () => {
    const bookingId = sandbox.fixtures.bookings.twoConversations;
    const before = await getConversationHistory(client, bookingId, { limit: 1000 });
    const added = sandbox.addMessage({ reservationId: bookingId, body: "Is early check-in possible?" });
    // What the webhook receiver does on `message.received` (its own tests deliver real events).
    await client.invalidate({ conversationId: added.conversationId, bookingId });

    const after = await getConversationHistory(client, bookingId, { limit: 1000 });
    expect(after.total_count).toBe(before.total_count + 1);
    expect(after.messages.at(-1)).toMatchObject({ id: added.id, content: "Is early check-in possible?" });
  });

  it("shows a message added upstream within the fresh window plus one revalidation, without a webhook", async () => {
    const bookingId = sandbox.fixtures.bookings.hundredMessages;
    const before = await getConversationHistory(client, bookingId, { limit: 1000 });
    clock.advance(1000);
    const added = sandbox.addMessage({ reservationId: bookingId, body: "We land at 9 pm." });

    const soon = await getConversationHistory(client, bookingId, { limit: 1000 });
    // Within the window the cache may answer from before the message, and says how old its answer is.
    if (!soon.messages.some((message) => message.id === added.id)) {
      expect(cacheOn).toBe(true);
      expect(soon.as_of).toBe(before.as_of);
    }

    clock.advance(FRESH_MS);
    const afterWindow = await getConversationHistory(client, bookingId, { limit: 1000 });
    expect(afterWindow.messages.at(-1)).toMatchObject({ id: added.id, content: "We land at 9 pm." });
    expect(afterWindow.total_count).toBe(before.total_count + 1);
    expect(Date.parse(afterWindow.as_of)).toBe(clock.now());
  });

  it("sees a reservation edit in a search once its list is no longer fresh, and at once after an expiry", async () => {
    const bookingId = sandbox.fixtures.bookings.sharedSurnameA;
    const reservation = sandbox.data.reservations.find((candidate) => candidate.id === bookingId);
    const guestName = String(reservation?.guestName);
    const surname = guestName.split(" ").at(-1) as string;
    const found = await searchMessages(client, { guest_name: surname });
    expect(found.successful_results.map((thread) => thread.booking_id)).toContain(bookingId);

    sandbox.updateReservation(bookingId, {
      guestName: "Zoë Renamed",
      guestFirstName: "Zoë",
      guestLastName: "Renamed",
    });
    await client.invalidate({ bookingId, reservationLists: true });
    const renamed = await searchMessages(client, { guest_name: "Renamed" });
    expect(renamed.successful_results.map((thread) => thread.booking_id)).toEqual([bookingId]);
    expect(renamed.successful_results[0]?.guest_name).toBe("Zoë Renamed");
  });
});

describe("the cache on and off", () => {
  let sandbox: Sandbox;
  const clients: HostawayClient[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimits: false });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await sandbox?.close();
  });

  it("give the same answers to the same questions (as_of aside)", async () => {
    const [on, off] = [{}, false as const].map((cache) => {
      const client = createHostawayClient({
        ...sandbox.credentials,
        baseUrl: sandbox.url,
        tokenActivationDelayMs: 0,
        rateLimit: { ip: 0, account: 0 },
        cache,
      });
      clients.push(client);
      return client;
    }) as [HostawayClient, HostawayClient];
    const { bookings } = sandbox.fixtures;
    for (const bookingId of [bookings.twoConversations, bookings.emoji, bookings.hundredMessages]) {
      for (const client of [on, on]) {
        const withCache = await getConversationHistory(client, bookingId, { limit: 40, offset: 20 });
        const without = await getConversationHistory(off, bookingId, { limit: 40, offset: 20 });
        expect(content(withCache)).toEqual(content(without));
      }
    }
    const search = async (client: HostawayClient) =>
      (await searchMessages(client, { guest_name: "a" })).successful_results.map(content);
    expect(await search(on)).toEqual(await search(off));
    expect(await search(on)).toEqual(await search(off));
  });
});
