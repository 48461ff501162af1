import {
  AvailabilityCalendarSchema,
  CheckAvailabilityRequestSchema,
  fitToBudget,
  mapAvailabilityCalendar,
} from "@hostaway-mcp/domain-models";
import { defineTool } from "./define-tool.js";
import { NOTE_ALLOWANCE } from "./note-allowance.js";

export const checkAvailabilityTool = defineTool({
  name: "hostaway_check_availability",
  title: "Check availability",
  description:
    "Check one property's calendar night by night between `start_date` and `end_date` (both inclusive, at most " +
    "366 days): whether each night is available, blocked or reserved, its price and minimum stay. " +
    '`all_available` answers "is the whole range free?". Use hostaway_list_properties to find a listing_id and ' +
    "hostaway_search_bookings to see who booked the reserved nights. Paging: none; if the range is too long for " +
    "one answer, the days are cut at a night boundary and a note says which start_date to ask for next.",
  inputSchema: CheckAvailabilityRequestSchema,
  outputSchema: AvailabilityCalendarSchema,
  notFound: (input) => ({
    problem: `Listing ${input.listing_id} does not exist in this Hostaway account.`,
    nextStep: "call hostaway_list_properties to see valid listing ids.",
  }),
  async run(input, { client, signal, responseBudget, addNote }) {
    const days = await client.listings.calendar(
      input.listing_id,
      { startDate: input.start_date, endDate: input.end_date },
      { signal },
    );
    const calendar = mapAvailabilityCalendar(input.listing_id, input, days);
    // A trimmed calendar does not return every night, so it cannot be "all available" (the schema's definition).
    const render = (kept: readonly (typeof calendar.days)[number][]) =>
      kept.length === calendar.days.length
        ? calendar
        : {
            ...calendar,
            all_available: false,
            available_nights: kept.filter((day) => day.is_available).length,
            days: [...kept],
          };
    const count = fitToBudget(calendar.days, render, responseBudget - NOTE_ALLOWANCE);
    if (count === calendar.days.length) return calendar;
    // The schema has no cursor, so the rest of the range is described in a note beside the JSON.
    const kept = calendar.days.slice(0, count);
    const next = calendar.days[count];
    addNote(
      `Returned ${count} of ${calendar.days.length} nights to stay under ${responseBudget} characters` +
        (next ? `; call again with start_date=${next.date} for the rest.` : "."),
    );
    return render(kept);
  },
});
