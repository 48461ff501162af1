import {
  getConversationHistoryOperation,
  implement,
  type OperationTable,
  searchMessagesOperation,
} from "@hostaway-mcp/domain-models";
import { fitThread } from "./fit-thread.js";
import { getConversationHistory } from "./get-conversation-history.js";
import type { MessageSource } from "./message-source.js";
import { searchMessages } from "./search-messages.js";

/** The operations this package implements, by catalogue name (see domain-models `OPERATIONS`). */
export const timelineOperations: OperationTable<MessageSource> = {
  ...implement(searchMessagesOperation, (client: MessageSource, input, context) =>
    // The search trims its own window to the budget, so its note names the right offset to continue from.
    searchMessages(client, input, {
      ...(context.signal ? { signal: context.signal } : {}),
      ...(context.responseBudget === undefined ? {} : { maxResponseChars: context.responseBudget }),
      onProgress: ({ done, total }) =>
        context.onProgress?.({ done, total, message: `read the messages of ${done} of ${total} bookings` }),
    }),
  ),
  ...implement(getConversationHistoryOperation, async (client: MessageSource, input, context) => {
    const thread = await getConversationHistory(client, input.booking_id, {
      limit: input.limit,
      offset: input.offset,
      includeScheduled: input.include_scheduled,
      ...(context.signal ? { signal: context.signal } : {}),
    });
    return context.responseBudget === undefined
      ? thread
      : fitThread(thread, context.responseBudget, context.onNote);
  }),
};
