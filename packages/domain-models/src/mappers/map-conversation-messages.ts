import type { HostawayConversation } from "../hostaway/conversation.js";
import type { HostawayMessage } from "../hostaway/message.js";
import type { Message } from "../wire/message.js";
import { type MessageMappingContext, mapMessage } from "./map-message.js";

/**
 * The messages of one conversation as wire `Message`s, oldest first (Hostaway documents no order, REFERENCE.md
 * §7; ties and unknown times fall back on the message id, unknown times last). The conversation supplies the
 * context: its `Reservation` names the platform and the guest, its ids fill gaps. Without `messages`, the
 * conversation's own `conversationMessages` (the latest message only) are used.
 */
export function mapConversationMessages(
  conversation: HostawayConversation,
  messages: readonly HostawayMessage[] = conversation.conversationMessages ?? [],
  context: Omit<MessageMappingContext, "conversation"> = {},
): Message[] {
  const mapped = messages.map((message) => mapMessage(message, { ...context, conversation }));
  return mapped.sort(compareChronologically);
}

/** Oldest first; messages without a time go last; the id breaks ties. */
export function compareChronologically(a: Message, b: Message): number {
  if (a.timestamp !== b.timestamp) {
    if (a.timestamp === null) return 1;
    if (b.timestamp === null) return -1;
    const byTime = Date.parse(a.timestamp) - Date.parse(b.timestamp);
    if (byTime !== 0) return byTime;
  }
  return a.id - b.id;
}
