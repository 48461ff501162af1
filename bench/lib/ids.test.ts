import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { idsWithFiller, listingsThenBookings, spread } from "./ids.ts";

describe("spread", () => {
  it("takes ids evenly from the first to the last", () => {
    assert.deepEqual(spread([1, 2, 3, 4, 5, 6, 7, 8, 9], 3), [1, 5, 9]);
    assert.deepEqual(spread([1, 2], 5), [1, 2]);
    assert.deepEqual(spread([1, 2, 3], 0), []);
  });
});

describe("idsWithFiller", () => {
  it("uses every real id, then ids past the largest", () => {
    assert.deepEqual(idsWithFiller([10, 20, 30], 5), { ids: [10, 20, 30, 1030, 1031], existing: 3 });
    assert.deepEqual(idsWithFiller([10, 20, 30], 2), { ids: [10, 20], existing: 2 });
  });
});

describe("listingsThenBookings", () => {
  it("reads every listing once, then bookings up to the count, all distinct", () => {
    const plan = listingsThenBookings([1, 2], [100, 101, 102, 103], 4);
    assert.deepEqual(plan, [
      { resource: "listing", id: 1 },
      { resource: "listing", id: 2 },
      { resource: "booking", id: 100 },
      { resource: "booking", id: 103 },
    ]);
  });

  it("refuses a count the dataset cannot fill", () => {
    assert.throws(() => listingsThenBookings([1], [2], 3), /only 2 listings and bookings, 3 asked/);
  });
});
