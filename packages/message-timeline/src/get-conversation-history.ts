import type { ConversationThread } from "@hostaway-mcp/domain-models";
import type { BookingContext } from "./booking-context.js";
import { buildBookingContexts } from "./booking-context.js";
import { buildTimeline } from "./build-timeline.js";
import { loadBookingMessages } from "./load-booking-messages.js";
import type { MessageSource } from "./message-source.js";
import { TimelineValidationError } from "./timeline-validation-error.js";

export interface ConversationHistoryOptions {
  /** Most messages to return, 1..1000. Default 50. */
  limit?: number;
  /** Messages to skip from the oldest, ≥ 0. Default 0. */
  offset?: number;
  /** Also return scheduled, paused, failed and cancelled messages. Default false (sent messages only). */
  includeScheduled?: boolean;
  /** Cancels the upstream requests; the source's abort error is rethrown. */
  signal?: AbortSignal;
}

export const DEFAULT_HISTORY_LIMIT = 50;
export const MAX_HISTORY_LIMIT = 1000;

/**
 * The whole message history of one booking: every conversation merged into one chronological timeline, one page
 * of it returned. `total_count` is the size of the whole thread and `has_more` says whether messages follow the
 * page. The whole thread is read on every call (Hostaway's messages have no documented order, REFERENCE.md §7, so
 * a page of the merged timeline cannot be cut upstream); see the README for the request cost.
 *
 * Errors: a `TimelineValidationError` for a bad id, limit or offset (no request is made); anything the source
 * throws is rethrown unchanged — a `HostawayNotFoundError` for an unknown booking. A booking with no conversation
 * is an empty thread, not an error.
 */
export async function getConversationHistory(
  source: MessageSource,
  bookingId: number,
  options: ConversationHistoryOptions = {},
): Promise<ConversationThread> {
  const { limit = DEFAULT_HISTORY_LIMIT, offset = 0, includeScheduled = false, signal } = options;
  requireWholeNumber("bookingId", bookingId, 1, Number.MAX_SAFE_INTEGER);
  requireWholeNumber("limit", limit, 1, MAX_HISTORY_LIMIT);
  requireWholeNumber("offset", offset, 0, Number.MAX_SAFE_INTEGER);
  if (typeof includeScheduled !== "boolean") {
    throw new TimelineValidationError("includeScheduled", "must be true or false");
  }

  const booking = await loadBookingMessages(source, bookingId, { includeScheduled, signal });
  const [context] = await buildBookingContexts(source, [booking.facts], signal ? { signal } : {});
  const timeline = buildTimeline(booking.messages);
  const page = timeline.messages.slice(offset, offset + limit);
  return {
    ...(context as BookingContext),
    conversation_ids: booking.conversationIds,
    channels_used: timeline.channels_used,
    total_count: timeline.total_count,
    offset,
    limit,
    has_more: offset + page.length < timeline.total_count,
    messages: page,
    as_of: booking.asOf,
  };
}

function requireWholeNumber(field: string, value: unknown, min: number, max: number): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
    throw new TimelineValidationError(field, `must be a whole number ${range}, got ${describe(value)}`);
  }
}

function describe(value: unknown): string {
  return typeof value === "number" || typeof value === "boolean" ? String(value) : typeof value;
}
