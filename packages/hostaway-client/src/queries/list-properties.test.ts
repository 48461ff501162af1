import { decodeCursor, encodeCursor, type ListingSummaryPage } from "@hostaway-mcp/domain-models";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { aListing, collectIds, fakeListings } from "../../test/query-fakes.js";
import { listProperties } from "./list-properties.js";

const account = Array.from({ length: 23 }, (_, index) =>
  aListing(1000 + index, { name: `Chalet ${index}`, city: index % 2 ? "Zermatt" : "Bern" }),
);
const allIds = account.map((listing) => listing.id);

describe("listProperties", () => {
  it("asks Hostaway for one page with the filters and the caller's signal, and maps the summaries", async () => {
    const fake = fakeListings(account);
    const signal = new AbortController().signal;
    const page = await listProperties(fake, { limit: 5, city: "Bern", match: "Chalet" }, { signal });
    expect(fake.calls).toEqual([
      { query: { limit: 5, offset: 0, city: "Bern", match: "Chalet" }, options: { signal } },
    ]);
    expect(page.items.map((item) => item.id)).toEqual(allIds.slice(0, 5));
    expect(page.items[0]).toMatchObject({ id: 1000, name: "Chalet 0", city: "Bern" });
    expect(page.total_count).toBe(23);
    expect(page.note).toBeNull();
    expect(decodeCursor(page.next_cursor as string)).toEqual({ list: "listings", offset: 5 });
  });

  it("pages through every listing with the cursor and ends with a null cursor", async () => {
    const fake = fakeListings(account);
    const ids = await collectIds((cursor) => listProperties(fake, { limit: 5, cursor }));
    expect(ids).toEqual(allIds);
    expect(fake.calls.map((call) => call.query.offset)).toEqual([0, 5, 10, 15, 20]);
  });

  it("without a total, goes on after a full page and stops after a short one (REFERENCE.md §3)", async () => {
    const fake = fakeListings(account, { withoutCount: true });
    const ids = await collectIds((cursor) => listProperties(fake, { limit: 10, cursor }));
    expect(ids).toEqual(allIds);
    const last = await listProperties(fake, {
      limit: 10,
      cursor: encodeCursor({ list: "listings", offset: 20 }),
    });
    expect(last.total_count).toBeNull();
    expect(last.next_cursor).toBeNull();
  });

  it("pages completely when Hostaway clamps the page size below the limit asked (REFERENCE.md §11)", async () => {
    const withCount = fakeListings(account, { pageCap: 4 });
    expect(await collectIds((cursor) => listProperties(withCount, { limit: 20, cursor }))).toEqual(allIds);
  });

  it("cuts a page to the response budget, with a note and a cursor right after the last listing kept", async () => {
    const fake = fakeListings(account);
    const budget = 1_500;
    const page = await listProperties(fake, { limit: 20 }, { responseBudget: budget });
    expect(JSON.stringify(page).length).toBeLessThanOrEqual(budget);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.length).toBeLessThan(20);
    expect(page.note).toBe(
      `Returned ${page.items.length} of 20 listings to stay under ${budget} characters; pass next_cursor to get the rest.`,
    );
    expect(decodeCursor(page.next_cursor as string)).toEqual({ list: "listings", offset: page.items.length });

    const ids = await collectIds((cursor) =>
      listProperties(fake, { limit: 20, cursor }, { responseBudget: budget }),
    );
    expect(ids).toEqual(allIds);
  });

  it("a page that fits is the same with and without a budget", async () => {
    const unlimited = await listProperties(fakeListings(account), { limit: 3 });
    const budgeted: ListingSummaryPage = await listProperties(
      fakeListings(account),
      { limit: 3 },
      { responseBudget: 25_000 },
    );
    expect(budgeted).toEqual(unlimited);
  });

  it("refuses a cursor of another list or a bad limit before any request, naming the field", async () => {
    const fake = fakeListings(account);
    const bookingsCursor = encodeCursor({ list: "bookings", afterId: 4 });
    await expect(listProperties(fake, { limit: 5, cursor: bookingsCursor })).rejects.toSatisfy(
      (error: unknown) => error instanceof z.ZodError && error.issues[0]?.path[0] === "cursor",
    );
    await expect(listProperties(fake, { limit: 0 })).rejects.toSatisfy(
      (error: unknown) => error instanceof z.ZodError && error.issues[0]?.path[0] === "limit",
    );
    expect(fake.calls).toHaveLength(0);
  });
});
