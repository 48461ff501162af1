import {
  type BatchFailure,
  buildBatchSummary,
  type ConversationThread,
  fitToBudget,
  type Message,
  type MessageSearchCriteria,
  MessageSearchCriteriaSchema,
  type PartialFailureResponse,
} from "@hostaway-mcp/domain-models";
import type { z } from "zod";
import { type BookingContext, buildBookingContexts, guestNameOf } from "./booking-context.js";
import { buildTimeline, channelsInOrder } from "./build-timeline.js";
import { type InstantRange, instantOf, instantRange, isWithin } from "./date-range.js";
import { describeBookingFailure } from "./describe-booking-failure.js";
import {
  type CandidateBooking,
  type CandidateSearch,
  findBookingsActiveInRange,
  findBookingsByGuestName,
  type SearchBounds,
} from "./find-candidate-bookings.js";
import { nameContains } from "./fold-text.js";
import { type BookingMessages, loadBookingMessages } from "./load-booking-messages.js";
import { mapWithConcurrency } from "./map-with-concurrency.js";
import type { MessageSource } from "./message-source.js";
import { searchNote } from "./search-note.js";
import { TimelineValidationError } from "./timeline-validation-error.js";

/** What `searchMessages` accepts: the criteria before defaults (`limit` 50, `offset` 0) are applied. */
export type MessageSearchCriteriaInput = z.input<typeof MessageSearchCriteriaSchema>;

/** Progress of a search: bookings whose messages were read (or failed) out of those it will read. */
export interface SearchProgress {
  done: number;
  total: number;
}

export interface SearchMessagesOptions {
  /** Cancels the search: the source's abort error is rethrown (a cancelled search has no answer). */
  signal?: AbortSignal;
  /** Called after each booking's messages are read or fail. Errors thrown by the callback are ignored. */
  onProgress?: (progress: SearchProgress) => void;
  /** Most bookings whose messages one search reads (each costs at least two requests). Default 25. */
  maxBookings?: number;
  /** Most pages of reservations (100 each) a guest-name or date-range search reads to find bookings. Default 5. */
  maxReservationPages?: number;
  /**
   * Bookings read at once. Default 4. Not a rate limiter (the client's limiter is the only one): it keeps a large
   * search from queueing every request at once, so cancellation and failures take effect promptly.
   */
  concurrency?: number;
  /**
   * Most characters the answer's JSON may take (an MCP response budget): messages are left out from the end of
   * the window until it fits, and the note says which offset comes next. Default: no limit.
   */
  maxResponseChars?: number;
}

export const DEFAULT_SEARCH_BOUNDS = { maxBookings: 25, maxReservationPages: 5, concurrency: 4 } as const;

/**
 * Finds messages by booking, guest name, date range and channel (criteria combine with AND) and returns one
 * thread per matching booking, holding only its matching messages and the booking context that tells similar
 * guests apart.
 *
 * - A booking matches when it satisfies `booking_id` and `guest_name` (when given) and, when `start_date`,
 *   `end_date` or `channels` are given, has at least one message that satisfies them. With only booking-level
 *   criteria a booking without messages is an empty thread.
 * - `limit`/`offset` count messages across the whole result: threads are ordered by their newest matching message
 *   (newest first; threads without dated messages last), their messages (oldest first) are laid end to end, and
 *   the window `[offset, offset + limit)` is cut from that sequence. Every matching thread is listed with its
 *   `total_count`, but only messages inside the window are included; a thread's own `offset`/`has_more` say where
 *   its slice sits, so `{ booking_id, …same criteria, offset: thread.offset + thread.messages.length }` continues it.
 * - A booking whose messages cannot be read becomes a failed item (classified by the error's `errorType`); the rest
 *   are still returned. `summary.total_attempted` = matching threads + failed bookings (bookings read that turned
 *   out not to match are not items).
 * - `note` says what the answer leaves out: the offset to call again with when more messages match (also after
 *   `maxResponseChars` trimmed the window), and, when the search stopped at its bounds, how many bookings it did
 *   not read and how to narrow it. It is null when the answer is complete.
 *
 * Errors: a `TimelineValidationError` for bad criteria (no criterion, a bad date, end before start, a limit out of
 * range), before any request; the source's errors while finding bookings (listing reservations) are rethrown, as
 * is the abort error when `signal` aborts.
 */
export async function searchMessages(
  source: MessageSource,
  criteria: MessageSearchCriteriaInput,
  options: SearchMessagesOptions = {},
): Promise<PartialFailureResponse<ConversationThread>> {
  const parsed = MessageSearchCriteriaSchema.safeParse(criteria);
  if (!parsed.success) throw TimelineValidationError.fromZod("", parsed.error);
  const search = parsed.data;
  const bounds = readBounds(options);
  const { signal } = options;
  const callOptions = signal ? { signal } : {};
  const range = instantRange(search.start_date, search.end_date);

  const found = await findCandidates(source, search, range, bounds, callOptions);
  const total = found.candidates.length;
  let done = 0;
  const outcomes = await mapWithConcurrency(found.candidates, bounds.concurrency, async (candidate) => {
    signal?.throwIfAborted();
    try {
      return await loadBookingMessages(source, candidate.bookingId, {
        includeScheduled: false,
        signal,
        reservation: candidate.reservation ?? undefined,
      });
    } finally {
      done++;
      reportProgress(options.onProgress, { done, total });
    }
  });
  if (signal?.aborted) throw abortErrorFrom(outcomes) ?? signal.reason;

  const threads: MatchingThread[] = [];
  const failed: BatchFailure[] = [];
  outcomes.forEach((outcome, index) => {
    const candidate = found.candidates[index] as CandidateBooking;
    if (outcome.status === "rejected") {
      failed.push(describeBookingFailure(candidate.bookingId, outcome.reason));
      return;
    }
    const thread = matchingThread(outcome.value, search, range);
    if (thread !== null) threads.push(thread);
  });

  // Only the threads of the answer need their context, and they share one read of any listing names missing.
  const contexts = await buildBookingContexts(
    source,
    threads.map((thread) => thread.booking.facts),
    callOptions,
  );
  const page = pageAcrossThreads(threads, contexts, search.offset, search.limit);
  const summary = buildBatchSummary(page.threads.length, failed.length);
  const answer = (returned: number): PartialFailureResponse<ConversationThread> => ({
    successful_results:
      returned === page.windowSize ? page.threads : keepFirstMessages(page.threads, returned),
    failed_items: failed,
    summary,
    note: searchNote(
      {
        offset: search.offset,
        windowSize: page.windowSize,
        returned,
        total: page.total,
        maxResponseChars: bounds.maxResponseChars,
      },
      found.cap,
    ),
  });
  if (bounds.maxResponseChars === undefined) return answer(page.windowSize);
  const positions = Array.from({ length: page.windowSize }, (_, index) => index);
  return answer(fitToBudget(positions, (kept) => answer(kept.length), bounds.maxResponseChars));
}

function findCandidates(
  source: MessageSource,
  search: MessageSearchCriteria,
  range: InstantRange,
  bounds: SearchBounds,
  callOptions: { signal?: AbortSignal },
): Promise<CandidateSearch> {
  if (search.booking_id !== undefined) {
    return Promise.resolve({ candidates: [{ bookingId: search.booking_id, reservation: null }], cap: null });
  }
  if (search.guest_name !== undefined) {
    return findBookingsByGuestName(source, search.guest_name, range, bounds, callOptions);
  }
  return findBookingsActiveInRange(source, range, bounds, callOptions);
}

/** A booking's matching messages as a timeline, before the result's window is applied. */
interface MatchingThread {
  booking: BookingMessages;
  messages: Message[];
  newest: number | null;
}

function matchingThread(
  booking: BookingMessages,
  search: MessageSearchCriteria,
  range: InstantRange,
): MatchingThread | null {
  if (
    search.guest_name !== undefined &&
    !nameContains(guestNameOf(booking.facts.reservation), search.guest_name)
  )
    return null;
  const byDate = search.start_date !== undefined || search.end_date !== undefined;
  const channels = search.channels ? new Set(search.channels) : null;
  const timeline = buildTimeline(booking.messages);
  const messages = timeline.messages.filter(
    (message) =>
      (!byDate || isWithin(message.timestamp, range)) && (channels === null || channels.has(message.channel)),
  );
  if ((byDate || channels !== null) && messages.length === 0) return null;
  const newest = messages.reduce<number | null>((latest, message) => {
    const time = instantOf(message.timestamp);
    return time !== null && (latest === null || time > latest) ? time : latest;
  }, null);
  return { booking, messages, newest };
}

interface SearchPage {
  threads: ConversationThread[];
  /** Messages inside the window, across the threads. */
  windowSize: number;
  /** Matching messages across every thread. */
  total: number;
}

/**
 * Orders threads newest activity first and cuts the message window across them (see `searchMessages`);
 * `contexts[i]` is the booking context of `threads[i]`.
 */
function pageAcrossThreads(
  threads: readonly MatchingThread[],
  contexts: readonly BookingContext[],
  offset: number,
  limit: number,
): SearchPage {
  const ordered = threads
    .map((thread, index) => ({ ...thread, context: contexts[index] as BookingContext }))
    .sort(
      (a, b) =>
        (b.newest ?? Number.NEGATIVE_INFINITY) - (a.newest ?? Number.NEGATIVE_INFINITY) ||
        b.booking.facts.bookingId - a.booking.facts.bookingId,
    );
  let position = 0;
  const paged = ordered.map(({ booking, context, messages }): ConversationThread => {
    const start = Math.min(Math.max(offset - position, 0), messages.length);
    const end = Math.min(Math.max(offset + limit - position, 0), messages.length);
    position += messages.length;
    const slice = messages.slice(start, Math.max(start, end));
    return {
      ...context,
      conversation_ids: booking.conversationIds,
      channels_used: channelsInOrder(messages),
      total_count: messages.length,
      offset: start,
      limit,
      has_more: start + slice.length < messages.length,
      messages: slice,
      as_of: booking.asOf,
    };
  });
  return { threads: paged, windowSize: countMessages(paged), total: position };
}

/**
 * The window's first `count` messages (laid end to end across threads), to fit a character budget: later
 * messages are dropped, every thread stays listed, and each thread's `has_more` stays truthful.
 */
function keepFirstMessages(threads: readonly ConversationThread[], count: number): ConversationThread[] {
  let remaining = count;
  return threads.map((thread) => {
    const messages = thread.messages.slice(0, Math.max(0, remaining));
    remaining -= messages.length;
    return { ...thread, messages, has_more: thread.offset + messages.length < thread.total_count };
  });
}

function countMessages(threads: readonly ConversationThread[]): number {
  return threads.reduce((sum, thread) => sum + thread.messages.length, 0);
}

function readBounds(
  options: SearchMessagesOptions,
): SearchBounds & { concurrency: number; maxResponseChars: number | undefined } {
  const read = (field: "maxBookings" | "maxReservationPages" | "concurrency") => {
    const value = options[field] ?? DEFAULT_SEARCH_BOUNDS[field];
    if (!Number.isInteger(value) || value < 1) {
      throw new TimelineValidationError(field, `must be a whole number of at least 1, got ${String(value)}`);
    }
    return value;
  };
  const { maxResponseChars } = options;
  if (maxResponseChars !== undefined && !(Number.isInteger(maxResponseChars) && maxResponseChars >= 1)) {
    throw new TimelineValidationError(
      "maxResponseChars",
      `must be a whole number of at least 1 when given, got ${String(maxResponseChars)}`,
    );
  }
  return {
    maxBookings: read("maxBookings"),
    maxReservationPages: read("maxReservationPages"),
    concurrency: read("concurrency"),
    maxResponseChars,
  };
}

/** The source's own abort error (e.g. the client's `HostawayAbortError`), so history and search throw alike. */
function abortErrorFrom(outcomes: readonly PromiseSettledResult<unknown>[]): unknown {
  for (const outcome of outcomes) {
    if (outcome.status === "rejected" && (outcome.reason as { errorType?: unknown } | null)?.errorType) {
      return outcome.reason;
    }
  }
  return undefined;
}

function reportProgress(onProgress: SearchMessagesOptions["onProgress"], progress: SearchProgress): void {
  try {
    onProgress?.(progress);
  } catch {
    // A progress listener's failure must not fail the search.
  }
}
