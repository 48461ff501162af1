import { AvailabilityCalendarSchema, CheckAvailabilityRequestSchema } from "@hostaway-mcp/domain-models";
import { checkAvailability } from "@hostaway-mcp/hostaway-client";
import { defineTool } from "./define-tool.js";
import { queryOptions } from "./query-options.js";

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
  async run(input, context) {
    // The calendar has no `note` field: a cut calendar's note goes beside the JSON.
    return checkAvailability(context.client, input, { ...queryOptions(context), onNote: context.addNote });
  },
});
