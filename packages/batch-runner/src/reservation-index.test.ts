import type { HostawayReservation } from "@hostaway-mcp/domain-models";
import { describe, expect, it } from "vitest";
import { planBookingBatch, RESERVATION_INDEX_MIN_IDS, RESERVATION_INDEX_QUERY } from "./reservation-index.js";
import type { BookingSource } from "./sources.js";

const reservation = (id: number) => ({ id }) as HostawayReservation;

/** A source over `total` reservations (ids 1..total), recording its list queries. */
function source(
  total: number,
  overrides: { count?: number | null; failAfterId?: number; cachedIds?: number[] } = {},
) {
  const queries: Record<string, unknown>[] = [];
  const all = Array.from({ length: total }, (_, index) => reservation(index + 1));
  const fake: BookingSource = {
    cached: async (work) => {
      try {
        return await work();
      } catch {
        return undefined;
      }
    },
    reservations: {
      get: async (id) => {
        if (overrides.cachedIds?.includes(id)) return reservation(id);
        throw new Error("not cached");
      },
      list: async (query) => {
        queries.push(query);
        if (query.afterId !== undefined && query.afterId === overrides.failAfterId)
          throw new Error("HTTP 500");
        const start =
          query.afterId === undefined ? 0 : all.findIndex((item) => item.id === query.afterId) + 1;
        const count = "count" in overrides ? (overrides.count ?? null) : total;
        return { items: all.slice(start, start + query.limit), count, limit: query.limit };
      },
    },
  };
  return { fake, queries };
}

const ids = (from: number, count: number) => Array.from({ length: count }, (_, index) => from + index);
const signal = new AbortController().signal;

describe("planBookingBatch", () => {
  it("reads the index (size read + pages, with the parity flags) when uncached ids outnumber its pages", async () => {
    const { fake, queries } = source(250);
    const plan = await planBookingBatch(fake, [...ids(1, 20), ...ids(231, 20)], signal);
    expect(plan).toMatchObject({ kind: "index", pages: 3 });
    expect(plan.found.size).toBe(40);
    expect(queries[0]).toEqual({ limit: 1 });
    expect(queries.slice(1)).toEqual([
      { ...RESERVATION_INDEX_QUERY, limit: 100 },
      { ...RESERVATION_INDEX_QUERY, limit: 100, afterId: 100 },
      { ...RESERVATION_INDEX_QUERY, limit: 100, afterId: 200 },
    ]);
  });

  it("stops walking once every wanted id was found", async () => {
    const { fake, queries } = source(900);
    const plan = await planBookingBatch(fake, ids(1, 50), signal);
    expect(plan.pages).toBe(1);
    expect(queries).toHaveLength(2);
  });

  it("reads singly below the minimum, counting only uncached ids", async () => {
    const { fake, queries } = source(100, { cachedIds: ids(1, 10) });
    expect(await planBookingBatch(fake, ids(1, RESERVATION_INDEX_MIN_IDS + 5), signal)).toMatchObject({
      kind: "single",
    });
    expect(queries).toEqual([]);
  });

  it("reads singly when the index has as many pages as there are uncached ids, after the size read", async () => {
    const { fake, queries } = source(1200);
    expect(await planBookingBatch(fake, ids(1, 12), signal)).toMatchObject({ kind: "single", pages: 0 });
    expect(queries).toEqual([{ limit: 1 }]);
  });

  it("reads singly without a count (REFERENCE.md §3), without list, and on a failing size read", async () => {
    expect((await planBookingBatch(source(300, { count: null }).fake, ids(1, 20), signal)).kind).toBe(
      "single",
    );
    const noList: BookingSource = { reservations: { get: async (id) => reservation(id) } };
    expect((await planBookingBatch(noList, ids(1, 20), signal)).kind).toBe("single");
    const { fake } = source(300, { failAfterId: -1 });
    const failing: BookingSource = {
      reservations: {
        get: fake.reservations.get,
        list: async () => {
          throw new Error("HTTP 503");
        },
      },
    };
    expect((await planBookingBatch(failing, ids(1, 20), signal)).kind).toBe("single");
  });

  it("keeps what the walk found before a page failed; the rest is read singly", async () => {
    const { fake } = source(300, { failAfterId: 100 });
    const plan = await planBookingBatch(fake, [...ids(1, 10), ...ids(201, 10)], signal);
    expect(plan.kind).toBe("index");
    expect([...plan.found.keys()]).toEqual(ids(1, 10));
  });

  it("rethrows the caller's abort", async () => {
    const controller = new AbortController();
    const { fake } = source(300);
    const list = fake.reservations.list as NonNullable<BookingSource["reservations"]["list"]>;
    fake.reservations.list = async (query, options) => {
      if (query.afterId !== undefined) {
        controller.abort(new Error("caller left"));
        throw controller.signal.reason;
      }
      return list(query, options);
    };
    await expect(planBookingBatch(fake, ids(150, 20), controller.signal)).rejects.toThrow("caller left");
  });
});
