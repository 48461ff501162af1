import { describe, expect, it } from "vitest";
import {
  HostawayNetworkError,
  HostawayNotFoundError,
  HostawayRateLimitError,
  HostawayUpstreamError,
} from "./errors.js";
import { parseRetryAfter } from "./retry-after.js";
import { createRetryPolicy } from "./retry-policy.js";

const where = { method: "GET", path: "/listings", detail: "x" } as const;
const serverError = new HostawayUpstreamError({ ...where, status: 503 });

describe("retry policy", () => {
  it("full jitter: each delay is drawn from [0, base·2^(n-1)], capped by maxDelayMs", () => {
    const top = createRetryPolicy({
      baseDelayMs: 100,
      maxDelayMs: 300,
      maxAttempts: 10,
      random: () => 0.999999,
    });
    const bottom = createRetryPolicy({ baseDelayMs: 100, maxAttempts: 10, random: () => 0 });

    expect([1, 2, 3, 4].map((n) => Math.round(top.delayBeforeRetry(n, serverError) ?? -1))).toEqual([
      100, 200, 300, 300,
    ]);
    expect(bottom.delayBeforeRetry(3, serverError)).toBe(0);
  });

  it("stops at maxAttempts and never retries what is not retryable", () => {
    const policy = createRetryPolicy({ maxAttempts: 3 });

    expect(policy.delayBeforeRetry(2, serverError)).toEqual(expect.any(Number));
    expect(policy.delayBeforeRetry(3, serverError)).toBeUndefined();
    expect(policy.delayBeforeRetry(1, new HostawayNotFoundError(where))).toBeUndefined();
    expect(policy.delayBeforeRetry(1, new HostawayUpstreamError({ ...where, status: 502 }))).toEqual(
      expect.any(Number),
    );
    expect(
      policy.delayBeforeRetry(1, new HostawayNetworkError({ ...where, networkCode: "ECONNRESET" })),
    ).toEqual(expect.any(Number));
  });

  it("a 429 waits Retry-After when given, up to the cap, else equal jitter", () => {
    const policy = createRetryPolicy({ baseDelayMs: 1000, maxRetryAfterMs: 5000, random: () => 0 });

    expect(policy.delayBeforeRetry(1, new HostawayRateLimitError({ ...where, retryAfterMs: 4000 }))).toBe(
      4000,
    );
    expect(
      policy.delayBeforeRetry(1, new HostawayRateLimitError({ ...where, retryAfterMs: 6000 })),
    ).toBeUndefined();
    expect(policy.delayBeforeRetry(2, new HostawayRateLimitError(where))).toBe(1000); // half of 2 s, never less
  });

  it("rejects nonsensical options by name", () => {
    expect(() => createRetryPolicy({ maxAttempts: 0 })).toThrow(
      "retry.maxAttempts must be a whole number ≥ 1, got 0",
    );
    expect(() => createRetryPolicy({ baseDelayMs: -1 })).toThrow(
      "retry.baseDelayMs must be a number ≥ 0, got -1",
    );
  });
});

describe("Retry-After", () => {
  const now = Date.parse("2026-11-20T12:00:00Z");

  it("reads delay-seconds and HTTP dates", () => {
    expect(parseRetryAfter("7", now)).toBe(7000);
    expect(parseRetryAfter(["1.5"], now)).toBe(1500);
    expect(parseRetryAfter("Fri, 20 Nov 2026 12:00:10 GMT", now)).toBe(10_000);
    expect(parseRetryAfter("Fri, 20 Nov 2026 11:00:00 GMT", now)).toBe(0);
  });

  it("ignores an absent or unreadable header", () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});
