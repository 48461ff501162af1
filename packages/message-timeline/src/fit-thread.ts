import { type ConversationThread, fitToBudget } from "@hostaway-mcp/domain-models";

/**
 * Characters kept free for the note that goes beside a trimmed thread (the thread has no `note` field), so the
 * answer and its note together stay within the budget.
 */
export const NOTE_ALLOWANCE = 500;

/**
 * A history page fitted to a response budget: trailing messages are left out (never cut JSON), `has_more` stays
 * true to the rest, and `onNote` is told which offset continues.
 */
export function fitThread(
  thread: ConversationThread,
  responseBudget: number,
  onNote: ((text: string) => void) | undefined,
): ConversationThread {
  const render = (kept: readonly ConversationThread["messages"][number][]): ConversationThread =>
    kept.length === thread.messages.length
      ? thread
      : { ...thread, messages: [...kept], has_more: thread.offset + kept.length < thread.total_count };
  const count = fitToBudget(thread.messages, render, responseBudget - NOTE_ALLOWANCE);
  if (count < thread.messages.length) {
    onNote?.(
      `Returned ${count} of the ${thread.messages.length} messages asked for to stay under ${responseBudget} ` +
        `characters; call again with offset=${thread.offset + count} for the next ones.`,
    );
  }
  return render(thread.messages.slice(0, count));
}
