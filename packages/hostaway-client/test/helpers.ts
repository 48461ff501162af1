import { readFileSync } from "node:fs";
import nock from "nock";
import {
  type Clock,
  createHostawayClient,
  type HostawayClient,
  type HostawayClientOptions,
} from "../src/index.js";

export const ORIGIN = "https://api.hostaway.test";
export const BASE_URL = `${ORIGIN}/v1`;
export const ACCOUNT_ID = "10450";
export const SECRET = "s3cr3t-api-key-do-not-leak";
export const TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiIxMDQ1MCJ9.c2lnbmF0dXJl";

/** A docs example from test/fixtures (copied from ../shared/hostaway-api/examples). */
export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")) as T;
}

/** A clock whose `sleep` only moves virtual time forward, so backoff and activation waits cost nothing. */
export interface VirtualClock extends Clock {
  sleeps: number[];
  advance(ms: number): void;
}

export function virtualClock(start = Date.UTC(2026, 10, 20, 12)): VirtualClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      now += ms;
    },
  };
}

/**
 * A client against the nock origin: no rate limits, no activation delay, virtual time, deterministic jitter, and
 * no read cache (these tests count the requests of the transport itself; the cache has tests of its own).
 */
export function testClient(overrides: Partial<HostawayClientOptions> = {}): {
  client: HostawayClient;
  clock: VirtualClock;
} {
  const clock = virtualClock();
  const client = createHostawayClient({
    accountId: ACCOUNT_ID,
    secretKey: SECRET,
    baseUrl: BASE_URL,
    rateLimit: { ip: 0, account: 0 },
    tokenActivationDelayMs: 0,
    retry: { random: () => 0.5 },
    clock,
    cache: false,
    ...overrides,
  });
  return { client, clock };
}

/** Intercepts one token request answering `token` (times: how many). */
export function mockToken(token = TOKEN, expiresIn = 15_897_600, times = 1): nock.Scope {
  return nock(ORIGIN)
    .post("/v1/accessTokens")
    .times(times)
    .reply(200, { token_type: "Bearer", expires_in: expiresIn, access_token: token });
}

export function envelope(result: unknown, extra: Record<string, unknown> = {}) {
  return { status: "success", result, ...extra };
}

export function listing(id: number | string, extra: Record<string, unknown> = {}) {
  return { ...fixture("listings.object.json"), id, ...extra };
}

export function reservation(id: number | string, extra: Record<string, unknown> = {}) {
  return { ...fixture("reservations.object.json"), id, ...extra };
}

/** nock 15 hands reply functions the fetch `Request`: the trailing numeric id of its path. */
export function idOf(request: Request): number {
  return Number(new URL(request.url).pathname.split("/").pop());
}
