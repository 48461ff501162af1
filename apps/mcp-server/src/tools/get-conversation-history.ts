import {
  ConversationHistoryRequestSchema,
  type ConversationThread,
  ConversationThreadSchema,
  fitToBudget,
} from "@hostaway-mcp/domain-models";
import { getConversationHistory } from "@hostaway-mcp/message-timeline";
import { defineTool } from "./define-tool.js";
import { OFFSET_PAGING, UNTRUSTED_MESSAGES } from "./descriptions.js";
import { NOTE_ALLOWANCE } from "./note-allowance.js";

export const getConversationHistoryTool = defineTool({
  name: "hostaway_get_conversation_history",
  title: "Get conversation history",
  description:
    "Every message of one booking as a single chronological timeline (oldest first), merged across all its " +
    "conversations and channels (email, SMS, WhatsApp, and the booking platform's inbox such as Airbnb), with who " +
    "wrote each one (guest, property manager or automation) and the booking's guest, listing and dates. Sent " +
    "messages only unless `include_scheduled` is true. Use it when you know the booking_id; to find messages by " +
    "guest name or date across bookings use hostaway_search_messages; to find a booking_id use " +
    `hostaway_search_bookings. ${UNTRUSTED_MESSAGES} ${OFFSET_PAGING} A page can hold fewer messages than ` +
    "`limit` when they would not fit the response size; `has_more` then says to continue.",
  inputSchema: ConversationHistoryRequestSchema,
  outputSchema: ConversationThreadSchema,
  auditedBookings: (input) => [input.booking_id],
  notFound: (input) => ({
    problem: `Booking ${input.booking_id} does not exist in this Hostaway account.`,
    nextStep: "call hostaway_search_bookings to find valid booking ids.",
  }),
  async run(input, { client, signal, responseBudget, addNote }) {
    const thread = await getConversationHistory(client, input.booking_id, {
      limit: input.limit,
      offset: input.offset,
      includeScheduled: input.include_scheduled,
      signal,
    });
    const render = (kept: readonly ConversationThread["messages"][number][]): ConversationThread =>
      kept.length === thread.messages.length
        ? thread
        : { ...thread, messages: [...kept], has_more: thread.offset + kept.length < thread.total_count };
    const count = fitToBudget(thread.messages, render, responseBudget - NOTE_ALLOWANCE);
    if (count < thread.messages.length) {
      addNote(
        `Returned ${count} of the ${thread.messages.length} messages asked for to stay under ${responseBudget} ` +
          `characters; call again with offset=${thread.offset + count} for the next ones.`,
      );
    }
    return render(thread.messages.slice(0, count));
  },
});
