import nock from "nock";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { envelope, mockToken, ORIGIN, reservation, testClient } from "../test/helpers.js";
import { walkReservations } from "./reservation-walk.js";

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

async function idsOf(walk: AsyncIterable<{ items: Array<{ id: number }> }>): Promise<number[]> {
  const ids: number[] = [];
  for await (const page of walk) ids.push(...page.items.map((item) => item.id));
  return ids;
}

describe("walkReservations", () => {
  it("follows the afterId cursor and stops on a short page", async () => {
    mockToken();
    nock(ORIGIN)
      .get("/v1/reservations")
      .query({ limit: "2", match: "Schmidt" })
      .reply(200, envelope([reservation(10), reservation(11)]))
      .get("/v1/reservations")
      .query({ limit: "2", match: "Schmidt", afterId: "11" })
      .reply(200, envelope([reservation(12)]));
    const { client } = testClient();

    const walk = walkReservations(client, { match: "Schmidt" }, { maxPages: 10, pageSize: 2 });

    expect(await idsOf(walk)).toEqual([10, 11, 12]);
    expect(walk).toMatchObject({ pagesRead: 2, itemsRead: 3, truncated: false, exhausted: true, lastId: 12 });
  });

  it("stops once `count` reservations were read from the start, without the empty page", async () => {
    mockToken();
    nock(ORIGIN)
      .get("/v1/reservations")
      .query({ limit: "2" })
      .reply(200, envelope([reservation(1), reservation(2)], { count: 4 }))
      .get("/v1/reservations")
      .query({ limit: "2", afterId: "2" })
      .reply(200, envelope([reservation(3), reservation(4)], { count: 4 }));
    const { client } = testClient();

    expect(await idsOf(walkReservations(client, {}, { maxPages: 5, pageSize: 2 }))).toEqual([1, 2, 3, 4]);
    expect(client.stats().requests).toBe(3); // the token and two pages
  });

  it("says it was truncated when the cap came first, and where to resume", async () => {
    mockToken();
    nock(ORIGIN)
      .get("/v1/reservations")
      .query({ limit: "2", afterId: "7" })
      .reply(200, envelope([reservation(8), reservation(9)]));
    const { client } = testClient();

    const walk = walkReservations(client, {}, { maxPages: 1, pageSize: 2, afterId: 7 });

    expect(await idsOf(walk)).toEqual([8, 9]);
    expect(walk).toMatchObject({ truncated: true, exhausted: false, lastId: 9 });
  });

  it("requests no further page once the caller leaves the loop", async () => {
    mockToken();
    nock(ORIGIN)
      .get("/v1/reservations")
      .query({ limit: "2" })
      .reply(200, envelope([reservation(1), reservation(2)]));
    const { client } = testClient();

    const walk = walkReservations(client, {}, { maxPages: 5, pageSize: 2 });
    for await (const _page of walk) break;

    expect(walk).toMatchObject({ pagesRead: 1, truncated: false });
    expect(nock.isDone()).toBe(true);
  });

  it("requires a cap", () => {
    const { client } = testClient();
    expect(() => walkReservations(client, {}, { maxPages: 0 })).toThrow(
      "walkReservations: maxPages must be a whole number ≥ 1, got 0",
    );
  });
});
