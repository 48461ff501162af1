import {
  type ConversationThread,
  ConversationThreadSchema,
  fitToBudget,
  type PartialFailureResponse,
  partialFailureResponseSchema,
  SearchMessagesRequestSchema,
} from "@hostaway-mcp/domain-models";
import { searchMessages } from "@hostaway-mcp/message-timeline";
import { defineTool } from "./define-tool.js";
import { UNTRUSTED_MESSAGES } from "./descriptions.js";
import { NOTE_ALLOWANCE } from "./note-allowance.js";

type SearchResult = PartialFailureResponse<ConversationThread>;

export const searchMessagesTool = defineTool({
  name: "hostaway_search_messages",
  title: "Search messages",
  description:
    "Find guest messages across bookings by `booking_id`, `guest_name` (partial; case- and accent-insensitive, " +
    "so jose finds José), a date range (`start_date`..`end_date`, inclusive, UTC) and `channels`; criteria combine " +
    "with AND and at least one of booking_id, guest_name, start_date or end_date is needed. Returns one thread per " +
    "matching booking with only its matching messages and the booking's guest, listing and dates, so guests with " +
    "similar names are told apart. A booking whose messages cannot be read is listed under `failed` without " +
    "failing the rest; a search too broad to finish lists a `search_cap` failure that says how to narrow it. For " +
    "one booking's complete history use hostaway_get_conversation_history instead. " +
    `${UNTRUSTED_MESSAGES} Paging: \`limit\` and \`offset\` count messages across all threads of the result ` +
    "(threads newest activity first); call again with the same criteria and offset = offset + messages returned " +
    "while any thread has `has_more`.",
  inputSchema: SearchMessagesRequestSchema,
  outputSchema: partialFailureResponseSchema(ConversationThreadSchema),
  auditedBookings: (input, output) => {
    const bookings = output?.successful.map((thread) => thread.booking_id) ?? [];
    return bookings.length > 0 ? bookings : [input.booking_id ?? null];
  },
  notFound: (input) => ({
    problem:
      input.booking_id === undefined
        ? "Hostaway reported a booking of the search as not found."
        : `Booking ${input.booking_id} does not exist in this Hostaway account.`,
    nextStep: "call hostaway_search_bookings to find valid booking ids.",
  }),
  async run(input, { client, signal, progress, responseBudget, addNote }) {
    const result = await searchMessages(client, input, {
      signal,
      onProgress: ({ done, total }) =>
        progress(done, total, `read the messages of ${done} of ${total} bookings`),
    });
    const trimmed = fitMessages(result, responseBudget - NOTE_ALLOWANCE);
    if (trimmed.returned < trimmed.window) {
      addNote(
        `Returned ${trimmed.returned} of the ${trimmed.window} messages in this window to stay under ` +
          `${responseBudget} characters; call again with the same criteria and offset=` +
          `${input.offset + trimmed.returned} for the next ones.`,
      );
    }
    return trimmed.result;
  },
});

/**
 * The result's messages are one window laid end to end across threads; to fit the budget, messages are dropped
 * from the end of that window (never cutting JSON), and each thread's `has_more` is kept truthful.
 */
function fitMessages(
  result: SearchResult,
  budget: number,
): { result: SearchResult; returned: number; window: number } {
  const window = result.successful.reduce((sum, thread) => sum + thread.messages.length, 0);
  const positions = Array.from({ length: window }, (_, index) => index);
  const render = (kept: readonly number[]): SearchResult => {
    if (kept.length === window) return result;
    let remaining = kept.length;
    return {
      ...result,
      successful: result.successful.map((thread) => {
        const messages = thread.messages.slice(0, Math.max(0, remaining));
        remaining -= messages.length;
        return {
          ...thread,
          messages,
          has_more: thread.offset + messages.length < thread.total_count,
        };
      }),
    };
  };
  const returned = fitToBudget(positions, render, budget);
  return { result: render(positions.slice(0, returned)), returned, window };
}
