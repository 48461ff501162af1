import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import {
  HOSTAWAY_RATE_LIMITS,
  RATE_LIMIT_BODY,
  type Sandbox,
  type SandboxOptions,
  startSandbox,
} from "../src/index.js";
import { readExample } from "./support/examples.js";
import { SandboxClient } from "./support/sandbox-client.js";

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

/** A manual clock, so sliding-window tests need no waiting. */
function manualClock(start = Date.parse("2026-11-20T12:00:00Z")) {
  const clock = { now: start, read: () => clock.now };
  return clock;
}

async function start(options: SandboxOptions): Promise<SandboxClient> {
  sandbox = await startSandbox(options);
  return new SandboxClient(sandbox);
}

/** A GET from a chosen loopback address, so one test can play several client IPs. */
function getFrom(localAddress: string, url: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { localAddress, headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("429 (REFERENCE.md §4)", () => {
  it("defaults to Hostaway's limits: 15 per IP and 20 per account per 10 s", async () => {
    expect(HOSTAWAY_RATE_LIMITS).toEqual({ ip: 15, account: 20, windowMs: 10_000 });
    const clock = manualClock();
    const client = await start({ now: clock.read });
    await client.authenticate(); // the token request counts: 1
    for (let i = 0; i < 14; i += 1) expect((await client.get("/listings?limit=1")).status).toBe(200);
    const limited = await client.get("/listings?limit=1");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("10");
  });

  it("sends exactly the documented body, with a Retry-After header in seconds", async () => {
    const clock = manualClock();
    const client = await start({ rateLimits: { ip: 2, account: 100, windowMs: 4000 }, now: clock.read });
    await client.authenticate();
    expect((await client.get("/listings?limit=1")).status).toBe(200);
    clock.now += 1500;
    const limited = await client.get("/listings?limit=1");
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual(readExample("error.rateLimit.429.json"));
    expect(limited.body).toEqual(RATE_LIMIT_BODY);
    // The oldest request leaves the window 2.5 s from now.
    expect(limited.headers.get("retry-after")).toBe("3");
  });

  it("leaves the Retry-After header out when retryAfterHeader is false (Hostaway documents none)", async () => {
    const clock = manualClock();
    const client = await start({
      rateLimits: { ip: 1, account: 100, windowMs: 1000 },
      retryAfterHeader: false,
      now: clock.read,
    });
    await client.requestToken({});
    const limited = await client.requestToken({});
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBeNull();
  });

  it("slides: a request is admitted again exactly when the oldest one leaves the window", async () => {
    const clock = manualClock();
    const client = await start({ rateLimits: { ip: 3, account: 100, windowMs: 1000 }, now: clock.read });
    await client.authenticate(); // t=0
    clock.now += 400;
    await client.get("/listings?limit=1"); // t=400
    clock.now += 400;
    await client.get("/listings?limit=1"); // t=800
    clock.now += 199;
    expect((await client.get("/listings?limit=1")).status).toBe(429); // t=999: three in (−1, 999]
    clock.now += 1;
    expect((await client.get("/listings?limit=1")).status).toBe(200); // t=1000: the t=0 request has left
    expect((await client.get("/listings?limit=1")).status).toBe(429); // 400, 800, 1000 fill the window
    clock.now += 400;
    expect((await client.get("/listings?limit=1")).status).toBe(200); // t=1400: the t=400 one has left
    const stats = sandbox?.stats();
    expect(stats?.rateLimited).toBe(2);
    expect(stats?.total).toBe(7);
  });

  it("limits per account across client IPs, and per IP across accounts", async () => {
    const clock = manualClock();
    const client = await start({ rateLimits: { ip: 3, account: 4, windowMs: 10_000 }, now: clock.read });
    const token = await client.authenticate(); // 127.0.0.1: 1, account: 1
    const url = `${sandbox?.url}/listings?limit=1`;
    expect(await getFrom("127.0.0.2", url, token)).toBe(200); // account 2
    expect(await getFrom("127.0.0.3", url, token)).toBe(200); // account 3
    expect(await getFrom("127.0.0.4", url, token)).toBe(200); // account 4
    expect(await getFrom("127.0.0.5", url, token)).toBe(429); // a fresh IP, but the account is full
    // An unauthenticated request is not tied to an account: only its IP counts.
    expect(await getFrom("127.0.0.5", `${sandbox?.url}/listings`, "none")).toBe(403);
    const stats = sandbox?.stats();
    expect(stats?.maxInAnyWindow).toEqual({ ip: 2, account: 5 });
  });

  it("can be switched off, and on again, at run time", async () => {
    const clock = manualClock();
    const client = await start({ rateLimits: false, now: clock.read });
    await client.authenticate();
    for (let i = 0; i < 30; i += 1) expect((await client.get("/listings?limit=1")).status).toBe(200);
    expect(sandbox?.stats().maxInAnyWindow).toEqual({ ip: 31, account: 31 });
    sandbox?.setRateLimits({ ip: 1, account: 1, windowMs: 500 });
    expect((await client.get("/listings?limit=1")).status).toBe(200);
    expect((await client.get("/listings?limit=1")).status).toBe(429);
    expect(() => sandbox?.setRateLimits({ ip: 0, account: 1, windowMs: 500 })).toThrow(/rateLimits.ip/);
  });

  it("counts what stats promise and resets them", async () => {
    const clock = manualClock();
    const client = await start({ rateLimits: { ip: 2, account: 10, windowMs: 1000 }, now: clock.read });
    await client.authenticate();
    await client.get(`/reservations/${sandbox?.fixtures.bookingIds[0]}`);
    await client.get(`/reservations/${sandbox?.fixtures.bookingIds[1]}`);
    const stats = sandbox?.stats();
    expect(stats).toEqual({
      total: 3,
      byRoute: { "POST /v1/accessTokens": 1, "GET /v1/reservations/:id": 2 },
      tokenRequests: 1,
      rateLimited: 1,
      maxInAnyWindow: { ip: 3, account: 3 },
      faultsInjected: 0,
    });
    sandbox?.resetStats();
    expect(sandbox?.stats()).toMatchObject({
      total: 0,
      byRoute: {},
      rateLimited: 0,
      maxInAnyWindow: { ip: 0, account: 0 },
    });
  });
});
