import { describe, expect, it } from "vitest";
import type { Page } from "./page.js";
import { offsetPages, paginate } from "./paginate.js";

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** 7 numbered records served `limit` at a time, with or without Hostaway's `count`. */
function source(withCount: boolean, limit = 3) {
  const calls: number[] = [];
  const fetchPage = async (offset: number): Promise<Page<number>> => {
    calls.push(offset);
    const items = Array.from({ length: 7 }, (_, i) => i + 1).slice(offset, offset + limit);
    return { items, count: withCount ? 7 : null, limit: withCount ? limit : null, offset };
  };
  return { calls, fetchPage };
}

describe("paginate", () => {
  it("requires a cap, before any request", () => {
    let called = false;
    const fetchPage = async () => {
      called = true;
      return { items: [1], next: undefined };
    };

    expect(() => paginate(fetchPage, {})).toThrow(TypeError);
    expect(() => paginate(fetchPage, undefined as never)).toThrow("paginate: a cap is required");
    expect(() => paginate(fetchPage, { maxPages: 0 })).toThrow(
      "paginate: maxPages must be a whole number ≥ 1, got 0",
    );
    expect(() => paginate(fetchPage, { maxItems: 2.5 })).toThrow(RangeError);
    expect(called).toBe(false);
  });

  it("stops at maxPages, at maxItems, and at the last page", async () => {
    const pages = source(true);
    expect(await collect(paginate(offsetPages(pages.fetchPage), { maxPages: 2 }))).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
    expect(pages.calls).toEqual([0, 3]);

    const items = source(true);
    expect(await collect(paginate(offsetPages(items.fetchPage), { maxItems: 4 }))).toEqual([1, 2, 3, 4]);
    expect(items.calls).toEqual([0, 3]);

    const all = source(true);
    expect(await collect(paginate(offsetPages(all.fetchPage), { maxPages: 100 }))).toHaveLength(7);
    expect(all.calls).toEqual([0, 3, 6]); // `count` says 7: no request for an empty fourth page
  });

  it("without `count` or `limit`, pages on until an empty page", async () => {
    const pages = source(false);

    const items = await collect(paginate(offsetPages(pages.fetchPage, 1), { maxItems: 100 }));

    expect(items).toEqual([2, 3, 4, 5, 6, 7]);
    expect(pages.calls).toEqual([1, 4, 7]);
  });

  it("without `count` but with `limit`, a short page is the last", async () => {
    const calls: number[] = [];
    const fetchPage = async (offset: number): Promise<Page<number>> => {
      calls.push(offset);
      const items = [1, 2, 3, 4, 5].slice(offset, offset + 2);
      return { items, count: null, limit: 2, offset };
    };

    expect(await collect(paginate(offsetPages(fetchPage), { maxPages: 10 }))).toEqual([1, 2, 3, 4, 5]);
    expect(calls).toEqual([0, 2, 4]);
  });

  it("stops on an empty page", async () => {
    const fetchPage = async (cursor: string | undefined) =>
      cursor === undefined ? { items: ["a"], next: "b" } : { items: [], next: "c" };

    expect(await collect(paginate(fetchPage, { maxPages: 10 }))).toEqual(["a"]);
  });
});
