import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tighterLimit, windowBoundMs } from "./window-bound.ts";

const hostaway = { perWindow: 15, windowMs: 10_000, latencyMs: 150 };

describe("windowBoundMs", () => {
  it("lets the first window's worth leave at once: only the latency remains", () => {
    assert.equal(windowBoundMs({ ...hostaway, requests: 1 }), 150);
    assert.equal(windowBoundMs({ ...hostaway, requests: 15 }), 150);
  });

  it("adds one window per further group of perWindow requests", () => {
    assert.equal(windowBoundMs({ ...hostaway, requests: 16 }), 10_150);
    assert.equal(windowBoundMs({ ...hostaway, requests: 30 }), 10_150);
    assert.equal(windowBoundMs({ ...hostaway, requests: 31 }), 20_150);
    // 50 bookings + the token: 51 requests, the last group leaves at 30 s.
    assert.equal(windowBoundMs({ ...hostaway, requests: 51 }), 30_150);
  });

  it("is zero for no requests and refuses nonsense", () => {
    assert.equal(windowBoundMs({ ...hostaway, requests: 0 }), 0);
    assert.throws(() => windowBoundMs({ ...hostaway, requests: -1 }), /requests/);
    assert.throws(() => windowBoundMs({ ...hostaway, perWindow: 0, requests: 3 }), /perWindow/);
  });
});

describe("tighterLimit", () => {
  it("is Hostaway's per-IP limit, the smaller of 15 and 20", () => {
    assert.equal(tighterLimit(15, 20), 15);
    assert.equal(tighterLimit(30, 20), 20);
  });
});
