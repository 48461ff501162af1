import { type Sandbox, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createHostawayClient,
  type HostawayClient,
  type HostawayClientOptions,
  HostawayNotFoundError,
  HostawayTimeoutError,
  HostawayUpstreamError,
  walkReservations,
} from "../src/index.js";
import { virtualClock } from "./helpers.js";

const clients: HostawayClient[] = [];
let sandbox: Sandbox;

/** A client of the sandbox on virtual time (backoff and activation waits are instant) and no client-side limits. */
function sandboxClient(overrides: Partial<HostawayClientOptions> = {}): HostawayClient {
  const client = createHostawayClient({
    ...sandbox.credentials,
    baseUrl: sandbox.url,
    rateLimit: { ip: 0, account: 0 },
    clock: virtualClock(),
    retry: { random: () => 0 },
    cache: false,
    ...overrides,
  });
  clients.push(client);
  return client;
}

beforeAll(async () => {
  nock.enableNetConnect("127.0.0.1");
  sandbox = await startSandbox({ rateLimits: false });
});
afterEach(() => {
  sandbox.clearFaults();
  for (const client of clients.splice(0)) client.close();
});
afterAll(() => sandbox.close());

describe("reading the sandbox", () => {
  it("lists, gets and pages every resource", async () => {
    const client = sandboxClient();
    const { fixtures } = sandbox;

    const listings = await client.listings.list({ limit: 5, sortOrder: "name" });
    expect(listings.items).toHaveLength(5);
    expect(listings.count).toBe(fixtures.listingIds.length);
    const listingId = fixtures.listingIds[0] as number;
    await expect(client.listings.get(listingId)).resolves.toMatchObject({ id: listingId });
    const days = await client.listings.calendar(listingId, {
      startDate: "2026-12-01",
      endDate: "2026-12-07",
    });
    expect(days).toHaveLength(7);

    const bookingId = fixtures.bookings.twoConversations;
    await expect(client.reservations.get(bookingId)).resolves.toMatchObject({ id: bookingId });
    const conversations = await client.reservations.conversations(bookingId);
    expect(conversations).toHaveLength(2);
    const listed = await client.conversations.list({ reservationId: bookingId });
    expect(listed.items.map((c) => c.id).sort()).toEqual(conversations.map((c) => c.id).sort());
    const conversationId = conversations[0]?.id as number;
    await expect(client.conversations.get(conversationId)).resolves.toMatchObject({ id: conversationId });

    const [thread] = await client.reservations.conversations(fixtures.bookings.hundredMessages);
    const messages = await client.conversations.messages(thread?.id as number, { limit: 40, offset: 80 });
    expect(messages.items).toHaveLength(20);
    expect(messages.count).toBe(100);

    const report = await client.finance.consolidated({ fromDate: "2026-10-01", toDate: "2026-12-31" });
    expect(report.columns.length).toBeGreaterThan(0);
    const perListing = await client.finance.listingFinancials({
      fromDate: "2026-10-01",
      toDate: "2026-12-31",
      listingMapIds: [listingId],
    });
    expect(perListing.rows.length).toBeLessThanOrEqual(1);
  });

  it("walks reservations over the afterId cursor up to the cap", async () => {
    const client = sandboxClient();
    const seen: number[] = [];

    const walk = walkReservations(client, {}, { maxPages: 3, pageSize: 50 });
    for await (const page of walk) seen.push(...page.items.map((reservation) => reservation.id));

    expect(seen).toHaveLength(150);
    expect(new Set(seen).size).toBe(150);
    expect(walk.truncated).toBe(true);
    expect(sandbox.stats().byRoute["GET /v1/reservations"]).toBeGreaterThanOrEqual(3);
  });

  it("an unknown id is a not-found error", async () => {
    const client = sandboxClient();

    const error = await client.reservations.get(sandbox.fixtures.unknownBookingId).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(HostawayNotFoundError);
    expect((error as Error).message).toMatch(
      new RegExp(`^GET /reservations/${sandbox.fixtures.unknownBookingId}: not found`),
    );
  });

  it("identical concurrent GETs reach the sandbox once", async () => {
    const client = sandboxClient();
    const listingId = sandbox.fixtures.listingIds[1] as number;
    await client.listings.get(sandbox.fixtures.listingIds[0] as number); // token first
    sandbox.resetStats();

    const results = await Promise.all(Array.from({ length: 10 }, () => client.listings.get(listingId)));

    expect(new Set(results.map((listing) => listing.id))).toEqual(new Set([listingId]));
    expect(sandbox.stats().byRoute["GET /v1/listings/:id"]).toBe(1);
    expect(client.stats().coalesced).toBe(9);
  });
});

describe("faults", () => {
  const path = "/v1/listings/:id";

  it("a hung request times out and is reported as a timeout", async () => {
    const client = sandboxClient({ timeoutMs: 200, retry: { maxAttempts: 1 } });
    sandbox.injectFault({ path, kind: "hang" });

    const error = await client.listings
      .get(sandbox.fixtures.listingIds[0] as number)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(HostawayTimeoutError);
    expect(error).toMatchObject({ errorType: "timeout", sent: true });
  });

  it("a 429, a 503 and a connection reset are each backed off and retried", async () => {
    const client = sandboxClient();
    const id = sandbox.fixtures.listingIds[0] as number;
    for (const kind of ["rate_limit", "status", "reset"] as const) {
      sandbox.injectFault({ path, kind, status: 503, times: 1 });
      await expect(client.listings.get(id)).resolves.toMatchObject({ id });
    }
    expect(client.stats().retries).toBe(3);
  });

  it('`status: "fail"` with HTTP 200 and malformed JSON are retried once, then errors, never data', async () => {
    const client = sandboxClient();
    const id = sandbox.fixtures.listingIds[0] as number;

    sandbox.injectFault({ path, kind: "fail_200", times: 1 });
    await expect(client.listings.get(id)).resolves.toMatchObject({ id });
    sandbox.injectFault({ path, kind: "fail_200", times: 2 });
    await expect(client.listings.get(id)).rejects.toMatchObject({ code: "HOSTAWAY_FAIL_STATUS" });
    sandbox.injectFault({ path, kind: "malformed_json", times: 2 });
    await expect(client.listings.get(id)).rejects.toBeInstanceOf(HostawayUpstreamError);
  });

  it("expired tokens are replaced once, with one token request", async () => {
    const client = sandboxClient();
    const ids = sandbox.fixtures.listingIds.slice(0, 5);
    await client.listings.get(ids[0] as number);
    sandbox.expireAllTokens();

    await Promise.all(ids.map((id) => client.listings.get(id)));

    expect(client.stats().tokenRequests).toBe(2);
  });
});
