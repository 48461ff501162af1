import {
  type AvailabilityCalendar,
  type CalendarDay,
  type CheckAvailabilityRequest,
  CheckAvailabilityRequestSchema,
  mapAvailabilityCalendar,
} from "@hostaway-mcp/domain-models";
import type { ListingsResource } from "../resources/listings.js";
import { countWithinBudget, type QueryOptions } from "./query-options.js";

/**
 * Characters of the response budget kept for the note that goes beside a cut calendar: the wire object has no
 * `note` (nor a cursor), so the note travels separately and must fit too.
 */
export const CALENDAR_NOTE_ROOM = 500;

export interface CheckAvailabilityOptions extends QueryOptions {
  /**
   * Receives the note when the calendar was cut to the response budget (how many nights were returned and which
   * `start_date` to ask for next). Show it beside the answer.
   */
  onNote?: ((note: string) => void) | undefined;
}

/**
 * One property's nights from `start_date` to `end_date` (REFERENCE.md §6.4): status, price, minimum stay, and
 * whether the whole range is free. Cut to the response budget at a night boundary; a cut calendar is never
 * `all_available` (it does not return every night).
 */
export async function checkAvailability(
  client: { listings: Pick<ListingsResource, "calendar"> },
  request: CheckAvailabilityRequest,
  options: CheckAvailabilityOptions = {},
): Promise<AvailabilityCalendar> {
  const input = CheckAvailabilityRequestSchema.parse(request);
  const { signal, responseBudget } = options;
  const days = await client.listings.calendar(
    input.listing_id,
    { startDate: input.start_date, endDate: input.end_date },
    { signal },
  );
  const calendar = mapAvailabilityCalendar(input.listing_id, input, days);
  if (responseBudget === undefined) return calendar;

  const render = (kept: readonly CalendarDay[]): AvailabilityCalendar =>
    kept.length === calendar.days.length
      ? calendar
      : {
          ...calendar,
          all_available: false,
          available_nights: kept.filter((day) => day.is_available).length,
          days: [...kept],
        };
  const count = countWithinBudget(calendar.days, render, Math.max(0, responseBudget - CALENDAR_NOTE_ROOM));
  if (count === calendar.days.length) return calendar;
  const next = calendar.days[count];
  options.onNote?.(
    `Returned ${count} of ${calendar.days.length} nights to stay under ${responseBudget} characters` +
      (next ? `; call again with start_date=${next.date} for the rest.` : "."),
  );
  return render(calendar.days.slice(0, count));
}
