import {
  ConversationThreadSchema,
  type Message,
  partialFailureResponseSchema,
  toIsoUtc,
} from "@hostaway-mcp/domain-models";
import {
  createHostawayClient,
  type HostawayClient,
  type HostawayClientOptions,
  HostawayNotFoundError,
} from "@hostaway-mcp/hostaway-client";
import { type Sandbox, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { getConversationHistory, type MessageSource, searchMessages } from "../src/index.js";

/**
 * The package against the sandbox through the real client: the fixtures named in docs/architecture.md, request
 * counts from `sandbox.stats()`, and faults injected on the wire. Limits are off on both sides (rate limiting is
 * the client's business and is tested there); retries are off so an injected fault reaches the search as one
 * failure.
 */

let sandbox: Sandbox;
const clients: HostawayClient[] = [];

function freshClient(options: Partial<HostawayClientOptions> = {}): HostawayClient {
  const client = createHostawayClient({
    ...sandbox.credentials,
    baseUrl: sandbox.url,
    tokenActivationDelayMs: 0,
    // The client's own windows would make the date-range walk take a minute; they are the client's to test.
    rateLimit: { ip: 0, account: 0 },
    retry: { maxAttempts: 1 },
    ...options,
  });
  clients.push(client);
  return client;
}

const ResponseSchema = partialFailureResponseSchema(ConversationThreadSchema);
const ids = (messages: readonly Message[]) => messages.map((message) => message.id);

beforeAll(async () => {
  sandbox = await startSandbox({ rateLimits: false });
});

afterEach(() => {
  sandbox.clearFaults();
});

afterAll(async () => {
  for (const client of clients) client.close();
  await sandbox?.close();
});

/** The sandbox's own sent messages of a booking, oldest first: what a correct timeline must hold. */
function expectedMessageIds(bookingId: number, includeScheduled = false): number[] {
  return sandbox.data.messages
    .filter(
      (message) => message.reservationId === bookingId && (includeScheduled || message.status === "sent"),
    )
    .map((message) => ({ id: message.id, time: Date.parse(toIsoUtc(timeOf(message)) ?? "") }))
    .sort((a, b) => a.time - b.time || a.id - b.id)
    .map((message) => message.id);
}

function timeOf(message: {
  date: string | null;
  sentChannelDate: string | null;
  insertedOn: string;
}): string {
  return message.date ?? message.sentChannelDate ?? message.insertedOn;
}

describe("a HostawayClient is a MessageSource", () => {
  it("satisfies the interface structurally", () => {
    expectTypeOf<HostawayClient>().toExtend<MessageSource>();
    const source: MessageSource = freshClient();
    expect(typeof source.conversations.messages).toBe("function");
  });
});

describe("getConversationHistory against the sandbox", () => {
  it("reads a booking with one 100-message conversation in at most 3 upstream requests, token included", async () => {
    const client = freshClient();
    sandbox.resetStats();
    const thread = await getConversationHistory(client, sandbox.fixtures.bookings.hundredMessages, {
      limit: 100,
    });
    const stats = sandbox.stats();
    expect(thread.total_count).toBe(100);
    expect(thread.messages).toHaveLength(100);
    expect(stats.total).toBeLessThanOrEqual(3);
    expect(stats.tokenRequests).toBe(1);
    expect(stats.byRoute["GET /v1/reservations/:id"] ?? 0).toBe(0);
  });

  it("pages the 250-message thread (limit 60) with no gap and no duplicate", async () => {
    const client = freshClient();
    const bookingId = sandbox.fixtures.bookings.twoHundredFiftyMessages;
    const seen: number[] = [];
    const offsets: number[] = [];
    for (let offset = 0; ; ) {
      const page = await getConversationHistory(client, bookingId, { limit: 60, offset });
      expect(ConversationThreadSchema.parse(page)).toEqual(page);
      expect(page.total_count).toBe(250);
      offsets.push(offset);
      seen.push(...ids(page.messages));
      if (!page.has_more) break;
      offset += page.messages.length;
    }
    expect(offsets).toEqual([0, 60, 120, 180, 240]);
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
    expect(seen).toEqual(expectedMessageIds(bookingId));
  });

  it("merges a booking's two conversations in time order", async () => {
    const bookingId = sandbox.fixtures.bookings.twoConversations;
    const thread = await getConversationHistory(freshClient(), bookingId, { limit: 1000 });
    expect(thread.conversation_ids).toHaveLength(2);
    expect(ids(thread.messages)).toEqual(expectedMessageIds(bookingId));
    const fromConversation = thread.messages.map((message) => message.conversation_id);
    const switches = fromConversation.filter((id, index) => index > 0 && id !== fromConversation[index - 1]);
    expect(switches.length).toBeGreaterThan(1);
    expect(new Set(fromConversation)).toEqual(new Set(thread.conversation_ids));
  });

  it("gives the booking context an agent needs", async () => {
    const bookingId = sandbox.fixtures.bookings.accentedGuest;
    const reservation = sandbox.data.reservations.find((candidate) => candidate.id === bookingId);
    const thread = await getConversationHistory(freshClient(), bookingId);
    expect(thread).toMatchObject({
      booking_id: bookingId,
      guest_name: "José García",
      listing_id: reservation?.listingMapId,
      arrival_date: reservation?.arrivalDate,
      departure_date: reservation?.departureDate,
      channel_name: reservation?.channelName,
    });
    expect(thread.listing_name).toEqual(expect.any(String));
    const json = JSON.stringify(thread);
    if (reservation?.guestEmail) expect(json).not.toContain(reservation.guestEmail);
    if (reservation?.phone) expect(json).not.toContain(reservation.phone);
  });

  it("returns an empty thread for a booking without messages", async () => {
    const thread = await getConversationHistory(freshClient(), sandbox.fixtures.bookings.noMessages);
    expect(thread).toMatchObject({ total_count: 0, messages: [], conversation_ids: [], has_more: false });
    expect(thread.guest_name).toEqual(expect.any(String));
  });

  it("throws the client's not-found error for an unknown booking", async () => {
    await expect(
      getConversationHistory(freshClient(), sandbox.fixtures.unknownBookingId),
    ).rejects.toBeInstanceOf(HostawayNotFoundError);
  });

  it("returns sent messages only, unless scheduled ones are asked for", async () => {
    const bookingId = sandbox.fixtures.bookings.scheduledAndFailed;
    const client = freshClient();
    const sent = await getConversationHistory(client, bookingId, { limit: 1000 });
    expect(ids(sent.messages)).toEqual(expectedMessageIds(bookingId));
    expect(
      sent.messages.every((message) => ["sent", "delivered", "read"].includes(message.delivery_status)),
    ).toBe(true);
    const all = await getConversationHistory(client, bookingId, { limit: 1000, includeScheduled: true });
    expect(ids(all.messages)).toEqual(expectedMessageIds(bookingId, true));
    const statuses = new Set(all.messages.map((message) => message.delivery_status));
    for (const status of ["scheduled", "failed", "cancelled"]) expect(statuses).toContain(status);
    expect(all.messages.some((message) => message.sender_type === "system")).toBe(true);
  });

  it("keeps emoji and non-Latin text exactly as sent", async () => {
    const bookingId = sandbox.fixtures.bookings.emoji;
    const thread = await getConversationHistory(freshClient(), bookingId, { limit: 1000 });
    const bodies = new Map(sandbox.data.messages.map((message) => [message.id, message.body]));
    expect(thread.messages.length).toBeGreaterThan(0);
    for (const message of thread.messages) expect(message.content).toBe(bodies.get(message.id));
    expect(thread.messages.some((message) => /\p{Extended_Pictographic}/u.test(message.content))).toBe(true);
  });

  it("tells the channels of one booking apart, naming the platform", async () => {
    const thread = await getConversationHistory(freshClient(), sandbox.fixtures.bookings.allChannels, {
      limit: 1000,
    });
    expect([...thread.channels_used].sort()).toEqual(["email", "platform", "sms", "whatsapp"]);
    const platform = thread.messages.find((message) => message.channel === "platform");
    expect(platform?.platform).toEqual(expect.any(String));
  });
});

describe("searchMessages against the sandbox", () => {
  it('finds "José García" (and the similar "Jose Garcia Lopez") for "jose"', async () => {
    const result = await searchMessages(freshClient(), { guest_name: "jose" });
    expect(ResponseSchema.parse(result)).toEqual(result);
    const found = result.successful_results.map((thread) => thread.booking_id);
    expect(found).toContain(sandbox.fixtures.bookings.accentedGuest);
    expect(found).toContain(sandbox.fixtures.bookings.similarNameGuest);
    const jose = result.successful_results.find(
      (thread) => thread.booking_id === sandbox.fixtures.bookings.accentedGuest,
    );
    expect(jose?.guest_name).toBe("José García");
  });

  it("gives the two Schmidt guests two threads with distinct context", async () => {
    const { sharedSurnameA, sharedSurnameB } = sandbox.fixtures.bookings;
    const result = await searchMessages(freshClient(), { guest_name: "Schmidt", limit: 1000 });
    const a = result.successful_results.find((thread) => thread.booking_id === sharedSurnameA);
    const b = result.successful_results.find((thread) => thread.booking_id === sharedSurnameB);
    expect(a?.guest_name).toBe("Anna Schmidt");
    expect(b?.guest_name).toBe("Lukas Schmidt");
    expect(a?.messages.length).toBeGreaterThan(0);
    expect(b?.messages.length).toBeGreaterThan(0);
    expect(a?.messages.every((message) => message.booking_id === sharedSurnameA)).toBe(true);
    expect(b?.messages.every((message) => message.booking_id === sharedSurnameB)).toBe(true);
    expect(ids(a?.messages ?? [])).toEqual(expectedMessageIds(sharedSurnameA));
  });

  it("finds exactly the messages of a date range, without reading every booking", async () => {
    const client = freshClient();
    // A day holding at least one fixture message, a few days before the anchor.
    const day = new Date(Date.parse(sandbox.data.anchorDate) - 3 * 86_400_000).toISOString().slice(0, 10);
    sandbox.resetStats();
    const result = await searchMessages(
      client,
      { start_date: day, end_date: day, limit: 1000 },
      { maxBookings: 200 },
    );
    const expected = sandbox.data.messages
      .filter((message) => message.status === "sent" && (toIsoUtc(timeOf(message)) ?? "").startsWith(day))
      .map((message) => message.id)
      .sort((a, b) => a - b);
    const found = result.successful_results.flatMap((thread) => ids(thread.messages)).sort((a, b) => a - b);
    expect(result.failed_items).toEqual([]);
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(expected);
    const stats = sandbox.stats();
    const read = stats.byRoute["GET /v1/conversations"] ?? 0;
    expect(read).toBeLessThan(sandbox.data.reservations.length / 2);
  });

  it("reports a bounded walk in the note, counting only real bookings", async () => {
    const result = await searchMessages(
      freshClient(),
      { start_date: "2020-01-01", end_date: "2030-12-31" },
      { maxBookings: 3 },
    );
    expect(ResponseSchema.parse(result)).toEqual(result);
    expect(result.successful_results.length).toBeLessThanOrEqual(3);
    expect(result.failed_items).toEqual([]);
    expect(result.summary.total_attempted).toBe(result.successful_results.length);
    expect(result.note).toMatch(
      /^The search stopped at its bounds\. \d+ of the \d+ bookings that could hold matching messages were not searched \(one search reads at most 3\)/,
    );
    expect(result.note).toContain("narrow the search: a shorter date range");
  });

  it("names the listing of every thread, by guest name, by date range and by booking id", async () => {
    const listingName = (bookingId: number) => {
      const reservation = sandbox.data.reservations.find((candidate) => candidate.id === bookingId);
      return sandbox.data.listings.find((listing) => listing.id === reservation?.listingMapId)?.name;
    };
    const day = new Date(Date.parse(sandbox.data.anchorDate) - 3 * 86_400_000).toISOString().slice(0, 10);
    const client = freshClient();
    const searches = {
      guest_name: await searchMessages(client, { guest_name: "Schmidt" }),
      date_range: await searchMessages(client, { start_date: day, end_date: day }, { maxBookings: 200 }),
      // A booking without any conversation: no embedded reservation names its listing.
      booking_id: await searchMessages(client, { booking_id: sandbox.fixtures.bookings.noMessages }),
    };
    for (const [criterion, result] of Object.entries(searches)) {
      expect(result.successful_results.length, criterion).toBeGreaterThan(0);
      for (const thread of result.successful_results) {
        expect(thread.listing_name, `${criterion}: booking ${thread.booking_id}`).toBe(
          listingName(thread.booking_id),
        );
        expect(thread.listing_name).toEqual(expect.any(String));
      }
    }
  });

  it("reads listing names at most once per search, and only for threads no conversation names", async () => {
    const client = freshClient();
    await client.authenticate();
    const { sharedSurnameA, noMessages, accentedGuest } = sandbox.fixtures.bookings;
    const searchOne = async (bookingId: number) => {
      sandbox.resetStats();
      await searchMessages(client, { booking_id: bookingId });
      return sandbox.stats();
    };
    // Alone, the booking without conversations reads its listing once; the ones with conversations never do.
    const listingReads = (stats: ReturnType<Sandbox["stats"]>) =>
      Object.entries(stats.byRoute)
        .filter(([route]) => route.includes("/v1/listings"))
        .reduce((sum, [, count]) => sum + count, 0);
    const alone = await Promise.all([sharedSurnameA, accentedGuest].map(searchOne));
    expect(alone.map(listingReads)).toEqual([0, 0]);
    expect(listingReads(await searchOne(noMessages))).toBe(1);

    // A 3-thread search: the messages' requests, plus at most one listing read shared by the threads.
    sandbox.resetStats();
    const three = await searchMessages(
      client,
      { start_date: "2020-01-01", end_date: "2030-12-31" },
      { maxBookings: 3 },
    );
    expect(three.successful_results).toHaveLength(3);
    expect(listingReads(sandbox.stats())).toBeLessThanOrEqual(1);
    for (const thread of three.successful_results) expect(thread.listing_name).toEqual(expect.any(String));
  });

  it("reports an unknown booking as not_found", async () => {
    const result = await searchMessages(freshClient(), { booking_id: sandbox.fixtures.unknownBookingId });
    expect(result.failed_items).toEqual([
      expect.objectContaining({
        item_id: String(sandbox.fixtures.unknownBookingId),
        error_type: "not_found",
      }),
    ]);
    expect(result.summary).toEqual({ total_attempted: 1, succeeded: 0, failed: 1, success_rate: 0 });
  });

  it.each([
    ["rate_limit", { kind: "rate_limit", retryAfterSeconds: 120 }],
    ["upstream_error", { kind: "status", status: 500 }],
    ["timeout", { kind: "hang" }],
  ] as const)("classifies a %s on one booking and still returns the other", async (errorType, fault) => {
    const { sharedSurnameA, sharedSurnameB } = sandbox.fixtures.bookings;
    const client = freshClient({ timeoutMs: 300 });
    sandbox.injectFault({
      ...fault,
      method: "GET",
      path: "/v1/conversations",
      match: (request) => (request.url ?? "").includes(`reservationId=${sharedSurnameB}`),
    });
    const result = await searchMessages(client, { guest_name: "Schmidt" });
    expect(ResponseSchema.parse(result)).toEqual(result);
    expect(result.successful_results.map((thread) => thread.booking_id)).toContain(sharedSurnameA);
    expect(result.failed_items).toEqual([
      expect.objectContaining({ item_id: String(sharedSurnameB), error_type: errorType }),
    ]);
    expect(result.failed_items[0]?.remediation).toContain(String(sharedSurnameB));
    expect(result.summary.succeeded + result.summary.failed).toBe(result.summary.total_attempted);
  });
});

describe("the request budget with Hostaway's limits on and 150 ms latency", () => {
  let limited: Sandbox;

  beforeAll(async () => {
    limited = await startSandbox({ latencyMs: 150 });
  });

  afterAll(async () => {
    await limited?.close();
  });

  it("reads the 100-message history in at most 3 requests, none of them refused", async () => {
    // The client's own defaults (limits on), as the bench runs it; only the token wait is skipped.
    const client = createHostawayClient({
      ...limited.credentials,
      baseUrl: limited.url,
      tokenActivationDelayMs: 0,
    });
    clients.push(client);
    const thread = await getConversationHistory(client, limited.fixtures.bookings.hundredMessages, {
      limit: 100,
    });
    expect(thread.total_count).toBe(100);
    const stats = limited.stats();
    expect(stats.total).toBeLessThanOrEqual(3);
    expect(stats.rateLimited).toBe(0);
  });
});
