import type { HostawayConversation, HostawayReservation } from "@hostaway-mcp/domain-models";

/**
 * What changes whenever a conversation gains, loses or changes a message, as its list entry shows it (REFERENCE.md
 * §7): the last outgoing and incoming times, the embedded latest message, and whether something is unread. One
 * conversation-list read therefore proves a conversation's cached message pages current, or not.
 */
export function conversationSignature(conversation: HostawayConversation): string {
  const latest = conversation.conversationMessages?.[0];
  return JSON.stringify([
    conversation.messageSentOn ?? null,
    conversation.messageReceivedOn ?? null,
    latest?.id ?? null,
    latest?.updatedOn ?? latest?.insertedOn ?? null,
    conversation.hasUnreadMessages ?? null,
  ]);
}

/** A reservation changes `latestActivityOn` with every modification and message (REFERENCE.md §8.3, §9). */
export function reservationSignature(reservation: Pick<HostawayReservation, "latestActivityOn">): string {
  return String(reservation.latestActivityOn ?? "");
}

/** A stable cache key for a read: the resource, its id and its query with keys in order. */
export function readKey(resource: string, query: object = {}): string {
  const entries = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${resource}?${JSON.stringify(entries)}`;
}
