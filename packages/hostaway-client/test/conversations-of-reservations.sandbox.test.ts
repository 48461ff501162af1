import { type Sandbox, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import nock from "nock";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHostawayClient, type HostawayClient } from "../src/index.js";
import { virtualClock } from "./helpers.js";

let sandbox: Sandbox;
let client: HostawayClient;
let clock: ReturnType<typeof virtualClock>;

beforeAll(async () => {
  nock.enableNetConnect("127.0.0.1");
  sandbox = await startSandbox({ rateLimits: false });
});
beforeEach(async () => {
  client?.close();
  clock = virtualClock();
  client = createHostawayClient({
    ...sandbox.credentials,
    baseUrl: sandbox.url,
    tokenActivationDelayMs: 0,
    rateLimit: { ip: 0, account: 0 },
    clock,
  });
  await client.authenticate();
  sandbox.resetStats();
});
afterAll(async () => {
  client?.close();
  await sandbox?.close();
});

const withConversations = () => [...new Set(sandbox.data.conversations.map((c) => c.reservationId))];
const conversationPages = () => Math.ceil(sandbox.data.conversations.length / 100);

describe("conversations.ofReservations", () => {
  it("reads the account's conversation list once for many bookings, and each booking's share is right", async () => {
    const ids = withConversations().slice(0, 60);
    const pages = await client.conversations.ofReservations(ids);
    expect(sandbox.stats().byRoute).toEqual({ "GET /v1/conversations": conversationPages() + 1 });
    for (const id of ids) {
      const own = await sandbox.data.conversations.filter((c) => c.reservationId === id).map((c) => c.id);
      expect(
        pages
          .get(id)
          ?.items.map((c) => c.id)
          .sort(),
      ).toEqual(own.sort());
    }
    // Each booking's own list read is now answered from the cache.
    sandbox.resetStats();
    const single = await client.conversations.list({
      reservationId: ids[0] as number,
      limit: 100,
      offset: 0,
    });
    expect(single.items.map((c) => c.id)).toEqual(pages.get(ids[0] as number)?.items.map((c) => c.id));
    expect(sandbox.stats().total).toBe(0);
  });

  it("reads each booking's list when there are fewer bookings than account pages", async () => {
    const ids = withConversations().slice(0, 2);
    await client.conversations.ofReservations(ids);
    expect(sandbox.stats().byRoute).toEqual({ "GET /v1/conversations": 2 });
  });

  it("proves booking lists by a reservation list read later, without reading them again", async () => {
    const ids = withConversations().slice(0, 30);
    await client.conversations.list({ limit: 1 }); // the size read, out of the way
    const walk = await client.reservations.list({ limit: 100, sortOrder: "latestActivityDesc" });
    const listed = new Set(walk.items.map((reservation) => reservation.id));
    const onPage = ids.filter((id) => listed.has(id));
    await client.conversations.ofReservations(onPage);
    clock.advance(60_000); // the lists are a minute old: no longer fresh
    await client.reservations.list({ limit: 100, sortOrder: "latestActivityDesc" });
    sandbox.resetStats();
    await client.conversations.ofReservations(onPage);
    expect(sandbox.stats().total).toBe(0);
  });

  it("leaves a booking whose list fails out of the answer, for the caller's own read", async () => {
    const ids = withConversations().slice(0, 2);
    sandbox.injectFault({
      path: "/v1/conversations",
      kind: "status",
      status: 500,
      match: (req) => (req.url ?? "").includes(`reservationId=${ids[0]}`),
    });
    const once = createHostawayClient({
      ...sandbox.credentials,
      baseUrl: sandbox.url,
      tokenActivationDelayMs: 0,
      rateLimit: { ip: 0, account: 0 },
      retry: { maxAttempts: 1 },
    });
    try {
      const pages = await once.conversations.ofReservations(ids);
      expect([...pages.keys()]).toEqual([ids[1]]);
    } finally {
      once.close();
      sandbox.clearFaults();
    }
  });
});
