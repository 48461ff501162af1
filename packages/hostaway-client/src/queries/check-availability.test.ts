import type { HostawayCalendarDay } from "@hostaway-mcp/domain-models";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { aCalendarDay } from "../../test/query-fakes.js";
import type { CalendarQuery } from "../resources/listings.js";
import type { RequestOptions } from "../transport.js";
import { CALENDAR_NOTE_ROOM, checkAvailability } from "./check-availability.js";

/** Nights from 2026-12-01, one a day; every third one reserved. */
function nights(count: number): HostawayCalendarDay[] {
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.UTC(2026, 11, 1 + index)).toISOString().slice(0, 10);
    return aCalendarDay(
      date,
      index % 3 === 2 ? { status: "reserved", isAvailable: 0 } : { status: "available", isAvailable: 1 },
    );
  });
}

function fakeCalendar(days: HostawayCalendarDay[]) {
  const calls: Array<{
    id: number | string;
    range: CalendarQuery | undefined;
    options: RequestOptions | undefined;
  }> = [];
  return {
    calls,
    listings: {
      async calendar(id: number | string, range?: CalendarQuery, options?: RequestOptions) {
        calls.push({ id, range, options });
        return days;
      },
    },
  };
}

describe("checkAvailability", () => {
  it("asks for the listing's nights in the range and answers every night (REFERENCE.md §6.4)", async () => {
    const fake = fakeCalendar(nights(10));
    const signal = new AbortController().signal;
    const calendar = await checkAvailability(
      fake,
      { listing_id: 40160, start_date: "2026-12-01", end_date: "2026-12-10" },
      { signal },
    );
    expect(fake.calls).toEqual([
      { id: 40160, range: { startDate: "2026-12-01", endDate: "2026-12-10" }, options: { signal } },
    ]);
    expect(calendar).toMatchObject({
      listing_id: 40160,
      start_date: "2026-12-01",
      end_date: "2026-12-10",
      all_available: false,
      available_nights: 7,
    });
    expect(calendar.days.map((day) => day.date)).toEqual(nights(10).map((day) => day.date));
  });

  it("leaves a calendar that fits the budget as it is, without a note", async () => {
    const notes: string[] = [];
    const request = { listing_id: 1, start_date: "2026-12-01", end_date: "2026-12-05" };
    const unlimited = await checkAvailability(fakeCalendar(nights(5)), request);
    const budgeted = await checkAvailability(fakeCalendar(nights(5)), request, {
      responseBudget: 25_000,
      onNote: (note) => notes.push(note),
    });
    expect(budgeted).toEqual(unlimited);
    expect(notes).toEqual([]);
  });

  it("cuts a long calendar at a night, keeps room for the note, and says where to continue", async () => {
    const notes: string[] = [];
    const budget = 3_000;
    const calendar = await checkAvailability(
      fakeCalendar(nights(60)),
      { listing_id: 1, start_date: "2026-12-01", end_date: "2027-01-29" },
      { responseBudget: budget, onNote: (note) => notes.push(note) },
    );
    const kept = calendar.days.length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(60);
    expect(JSON.stringify(calendar).length).toBeLessThanOrEqual(budget - CALENDAR_NOTE_ROOM);
    // A cut calendar does not return every night, so it is never "all available".
    expect(calendar.all_available).toBe(false);
    expect(calendar.available_nights).toBe(calendar.days.filter((day) => day.is_available).length);
    const next = nights(60)[kept]?.date;
    expect(notes).toEqual([
      `Returned ${kept} of 60 nights to stay under ${budget} characters; call again with start_date=${next} for the rest.`,
    ]);
    expect(notes[0]?.length).toBeLessThan(CALENDAR_NOTE_ROOM);
  });

  it("says so without a continuation when not even the envelope fits", async () => {
    const notes: string[] = [];
    const calendar = await checkAvailability(
      fakeCalendar(nights(3)),
      { listing_id: 1, start_date: "2026-12-01", end_date: "2026-12-03" },
      { responseBudget: 100, onNote: (note) => notes.push(note) },
    );
    expect(calendar.days).toEqual([]);
    expect(notes).toEqual([
      "Returned 0 of 3 nights to stay under 100 characters; call again with start_date=2026-12-01 for the rest.",
    ]);
  });

  it("refuses a range longer than 366 days before any request, naming end_date", async () => {
    const fake = fakeCalendar([]);
    const error = await checkAvailability(fake, {
      listing_id: 1,
      start_date: "2026-01-01",
      end_date: "2027-06-01",
    }).catch((caught) => caught);
    expect(error).toBeInstanceOf(z.ZodError);
    expect((error as z.ZodError).issues[0]?.path).toEqual(["end_date"]);
    expect(fake.calls).toHaveLength(0);
  });
});
