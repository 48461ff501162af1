import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { percentile, summarize } from "./percentiles.ts";

describe("percentile (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, index) => index + 1);

  it("picks the sample at ceil(p/100 × n)", () => {
    assert.equal(percentile(hundred, 50), 50);
    assert.equal(percentile(hundred, 95), 95);
    assert.equal(percentile(hundred, 99), 99);
    assert.equal(percentile(hundred, 100), 100);
  });

  it("returns the minimum for p = 0 and a real sample for small series", () => {
    assert.equal(percentile(hundred, 0), 1);
    assert.equal(percentile([3, 7], 95), 7);
    assert.equal(percentile([3, 7], 50), 3);
  });

  it("refuses an empty series or a p outside 0..100", () => {
    assert.throws(() => percentile([], 50), /empty/);
    assert.throws(() => percentile([1], 101), /0\.\.100/);
  });
});

describe("summarize", () => {
  it("sorts its input and reports count, extremes, percentiles and mean", () => {
    const summary = summarize([5, 1, 4, 2, 3]);
    assert.deepEqual(summary, { count: 5, min: 1, p50: 3, p95: 5, p99: 5, max: 5, mean: 3 });
  });
});
