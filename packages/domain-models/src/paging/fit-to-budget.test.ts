import { describe, expect, test } from "vitest";
import { fitToBudget } from "./fit-to-budget.js";

const items = Array.from({ length: 100 }, (_, i) => ({ id: i, body: "x".repeat(i % 7) }));
const render = (slice: readonly unknown[]) => ({ items: slice, next_cursor: "abc", note: null });
const size = (count: number) => JSON.stringify(render(items.slice(0, count))).length;

describe("fitToBudget", () => {
  test("everything fits: returns the full count", () => {
    expect(fitToBudget(items, render, size(100))).toBe(100);
    expect(fitToBudget([], render, 1000)).toBe(0);
  });

  test("returns the largest count whose rendering stays within the budget", () => {
    for (const budget of [size(1), size(1) + 1, size(37) - 1, size(37), size(99)]) {
      const count = fitToBudget(items, render, budget);
      expect(size(count)).toBeLessThanOrEqual(budget);
      if (count < items.length) expect(size(count + 1)).toBeGreaterThan(budget);
    }
  });

  test("returns 0 when not even the empty envelope fits", () => {
    expect(fitToBudget(items, render, 5)).toBe(0);
  });

  test("measures a rendered string as is (never cuts it)", () => {
    const asText = (slice: readonly unknown[]) => JSON.stringify(slice, null, 2);
    const count = fitToBudget(items, asText, 500);
    expect(asText(items.slice(0, count)).length).toBeLessThanOrEqual(500);
    expect(asText(items.slice(0, count + 1)).length).toBeGreaterThan(500);
    expect(() => JSON.parse(asText(items.slice(0, count)))).not.toThrow();
  });

  test("counts characters of multi-byte text as JSON characters", () => {
    const emoji = [{ body: "👋" }, { body: "👋" }];
    expect(fitToBudget(emoji, (slice) => slice, JSON.stringify(emoji.slice(0, 1)).length)).toBe(1);
  });

  test("refuses a negative or non-numeric budget", () => {
    expect(() => fitToBudget(items, render, -1)).toThrow(RangeError);
    expect(() => fitToBudget(items, render, Number.NaN)).toThrow(/maxChars/);
  });

  test("a render that yields undefined counts as empty", () => {
    expect(fitToBudget([1, 2], () => undefined, 0)).toBe(2);
  });
});
