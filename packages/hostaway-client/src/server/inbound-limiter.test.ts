import { describe, expect, it } from "vitest";
import {
  createInboundLimiter,
  createMemoryLimitStore,
  type InboundLimitStore,
  rateLimitHeaders,
} from "./inbound-limiter.js";

function clock(start = 1_000_000) {
  let time = start;
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

describe("createMemoryLimitStore", () => {
  it("counts hits per key within a fixed window and starts over when it ends", async () => {
    const time = clock();
    const store = createMemoryLimitStore({ now: time.now });
    expect(await store.hit("a", 10_000)).toEqual({ count: 1, resetMs: 10_000 });
    time.advance(4_000);
    expect(await store.hit("a", 10_000)).toEqual({ count: 2, resetMs: 6_000 });
    expect(await store.hit("b", 10_000)).toEqual({ count: 1, resetMs: 10_000 });
    time.advance(6_000);
    expect(await store.hit("a", 10_000)).toEqual({ count: 1, resetMs: 10_000 });
  });

  it("drops the oldest window beyond maxKeys, so a flood of addresses cannot grow memory", async () => {
    const time = clock();
    const store = createMemoryLimitStore({ now: time.now, maxKeys: 2 });
    await store.hit("first", 10_000);
    await store.hit("first", 10_000);
    await store.hit("second", 10_000);
    await store.hit("third", 10_000);
    expect((await store.hit("second", 10_000)).count).toBe(2);
    expect((await store.hit("first", 10_000)).count).toBe(1);
  });

  it("sweeps expired windows once per window length", async () => {
    const time = clock();
    const store = createMemoryLimitStore({ now: time.now, maxKeys: 2 });
    await store.hit("old-1", 1_000);
    await store.hit("old-2", 1_000);
    time.advance(1_000);
    // The sweep empties the map, so neither new key evicts the other.
    await store.hit("new-1", 1_000);
    await store.hit("new-2", 1_000);
    expect((await store.hit("new-1", 1_000)).count).toBe(2);
    expect((await store.hit("new-2", 1_000)).count).toBe(2);
  });
});

describe("createInboundLimiter", () => {
  it("allows `limit` requests per window, then refuses until the window ends", async () => {
    const time = clock();
    const limiter = createInboundLimiter({ name: "per-key", limit: 3, windowMs: 10_000, now: time.now });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.take("key:1"));
    expect(results.map((result) => [result.allowed, result.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    expect(results[3]).toEqual({
      allowed: false,
      limit: 3,
      remaining: 0,
      resetSeconds: 10,
      windowSeconds: 10,
    });
    time.advance(2_500);
    expect((await limiter.take("key:1")).resetSeconds).toBe(8); // 7.5 s rounded up
    expect((await limiter.take("key:2")).allowed).toBe(true);
    time.advance(7_500);
    expect(await limiter.take("key:1")).toMatchObject({ allowed: true, remaining: 2 });
  });

  it("prefixes its keys with its name, so two limiters can share one store", async () => {
    const seen: string[] = [];
    const store: InboundLimitStore = {
      async hit(key) {
        seen.push(key);
        return { count: 1, resetMs: 400 };
      },
    };
    const perIp = createInboundLimiter({ name: "per-ip", limit: 1, windowMs: 500, store });
    expect(await perIp.take("203.0.113.9")).toEqual({
      allowed: true,
      limit: 1,
      remaining: 0,
      resetSeconds: 1,
      windowSeconds: 1,
    });
    expect(seen).toEqual(["per-ip:203.0.113.9"]);
  });

  it("refuses a limit below 1 or a window that is not positive", () => {
    expect(() => createInboundLimiter({ name: "x", limit: 0, windowMs: 1000 })).toThrow(RangeError);
    expect(() => createInboundLimiter({ name: "x", limit: 1.5, windowMs: 1000 })).toThrow(RangeError);
    expect(() => createInboundLimiter({ name: "x", limit: 1, windowMs: 0 })).toThrow(RangeError);
  });
});

describe("rateLimitHeaders", () => {
  it("writes the draft-8 RateLimit and RateLimit-Policy headers", () => {
    expect(
      rateLimitHeaders("per-key", {
        allowed: true,
        limit: 20,
        remaining: 7,
        resetSeconds: 4,
        windowSeconds: 10,
      }),
    ).toEqual({ "RateLimit-Policy": '"per-key";q=20;w=10', RateLimit: '"per-key";r=7;t=4' });
  });

  it("adds Retry-After on a refusal", () => {
    expect(
      rateLimitHeaders("per-ip", {
        allowed: false,
        limit: 15,
        remaining: 0,
        resetSeconds: 6,
        windowSeconds: 10,
      }),
    ).toEqual({
      "RateLimit-Policy": '"per-ip";q=15;w=10',
      RateLimit: '"per-ip";r=0;t=6',
      "Retry-After": "6",
    });
  });
});
