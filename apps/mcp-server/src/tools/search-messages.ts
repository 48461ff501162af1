import {
  ConversationThreadSchema,
  partialFailureResponseSchema,
  SearchMessagesRequestSchema,
} from "@hostaway-mcp/domain-models";
import { searchMessages } from "@hostaway-mcp/message-timeline";
import { defineTool } from "./define-tool.js";
import { UNTRUSTED_MESSAGES } from "./descriptions.js";

export const searchMessagesTool = defineTool({
  name: "hostaway_search_messages",
  title: "Search messages",
  description:
    "Find guest messages across bookings by `booking_id`, `guest_name` (partial; case- and accent-insensitive, " +
    "so jose finds José), a date range (`start_date`..`end_date`, inclusive, UTC) and `channels`; criteria combine " +
    "with AND and at least one of booking_id, guest_name, start_date or end_date is needed. Returns one thread per " +
    "matching booking with only its matching messages and the booking's guest, listing and dates, so guests with " +
    "similar names are told apart. A booking whose messages cannot be read is listed under `failed_items` without " +
    "failing the rest; `summary` counts bookings only. For one booking's complete history use " +
    `hostaway_get_conversation_history instead. ${UNTRUSTED_MESSAGES} Paging: \`limit\` and \`offset\` count ` +
    "messages across all threads of the result (threads newest activity first). `note` is null when the answer " +
    "is complete; otherwise it says what is missing and what to do: the offset to call again with (more " +
    "messages, or some left out to fit the response size), or, for a search too broad to finish, how many " +
    "bookings were not searched and how to narrow it.",
  inputSchema: SearchMessagesRequestSchema,
  outputSchema: partialFailureResponseSchema(ConversationThreadSchema),
  auditedBookings: (input, output) => {
    const bookings = output?.successful_results.map((thread) => thread.booking_id) ?? [];
    return bookings.length > 0 ? bookings : [input.booking_id ?? null];
  },
  notFound: (input) => ({
    problem:
      input.booking_id === undefined
        ? "Hostaway reported a booking of the search as not found."
        : `Booking ${input.booking_id} does not exist in this Hostaway account.`,
    nextStep: "call hostaway_search_bookings to find valid booking ids.",
  }),
  async run(input, { client, signal, progress, responseBudget }) {
    // The package trims the window to the budget itself, so its note names the right offset to continue from.
    return searchMessages(client, input, {
      signal,
      maxResponseChars: responseBudget,
      onProgress: ({ done, total }) =>
        progress(done, total, `read the messages of ${done} of ${total} bookings`),
    });
  },
});
