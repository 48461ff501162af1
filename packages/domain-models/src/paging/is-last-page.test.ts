import { describe, expect, test } from "vitest";
import { isLastPage } from "./is-last-page.js";

const items = (count: number) => Array.from({ length: count }, (_, index) => index);

describe("isLastPage", () => {
  test("an empty page ends the list", () => {
    expect(isLastPage({ items: [], limit: 20 }, 20)).toBe(true);
    expect(isLastPage({ items: [], limit: null }, 20)).toBe(true);
  });

  test("a short page ends it; a full one does not", () => {
    expect(isLastPage({ items: items(7), limit: 20 }, 20)).toBe(true);
    expect(isLastPage({ items: items(20), limit: 20 }, 20)).toBe(false);
  });

  test("measures against the limit Hostaway applied when it clamped the page size (REFERENCE.md §11)", () => {
    // Asked for 100, Hostaway capped pages at 5 and said so: a page of 5 is full, not short.
    expect(isLastPage({ items: items(5), limit: 5 }, 100)).toBe(false);
    expect(isLastPage({ items: items(4), limit: 5 }, 100)).toBe(true);
  });

  test("falls back to the requested limit when Hostaway does not say", () => {
    expect(isLastPage({ items: items(20), limit: null }, 20)).toBe(false);
    expect(isLastPage({ items: items(19), limit: null }, 20)).toBe(true);
  });
});
