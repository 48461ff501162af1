import type { AvailabilityCalendar, BookingPage, ListingSummaryPage } from "@hostaway-mcp/domain-models";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, textOf } from "./harness.js";

const BUDGET = 3_000;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ responseBudget: BUDGET });
});
afterAll(async () => h?.close());

const totalText = (result: Awaited<ReturnType<Harness["call"]>>): number =>
  result.content.reduce((sum, block) => sum + (block.type === "text" ? block.text.length : 0), 0);

describe("the response budget", () => {
  it("returns fewer listings with a cursor and a note instead of an oversized page, and paging still sees all", async () => {
    const result = await h.call("hostaway_list_properties", { limit: 100 });
    expect(totalText(result)).toBeLessThanOrEqual(BUDGET);
    const page = JSON.parse(textOf(result)) as ListingSummaryPage;
    expect(page).toEqual(result.structuredContent);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.length).toBeLessThan(h.sandbox.data.listings.length);
    expect(page.next_cursor).not.toBeNull();
    expect(page.note).toMatch(/^Returned \d+ of \d+ listings to stay under 3000 characters/);

    const ids = page.items.map((item) => item.id);
    let cursor = page.next_cursor;
    for (let calls = 0; cursor && calls < 50; calls += 1) {
      const next = await h.ok<ListingSummaryPage>("hostaway_list_properties", { limit: 100, cursor });
      ids.push(...next.items.map((item) => item.id));
      cursor = next.next_cursor;
    }
    expect(ids).toEqual(h.sandbox.data.listings.map((listing) => listing.id).sort((a, b) => a - b));
  });

  it("trims a booking page the same way, resuming after the last booking returned", async () => {
    const listingId = h.sandbox.data.reservations[0]?.listingMapId as number;
    const expected = h.sandbox.data.reservations.filter((r) => r.listingMapId === listingId).map((r) => r.id);
    const ids: number[] = [];
    let cursor: string | null = null;
    let trimmed = false;
    for (let calls = 0; calls < 50; calls += 1) {
      const result = await h.call("hostaway_search_bookings", {
        listing_id: listingId,
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      expect(totalText(result)).toBeLessThanOrEqual(BUDGET);
      const page = result.structuredContent as BookingPage;
      if (page.note) trimmed = true;
      ids.push(...page.items.map((item) => item.id));
      cursor = page.next_cursor;
      if (!cursor) break;
    }
    expect(trimmed).toBe(true);
    expect(ids.sort()).toEqual(expected.sort());
  });

  it("cuts a long calendar at a night and says where to continue", async () => {
    const result = await h.call("hostaway_check_availability", {
      listing_id: h.sandbox.fixtures.listingIds[0],
      start_date: "2026-11-01",
      end_date: "2027-10-31",
    });
    expect(totalText(result)).toBeLessThanOrEqual(BUDGET);
    const calendar = result.structuredContent as AvailabilityCalendar;
    expect(calendar.days.length).toBeGreaterThan(0);
    expect(calendar.days.length).toBeLessThan(365);
    expect(calendar.all_available).toBe(false);
    const nextDay = new Date(Date.parse(`${calendar.days.at(-1)?.date}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect(result.content[1]).toMatchObject({ text: expect.stringContaining(`start_date=${nextDay}`) });
  });

  it("leaves batch items out with a note listing their ids, keeping the summary", async () => {
    const ids = h.sandbox.fixtures.bookingIds.slice(0, 10);
    const result = await h.call("hostaway_batch_get_bookings", { booking_ids: ids });
    expect(totalText(result)).toBeLessThanOrEqual(BUDGET);
    const answer = result.structuredContent as {
      successful_results: Array<{ id: number }>;
      summary: { succeeded: number };
      note: string | null;
    };
    expect(answer.summary.succeeded).toBe(10);
    expect(answer.successful_results.length).toBeLessThan(10);
    const omitted = ids.slice(answer.successful_results.length);
    // The note is a field of the answer, and the one text block is exactly its JSON.
    expect(answer.note).toBe(
      `${omitted.length} bookings were fetched but left out to stay under ${BUDGET} characters; ` +
        `call again with booking_ids=${JSON.stringify(omitted)}.`,
    );
    expect(result.content).toEqual([{ type: "text", text: JSON.stringify(result.structuredContent) }]);
  });

  it("trims a message search at the end of its window and says which offset comes next", async () => {
    const result = await h.call("hostaway_search_messages", {
      booking_id: h.sandbox.fixtures.bookings.hundredMessages,
      limit: 100,
    });
    expect(totalText(result)).toBeLessThanOrEqual(BUDGET);
    const answer = result.structuredContent as {
      successful_results: Array<{ messages: Array<{ id: number }>; has_more: boolean }>;
      note: string | null;
    };
    const returned = answer.successful_results[0]?.messages.length ?? 0;
    expect(returned).toBeGreaterThan(0);
    expect(returned).toBeLessThan(100);
    expect(answer.successful_results[0]?.has_more).toBe(true);
    expect(answer.note).toBe(
      `Returned messages 1–${returned} of the 100 matching messages (${100 - returned} more of this window were ` +
        `left out to stay under ${BUDGET} characters); call again with the same criteria and offset=${returned} ` +
        "for the next ones.",
    );
    expect(result.content).toEqual([{ type: "text", text: JSON.stringify(result.structuredContent) }]);

    // Following the note's offset reads the rest, each answer within the budget.
    const seen = answer.successful_results[0]?.messages.map((message) => message.id) ?? [];
    let note = answer.note;
    for (let calls = 0; note !== null && calls < 100; calls += 1) {
      const offset = Number(note.match(/offset=(\d+)/)?.[1]);
      const next = await h.call("hostaway_search_messages", {
        booking_id: h.sandbox.fixtures.bookings.hundredMessages,
        limit: 100,
        offset,
      });
      expect(totalText(next)).toBeLessThanOrEqual(BUDGET);
      const page = next.structuredContent as typeof answer;
      seen.push(...(page.successful_results[0]?.messages.map((message) => message.id) ?? []));
      note = page.note;
    }
    expect(seen).toHaveLength(100);
    expect(new Set(seen).size).toBe(100);
  });
});
