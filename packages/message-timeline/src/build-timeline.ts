import type { Message, MessageChannel } from "@hostaway-mcp/domain-models";

/** One chronological timeline of messages, whatever conversation or channel they came through. */
export interface Timeline {
  /** Oldest first; ties by id; messages without a time last, in the order they were retrieved. */
  messages: Message[];
  /** Messages in the timeline (after de-duplication). */
  total_count: number;
  /** Each channel once, in the order it was first used in the timeline (so the agent sees how talk moved). */
  channels_used: MessageChannel[];
}

/**
 * Merges messages into one timeline. Pure: it sorts a copy and never drops a message it cannot date.
 *
 * - De-duplicates by message id, keeping the first copy retrieved (an offset page can repeat a message when a new
 *   one arrives mid-paging; Hostaway documents no message order or cursor, REFERENCE.md §7).
 * - Orders by `timestamp` ascending (compared as instants, not text), then by id, so equal times are stable.
 * - A message whose `timestamp` is null keeps `timestamp: null` and goes after the dated ones, in retrieval order.
 *   The mapper has already fallen back from `date` to `sentChannelDate` to `insertedOn`, so null means Hostaway
 *   sent no time at all.
 */
export function buildTimeline(messages: readonly Message[]): Timeline {
  const seen = new Set<number>();
  const dated: { message: Message; time: number }[] = [];
  const undated: Message[] = [];
  for (const message of messages) {
    if (seen.has(message.id)) continue;
    seen.add(message.id);
    const time = message.timestamp === null ? Number.NaN : Date.parse(message.timestamp);
    if (Number.isNaN(time)) undated.push(message);
    else dated.push({ message, time });
  }
  dated.sort((a, b) => a.time - b.time || a.message.id - b.message.id);
  const ordered = [...dated.map((entry) => entry.message), ...undated];
  return { messages: ordered, total_count: ordered.length, channels_used: channelsInOrder(ordered) };
}

/** Distinct channels in order of first appearance. */
export function channelsInOrder(messages: readonly Message[]): MessageChannel[] {
  const channels = new Set<MessageChannel>();
  for (const message of messages) channels.add(message.channel);
  return [...channels];
}
