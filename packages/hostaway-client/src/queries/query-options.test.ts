import { describe, expect, it } from "vitest";
import { countWithinBudget, reportProgress } from "./query-options.js";

describe("countWithinBudget", () => {
  const items = ["aaaa", "bbbb", "cccc"];
  const render = (kept: readonly string[]) => ({ items: kept });

  it("keeps every item without a budget (REST passes none)", () => {
    expect(countWithinBudget(items, render, undefined)).toBe(3);
  });

  it("keeps the leading items whose rendered JSON fits the budget", () => {
    const full = JSON.stringify(render(items)).length;
    expect(countWithinBudget(items, render, full)).toBe(3);
    expect(countWithinBudget(items, render, full - 1)).toBe(2);
    expect(countWithinBudget(items, render, 0)).toBe(0);
  });

  it.each([-1, Number.NaN, "25000"])("refuses a budget of %s, naming responseBudget", (budget) => {
    expect(() => countWithinBudget(items, render, budget as number)).toThrow(
      /^responseBudget must be a number of characters ≥ 0/,
    );
  });
});

describe("reportProgress", () => {
  it("passes progress on, and a listener that throws does not fail the query", () => {
    const seen: unknown[] = [];
    reportProgress({ onProgress: (progress) => seen.push(progress) }, { done: 1, total: 3, message: "one" });
    expect(seen).toEqual([{ done: 1, total: 3, message: "one" }]);
    expect(() =>
      reportProgress(
        {
          onProgress: () => {
            throw new Error("broken listener");
          },
        },
        { done: 2, message: "two" },
      ),
    ).not.toThrow();
    expect(() => reportProgress({}, { done: 3, message: "nobody listens" })).not.toThrow();
  });
});
