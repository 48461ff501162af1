import { describe, expect, test } from "vitest";
import { HostawayCalendarDaySchema } from "../hostaway/calendar-day.js";
import { AvailabilityCalendarSchema, CalendarDaySchema } from "../wire/calendar.js";
import { mapAvailabilityCalendar, mapCalendarDay, mapCalendarDayStatus } from "./map-calendar-day.js";

const day = (fields: Record<string, unknown>) =>
  HostawayCalendarDaySchema.parse({ date: "2026-05-01", ...fields });

describe("status (REFERENCE.md §6.4)", () => {
  test.each([
    ["available", "available"],
    ["blocked", "blocked"],
    ["mblocked", "blocked"],
    ["hardBlock", "blocked"],
    ["conflicted", "blocked"],
    ["reserved", "reserved"],
    ["mreserved", "reserved"],
    ["pending", "pending"],
  ])("%s → %s", (status, expected) => {
    expect(mapCalendarDay(day({ status })).status).toBe(expected);
  });

  test("an unknown or missing status falls back on isAvailable, else blocked", () => {
    expect(mapCalendarDayStatus(day({ status: "somethingNew", isAvailable: 1 }))).toBe("available");
    expect(mapCalendarDayStatus(day({ status: "somethingNew", isAvailable: 0 }))).toBe("blocked");
    expect(mapCalendarDayStatus(day({}))).toBe("blocked");
  });

  test("available with isAvailable 0 is treated as blocked", () => {
    expect(mapCalendarDay(day({ status: "available", isAvailable: 0 }))).toMatchObject({
      status: "blocked",
      is_available: false,
    });
  });

  test("is_available follows the status", () => {
    expect(mapCalendarDay(day({ status: "available", isAvailable: 1 })).is_available).toBe(true);
    expect(mapCalendarDay(day({ status: "pending", isAvailable: 1 })).is_available).toBe(false);
  });
});

test("fields are copied and validate", () => {
  const mapped = mapCalendarDay(
    day({
      status: "available",
      price: "120.5",
      minimumStay: 2,
      maximumStay: 1.5,
      closedOnArrival: 1,
      closedOnDeparture: "0",
      note: "  ",
    }),
  );
  expect(mapped).toEqual({
    date: "2026-05-01",
    status: "available",
    is_available: true,
    price: 120.5,
    minimum_stay: 2,
    maximum_stay: null,
    closed_on_arrival: true,
    closed_on_departure: false,
    note: null,
  });
  expect(CalendarDaySchema.safeParse(mapped).success).toBe(true);
});

describe("mapAvailabilityCalendar", () => {
  const days = [
    day({ date: "2026-05-03", status: "available" }),
    day({ date: "2026-05-01", status: "available" }),
    day({ date: "2026-05-02", status: "available" }),
    day({ date: "2026-04-30", status: "reserved" }),
    day({ date: "2026-05-02", status: "reserved" }),
  ];

  test("keeps the range, sorts, drops duplicates, counts available nights", () => {
    const calendar = mapAvailabilityCalendar(7, { start_date: "2026-05-01", end_date: "2026-05-03" }, days);
    expect(calendar.days.map((d) => d.date)).toEqual(["2026-05-01", "2026-05-02", "2026-05-03"]);
    expect(calendar).toMatchObject({ listing_id: 7, all_available: true, available_nights: 3 });
    expect(AvailabilityCalendarSchema.safeParse(calendar).success).toBe(true);
  });

  test("a night that is taken or missing means not all available", () => {
    const taken = mapAvailabilityCalendar(7, { start_date: "2026-04-30", end_date: "2026-05-01" }, days);
    expect(taken).toMatchObject({ all_available: false, available_nights: 1 });
    const missing = mapAvailabilityCalendar(7, { start_date: "2026-05-01", end_date: "2026-05-05" }, days);
    expect(missing).toMatchObject({ all_available: false, available_nights: 3 });
    const empty = mapAvailabilityCalendar(7, { start_date: "2026-06-01", end_date: "2026-06-01" }, []);
    expect(empty).toMatchObject({ all_available: false, available_nights: 0, days: [] });
  });

  test("a backwards range is never all available", () => {
    expect(
      mapAvailabilityCalendar(7, { start_date: "2026-05-03", end_date: "2026-05-01" }, days).all_available,
    ).toBe(false);
  });
});
