import type { HostawayConversation } from "@hostaway-mcp/domain-models";
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
  /**
   * Most bookings whose messages one search reads. Default: no limit — a search finds every booking that can
   * match, and only its deadline (below) can cut it, which the note then says.
   */
  maxBookings?: number;
  /**
   * Most pages of reservations (100 each) a guest-name or date-range search reads to find bookings. Default 50: a
   * safety bound (5 000 reservations active since the start date), which the note names when it binds.
   */
  maxReservationPages?: number;
  /**
   * Bookings read at once. Default 8. Not a rate limiter (the client's limiter is the only one): it keeps a large
   * search from queueing every request at once, so cancellation and failures take effect promptly.
   */
  concurrency?: number;
  /**
   * How long the search may take, in ms. Default 40 000: under the 60 s a standard MCP client waits. When it runs
   * out, the bookings not yet read are named in `note`; what was read is cached by the client, so the same search
   * again continues from there.
   */
  deadlineMs?: number;
  /** Cache warming: every request goes behind interactive ones, within the client's background share. */
  background?: boolean;
  /**
   * Most characters the answer's JSON may take (an MCP response budget): messages are left out from the end of
   * the window until it fits, and the note says which offset comes next. Default: no limit.
   */
  maxResponseChars?: number;
}

export const DEFAULT_SEARCH_BOUNDS = {
  maxBookings: Number.POSITIVE_INFINITY,
  maxReservationPages: 50,
  concurrency: 8,
  deadlineMs: 40_000,
} as const;

/**
 * How long listing names may still be read once the deadline has passed: enough for the cache to answer (and a
 * round trip), well inside the ~20 s between the 40 s deadline and an MCP client's 60 s.
 */
const NAMES_GRACE_MS = 1_000;

/** Why a booking's messages were not read: the search's deadline came first. */
class DeadlineReached extends Error {
  constructor() {
    super("the search's deadline passed before this booking was read");
  }
}

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
  const deadlineAt = Date.now() + bounds.deadlineMs;
  const deadline = AbortSignal.timeout(bounds.deadlineMs);
  const work = signal ? AbortSignal.any([signal, deadline]) : deadline;
  const callOptions = { signal: work, ...(options.background ? { background: true } : {}) };
  const outOfTime = () => deadline.aborted && !signal?.aborted;
  const range = instantRange(search.start_date, search.end_date);

  let found: CandidateSearch;
  try {
    found = await findCandidates(source, search, range, bounds, callOptions);
  } catch (error) {
    if (!outOfTime()) throw error;
    found = { candidates: [], cap: null, unread: { finding: true, bookingIds: [], candidateCount: 0 } };
  }
  const total = found.candidates.length;
  const conversations = await prefetchConversations(source, found.candidates, callOptions);
  // A conversation quiet since the start date holds no message of the range: its messages are not read.
  const activeSince = search.start_date === undefined ? undefined : range.fromMs;
  let done = 0;
  const outcomes = await mapWithConcurrency(found.candidates, bounds.concurrency, async (candidate) => {
    if (outOfTime()) throw new DeadlineReached();
    signal?.throwIfAborted();
    try {
      return await loadBookingMessages(source, candidate.bookingId, {
        includeScheduled: false,
        signal: work,
        background: options.background,
        reservation: candidate.reservation ?? undefined,
        conversations: conversations?.get(candidate.bookingId),
        activeSince,
      });
    } finally {
      done++;
      reportProgress(options.onProgress, { done, total });
    }
  });
  if (signal?.aborted) throw abortErrorFrom(outcomes) ?? signal.reason;

  const threads: MatchingThread[] = [];
  const failed: BatchFailure[] = [];
  const unreadIds: number[] = [];
  outcomes.forEach((outcome, index) => {
    const candidate = found.candidates[index] as CandidateBooking;
    if (outcome.status === "rejected") {
      // Cut by the deadline (not started, or aborted in flight): not a failure of the booking, and named in note.
      if (outOfTime() && isCutByDeadline(outcome.reason)) unreadIds.push(candidate.bookingId);
      else failed.push(describeBookingFailure(candidate.bookingId, outcome.reason));
      return;
    }
    const thread = matchingThread(outcome.value, search, range);
    if (thread !== null) threads.push(thread);
  });
  const unread =
    found.unread ??
    (unreadIds.length === 0
      ? null
      : { finding: false, bookingIds: unreadIds, candidateCount: found.candidates.length });

  // Only the threads of the answer need their context, and they share one read of any listing names missing.
  // Past the deadline the names get a short grace (a cached name costs nothing), never the answer: a name not read
  // in time is null, and what the search read is still returned with its note.
  const contexts = await buildBookingContexts(
    source,
    threads.map((thread) => thread.booking.facts),
    {
      ...(signal ? { signal } : {}),
      ...(options.background ? { background: true } : {}),
      namesSignal: AbortSignal.timeout(Math.max(deadlineAt - Date.now(), NAMES_GRACE_MS)),
    },
  );
  const page = pageAcrossThreads(threads, contexts, search.offset, search.limit);
  const summary = buildBatchSummary(page.threads.length, failed.length);
  const answer = (returned: number, onlyWithMessages = false): PartialFailureResponse<ConversationThread> => {
    const trimmed = returned === page.windowSize ? page.threads : keepFirstMessages(page.threads, returned);
    const listed = onlyWithMessages ? trimmed.filter((thread) => thread.messages.length > 0) : trimmed;
    return {
      successful_results: listed,
      failed_items: failed,
      summary,
      note: searchNote(
        {
          offset: search.offset,
          windowSize: page.windowSize,
          returned,
          total: page.total,
          maxResponseChars: bounds.maxResponseChars,
          threadsLeftOut: page.threads.length - listed.length,
        },
        found.cap,
        unread === null ? null : { ...unread, deadlineMs: bounds.deadlineMs },
      ),
    };
  };
  const budget = bounds.maxResponseChars;
  if (budget === undefined) return answer(page.windowSize);
  const whole = answer(page.windowSize);
  if (JSON.stringify(whole).length <= budget) return whole;
  // Too large for the budget: list only the threads with a message in the answer (a complete search over a week
  // can match a hundred bookings, whose contexts alone would fill it), and as many messages as fit. The summary
  // still counts every thread; the note says which offset continues.
  const positions = Array.from({ length: page.windowSize }, (_, index) => index);
  const fits = fitToBudget(positions, (kept) => answer(kept.length, true), budget);
  return answer(fits, true);
}

/**
 * The conversations of many candidates in one plan (the client's `ofReservations`: the cache first, then the
 * account's conversation list when that is cheaper); undefined without it, or when it fails — each booking's own
 * read then reports what is wrong.
 */
async function prefetchConversations(
  source: MessageSource,
  candidates: readonly CandidateBooking[],
  callOptions: { signal: AbortSignal; background?: boolean },
) {
  if (candidates.length < 2 || source.conversations.ofReservations === undefined) return undefined;
  const pages = await source.conversations
    .ofReservations(
      candidates.map((candidate) => candidate.bookingId),
      callOptions,
    )
    .catch(() => undefined);
  if (pages === undefined) return undefined;
  // Only a booking's complete list stands in for its own read (more than one page is read as usual).
  const complete = new Map<number, { items: HostawayConversation[]; readAt?: number | undefined }>();
  for (const [bookingId, page] of pages) {
    if (page.count === null || page.items.length >= page.count) complete.set(bookingId, page);
  }
  return complete;
}

/** A booking cut by the deadline: never started, or aborted in flight (the client's abort or timeout error). */
function isCutByDeadline(reason: unknown): boolean {
  if (reason instanceof DeadlineReached) return true;
  const type = (reason as { errorType?: unknown; name?: unknown } | null) ?? {};
  return type.errorType === "timeout" || type.name === "AbortError" || type.name === "TimeoutError";
}

function findCandidates(
  source: MessageSource,
  search: MessageSearchCriteria,
  range: InstantRange,
  bounds: SearchBounds,
  callOptions: { signal?: AbortSignal; background?: boolean },
): Promise<CandidateSearch> {
  if (search.booking_id !== undefined) {
    return Promise.resolve({ candidates: [{ bookingId: search.booking_id, reservation: null }], cap: null });
  }
  if (search.guest_name !== undefined) {
    return findBookingsByGuestName(source, search.guest_name, range, bounds, callOptions);
  }
  return findBookingsActiveInRange(source, range, search.start_date, bounds, callOptions);
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
): SearchBounds & { concurrency: number; deadlineMs: number; maxResponseChars: number | undefined } {
  const read = (field: "maxBookings" | "maxReservationPages" | "concurrency" | "deadlineMs") => {
    const value = options[field] ?? DEFAULT_SEARCH_BOUNDS[field];
    const unlimited = field === "maxBookings" && value === Number.POSITIVE_INFINITY;
    if (!unlimited && (!Number.isInteger(value) || value < 1)) {
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
    deadlineMs: read("deadlineMs"),
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
