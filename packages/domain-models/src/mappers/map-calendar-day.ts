import type { HostawayCalendarDay } from "../hostaway/calendar-day.js";
import type { AvailabilityCalendar, CalendarDay } from "../wire/calendar.js";
import type { CalendarDayStatus } from "../wire/enums.js";
import { integerOrNull, orNull, textOrNull } from "./values.js";

/**
 * Hostaway's day statuses (REFERENCE.md §6.4) folded into ours. The deprecated `mblocked`/`conflicted`/`mreserved`
 * and the future `hardBlock` keep their meaning.
 */
const STATUS_MAP: Record<string, CalendarDayStatus> = {
  available: "available",
  blocked: "blocked",
  mblocked: "blocked",
  hardblock: "blocked",
  conflicted: "blocked",
  reserved: "reserved",
  mreserved: "reserved",
  pending: "pending",
};

/**
 * Our status for a Hostaway day. An unknown or missing status falls back on `isAvailable`; with no information at
 * all the night counts as blocked, because promising an unbookable night is worse than missing a bookable one.
 * A day whose status says available while `isAvailable` is 0 is blocked too, for the same reason.
 */
export function mapCalendarDayStatus(
  day: Pick<HostawayCalendarDay, "status" | "isAvailable">,
): CalendarDayStatus {
  const known = day.status ? STATUS_MAP[day.status.trim().toLowerCase()] : undefined;
  if (known === "available" && day.isAvailable === false) return "blocked";
  if (known !== undefined) return known;
  return day.isAvailable === true ? "available" : "blocked";
}

/** One Hostaway calendar day as a wire `CalendarDay`. */
export function mapCalendarDay(day: HostawayCalendarDay): CalendarDay {
  const status = mapCalendarDayStatus(day);
  return {
    date: day.date as string,
    status,
    is_available: status === "available",
    price: orNull(day.price),
    minimum_stay: integerOrNull(day.minimumStay),
    maximum_stay: integerOrNull(day.maximumStay),
    closed_on_arrival: orNull(day.closedOnArrival),
    closed_on_departure: orNull(day.closedOnDeparture),
    note: textOrNull(day.note),
  };
}

/**
 * The availability of a listing from `startDate` to `endDate` (both inclusive, `YYYY-MM-DD`). Days outside the
 * range are dropped, duplicates keep the first copy, and the rest are sorted. `all_available` is true only when
 * every night of the range is present and available (a missing night is not a free night).
 */
export function mapAvailabilityCalendar(
  listingId: number,
  range: { start_date: string; end_date: string },
  days: readonly HostawayCalendarDay[],
): AvailabilityCalendar {
  const byDate = new Map<string, CalendarDay>();
  for (const day of days) {
    const mapped = mapCalendarDay(day);
    if (mapped.date < range.start_date || mapped.date > range.end_date || byDate.has(mapped.date)) continue;
    byDate.set(mapped.date, mapped);
  }
  const sorted = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const availableNights = sorted.filter((day) => day.is_available).length;
  const nightsInRange = nightsBetweenInclusive(range.start_date, range.end_date);
  return {
    listing_id: listingId,
    start_date: range.start_date,
    end_date: range.end_date,
    all_available: nightsInRange > 0 && availableNights === nightsInRange,
    available_nights: availableNights,
    days: sorted,
  };
}

function nightsBetweenInclusive(start: string, end: string): number {
  const days =
    Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
  return Number.isFinite(days) && days > 0 ? days : 0;
}
