import type { HostawayConversation, HostawayMessage } from "@hostaway-mcp/domain-models";
import type { MessageSource, SourceCallOptions } from "./message-source.js";
import type { OldestRead } from "./oldest-read.js";

/**
 * Page size for conversation and message lists. Hostaway documents no maximum (REFERENCE.md §11); the sandbox
 * caps pages at 100, and so does this package, so one page holds a 100-message conversation.
 */
export const PAGE_SIZE = 100;

/** Safety cap on the pages read for one list, so a source that never stops cannot loop forever. */
const MAX_PAGES_PER_LIST = 100;

/** The conversations of one booking with every one of their messages, in retrieval order. */
export interface ConversationWithMessages {
  conversation: HostawayConversation;
  messages: HostawayMessage[];
}

/**
 * Lists the conversations of a booking. Usually one request (`GET /v1/conversations?reservationId=`): a booking has
 * a handful of conversations. Conversations that name another reservation are dropped, in case an upstream ignores
 * the filter (Hostaway documents it, REFERENCE.md §6.3, but a wrong thread is worse than a missing one).
 */
export async function listBookingConversations(
  source: MessageSource,
  bookingId: number,
  options: SourceCallOptions,
  reads?: OldestRead,
): Promise<HostawayConversation[]> {
  const conversations: HostawayConversation[] = [];
  for (let page = 0; page < MAX_PAGES_PER_LIST; page++) {
    const listed = await source.conversations.list(
      { reservationId: bookingId, limit: PAGE_SIZE, offset: conversations.length },
      options,
    );
    reads?.note(listed);
    const { items, count } = listed;
    conversations.push(...items);
    if (items.length === 0 || conversations.length >= (count ?? 0)) break;
  }
  const seen = new Set<number>();
  return conversations.filter((conversation) => {
    const ownReservation = conversation.reservationId ?? bookingId;
    if (ownReservation !== bookingId || seen.has(conversation.id)) return false;
    seen.add(conversation.id);
    return true;
  });
}

/**
 * Fetches every message of every conversation with as few round trips as the counts allow: page 1 of all
 * conversations at once, then, once each `count` is known, all remaining pages of all conversations at once.
 * A 100-message conversation therefore costs one message request; 250 messages cost three, two of them concurrent.
 * When a page has no `count`, further pages are read one at a time until a short or empty page.
 */
export async function fetchConversationMessages(
  source: MessageSource,
  conversations: readonly HostawayConversation[],
  includeScheduled: boolean,
  options: SourceCallOptions,
  reads?: OldestRead,
): Promise<ConversationWithMessages[]> {
  const query = includeScheduled ? { includeScheduledMessages: true } : {};
  const fetchPage = async (conversationId: number, offset: number) => {
    const page = await source.conversations.messages(
      conversationId,
      { ...query, limit: PAGE_SIZE, offset },
      options,
    );
    reads?.note(page);
    return page;
  };

  const firstPages = await Promise.all(conversations.map((conversation) => fetchPage(conversation.id, 0)));

  return Promise.all(
    conversations.map(async (conversation, index) => {
      const first = firstPages[index] as Awaited<ReturnType<typeof fetchPage>>;
      const messages = [...first.items];
      // The stride is the first page's length, so an upstream whose cap is below 100 still leaves no gap.
      const stride = first.items.length;
      if (first.count !== null) {
        const offsets: number[] = [];
        for (let offset = stride; stride > 0 && offset < first.count; offset += stride) {
          if (offsets.length >= MAX_PAGES_PER_LIST) break;
          offsets.push(offset);
        }
        const rest = await Promise.all(offsets.map((offset) => fetchPage(conversation.id, offset)));
        for (const page of rest) messages.push(...page.items);
      } else {
        // No total: walk on while pages come back full (REFERENCE.md §3: pagination fields are often missing).
        let last = stride;
        for (let page = 1; stride > 0 && last >= stride && page < MAX_PAGES_PER_LIST; page++) {
          const next = await fetchPage(conversation.id, page * stride);
          messages.push(...next.items);
          last = next.items.length;
        }
      }
      return { conversation, messages };
    }),
  );
}
