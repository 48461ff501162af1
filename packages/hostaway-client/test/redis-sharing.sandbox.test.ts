// Several processes, one account, one Redis (docs/adr/008): every client here stands for a process of its own
// (nothing is shared between them but Redis), against the sandbox with Hostaway's limits on.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { type Sandbox, startRedisServer, startSandbox, type TestRedis } from "@hostaway-mcp/hostaway-sandbox";
import { Redis } from "ioredis";
import nock from "nock";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { createHostawayClient, type HostawayClient, type HostawayClientOptions } from "../src/index.js";

// Hostaway's limits on a window scaled from 10 s down to 1 s, on both sides (the SIGKILL case uses the real 10 s).
const limits = { ip: 15, account: 20, windowMs: 1000 };

let redis: TestRedis;
let sandbox: Sandbox;
const clients: HostawayClient[] = [];

beforeAll(async () => {
  nock.enableNetConnect("127.0.0.1");
  redis = await startRedisServer();
  sandbox = await startSandbox({ rateLimits: limits });
}, 20_000);
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  if (!redis.running()) await redis.restart();
  // The sandbox still counts the last test's requests for one window; Redis starts empty: let them age out.
  await new Promise((resolve) => setTimeout(resolve, limits.windowMs * 1.2));
  const cleaner = new Redis(redis.url);
  await cleaner.flushall().catch(() => undefined);
  cleaner.disconnect();
});
afterAll(async () => {
  await sandbox?.close();
  await redis?.stop();
});

function processClient(options: Partial<HostawayClientOptions> = {}): HostawayClient {
  const client = createHostawayClient({
    ...sandbox.credentials,
    baseUrl: sandbox.url,
    rateLimit: limits,
    tokenActivationDelayMs: 0,
    cache: false,
    redis: { url: redis.url, egressId: "test-host", replicas: 3 },
    ...options,
  });
  clients.push(client);
  return client;
}

async function untilShared(client: HostawayClient): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (client.sharing().mode !== "shared") {
    if (Date.now() > deadline) throw new Error("never shared");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Distinct reservations, spread over the clients round-robin: no two requests are the same. */
function spreadReads(group: HostawayClient[], ids: number[]) {
  return Promise.allSettled(ids.map((id, index) => group[index % group.length]?.reservations.get(id)));
}

it("three processes keep one set of windows and one token, and one more token after an expiry", async () => {
  const group = [processClient(), processClient(), processClient()];
  await Promise.all(group.map(untilShared));
  sandbox.resetStats();
  const ids = sandbox.fixtures.bookingIds;
  const first = await spreadReads(group, ids.slice(0, 60));
  expect(first.filter((result) => result.status === "rejected")).toEqual([]);
  expect(sandbox.stats()).toMatchObject({ rateLimited: 0, tokenRequests: 1 });
  expect(sandbox.stats().maxInAnyWindow.ip).toBeLessThanOrEqual(limits.ip);

  sandbox.expireAllTokens();
  const second = await spreadReads(group, ids.slice(60, 90));
  expect(second.filter((result) => result.status === "rejected")).toEqual([]);
  const stats = sandbox.stats();
  // One token request for the group at the start, exactly one more after the expiry (a 403 seen by one process
  // forgets the token for all, once; the refresh lock lets one of them ask).
  expect(stats.tokenRequests).toBe(2);
  expect(stats.rateLimited).toBe(0);
  expect(stats.maxInAnyWindow.ip).toBeLessThanOrEqual(limits.ip);
  expect(stats.maxInAnyWindow.account).toBeLessThanOrEqual(limits.account);
  expect(group.map((client) => client.sharing().mode)).toEqual(["shared", "shared", "shared"]);
}, 60_000);

it("keeps answering on conservative local limits while Redis is down, and shares again once it is back", async () => {
  const group = [processClient(), processClient()];
  await Promise.all(group.map(untilShared));
  const ids = sandbox.fixtures.bookingIds;
  sandbox.resetStats();
  expect((await spreadReads(group, ids.slice(100, 120))).every((r) => r.status === "fulfilled")).toBe(true);

  await redis.kill();
  const during = await spreadReads(group, ids.slice(120, 150));
  // Every request still ends in a correct answer: none is lost, none storms into 429s.
  expect(during.filter((result) => result.status === "rejected")).toEqual([]);
  expect(group.map((client) => client.sharing().mode)).toEqual(["local", "local"]);
  let stats = sandbox.stats();
  expect(stats.rateLimited).toBe(0);
  expect(stats.maxInAnyWindow.ip).toBeLessThanOrEqual(limits.ip);

  await redis.restart();
  await Promise.all(group.map(untilShared));
  const after = await spreadReads(group, ids.slice(150, 170));
  expect(after.filter((result) => result.status === "rejected")).toEqual([]);
  stats = sandbox.stats();
  expect(stats.rateLimited).toBe(0);
  expect(stats.maxInAnyWindow.ip).toBeLessThanOrEqual(limits.ip);
  // Shared again: the requests are in Redis's log.
  const probe = new Redis(redis.url);
  expect(await probe.zcard("hostaway:window:ip:test-host")).toBeGreaterThan(0);
  probe.disconnect();
}, 60_000);

it("holds the background share for the whole account, however many processes warm", async () => {
  // 25 % of the account's 20 per window is 5 background requests per window — for the account, not per process.
  const group = [processClient(), processClient(), processClient()];
  await Promise.all(group.map(untilShared));
  await Promise.all(group.map((client) => client.authenticate()));
  sandbox.resetStats();
  const ids = sandbox.fixtures.bookingIds.slice(200, 230);
  const reads = await Promise.allSettled(
    ids.map((id, index) => group[index % group.length]?.reservations.get(id, { background: true })),
  );
  expect(reads.filter((result) => result.status === "rejected")).toEqual([]);
  const stats = sandbox.stats();
  expect(stats.total).toBe(30);
  // Three processes with a window of 5 each would send up to 15; the shared background log holds them to 5.
  expect(stats.maxInAnyWindow.account).toBeLessThanOrEqual(5);
  expect(stats.maxInAnyWindow.account).toBeGreaterThanOrEqual(4);
}, 60_000);

it("pauses warming while Redis is away, and still answers interactive requests", async () => {
  const [client] = [processClient()];
  await untilShared(client as HostawayClient);
  await client?.authenticate();
  await redis.kill();
  sandbox.resetStats();
  const [warming, interactive] = await Promise.allSettled([
    client?.reservations.get(sandbox.fixtures.bookingIds[240] as number, {
      background: true,
      signal: AbortSignal.timeout(2 * limits.windowMs + 500),
    }),
    client?.reservations.get(sandbox.fixtures.bookingIds[241] as number),
  ]);
  expect(interactive?.status).toBe("fulfilled");
  // The warming read never went out: without Redis the account-wide background log cannot be kept.
  expect(warming?.status).toBe("rejected");
  expect(sandbox.stats().byRoute["GET /v1/reservations/:id"]).toBe(1);
}, 30_000);

it("gives a killed process's slots back to the others within one window (10 s)", async () => {
  const windowMs = 10_000;
  const dist = fileURLToPath(new URL("../dist/index.js", import.meta.url));
  // The dying process: a client of its own whose 15 requests go to a Hostaway that never answers, so each holds
  // a slot of the shared IP window when it is killed (its token comes from that fake, kept in its own memory).
  const child = spawn(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `
      import http from "node:http";
      import { createHostawayClient, createMemoryTokenStore } from ${JSON.stringify(dist)};
      const server = http.createServer((req, res) => {
        if (req.url === "/v1/accessTokens") {
          res.setHeader("content-type", "application/json");
          res.end(JSON.stringify({ token_type: "Bearer", expires_in: 3600, access_token: "held" }));
        }
      });
      server.listen(0, "127.0.0.1", () => {
        const client = createHostawayClient({
          accountId: ${JSON.stringify(String(sandbox.credentials.accountId))}, secretKey: "x",
          baseUrl: "http://127.0.0.1:" + server.address().port + "/v1",
          tokenActivationDelayMs: 0, tokenStore: createMemoryTokenStore(), cache: false, timeoutMs: 60000,
          deadlineMs: 60000, redis: { url: ${JSON.stringify(redis.url)}, egressId: "test-host" },
        });
        for (let id = 1; id <= 15; id++) client.reservations.get(id).catch(() => {});
      });
      `,
    ],
    { stdio: "ignore" },
  );
  const probe = new Redis(redis.url);
  try {
    const key = "hostaway:window:ip:test-host";
    const deadline = Date.now() + 15_000;
    while ((await probe.zcard(key)) < 15) {
      if (Date.now() > deadline) throw new Error("the child never filled the window");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const exited = once(child, "exit");
    child.kill("SIGKILL");
    await exited;
    const killedAt = performance.now();
    // Nothing leaks: every key expires by itself.
    expect(await probe.pttl(key)).toBeGreaterThan(0);
    expect(await probe.pttl(key)).toBeLessThanOrEqual(2 * (windowMs + windowMs / 100));

    sandbox.setRateLimits({ ip: 15, account: 20, windowMs });
    sandbox.resetStats();
    const waits: number[] = [];
    const survivor = processClient({
      rateLimit: { ip: 15, account: 20, windowMs },
      observer: { upstreamRequest: (event) => waits.push(event.waitMs) },
    });
    await untilShared(survivor);
    const ids = sandbox.fixtures.bookingIds.slice(200, 214);
    const results = await Promise.allSettled(ids.map((id) => survivor.reservations.get(id)));
    const tookMs = performance.now() - killedAt;
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    // The full window (the token request and 14 reads) within one window of the kill, and not one 429.
    expect(sandbox.stats()).toMatchObject({ total: 15, rateLimited: 0 });
    expect(tookMs).toBeLessThan(windowMs + 1500);
    // And the dead process's slots were honoured until they aged out: the survivor did wait for the window.
    expect(Math.max(...waits)).toBeGreaterThan(windowMs / 2);
  } finally {
    probe.disconnect();
    if (child.exitCode === null) child.kill("SIGKILL");
    sandbox.setRateLimits(limits);
  }
}, 60_000);

it("shares the read cache: what one process read the others reuse, and an invalidation by one expires it for all", async () => {
  const [reader, other] = [processClient({ cache: {} }), processClient({ cache: {} })];
  await Promise.all([untilShared(reader), untilShared(other)]);
  const listingId = sandbox.fixtures.listingIds[0] as number;
  sandbox.resetStats();
  const first = await reader.listings.get(listingId);
  expect(sandbox.stats().byRoute["GET /v1/listings/:id"]).toBe(1);
  // The other process finds it in Redis: no upstream read.
  expect(await other.listings.get(listingId)).toEqual(first);
  expect(sandbox.stats().byRoute["GET /v1/listings/:id"]).toBe(1);
  // A webhook (or a write) seen by one process expires the entry for every process.
  await reader.invalidate({ listingId });
  await other.listings.get(listingId);
  expect(sandbox.stats().byRoute["GET /v1/listings/:id"]).toBe(2);
});
