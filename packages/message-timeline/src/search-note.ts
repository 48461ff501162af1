import type { PagesStopped, SearchCap, UnreadBookings } from "./find-candidate-bookings.js";

/** How a note begins to say the search's deadline cut it (the warmer reads it to tell a partial pass). */
export const DEADLINE_NOTE_START = "The search ran out of its";

/** Skipped booking ids a note spells out before it says "and N more". */
const SHOWN_SKIPPED_IDS = 10;

/** Where the answer's messages sit among all the search matched, and whether a budget trimmed them. */
export interface SearchWindow {
  /** The criteria's `offset`. */
  offset: number;
  /** Messages the window `[offset, offset + limit)` held. */
  windowSize: number;
  /** Messages returned: `windowSize`, or fewer when they were trimmed to fit `maxResponseChars`. */
  returned: number;
  /** Matching messages across every thread of the search. */
  total: number;
  /** The character budget that trimmed the window, when one was given. */
  maxResponseChars: number | undefined;
  /** Matching threads not listed because the budget kept only those with a message in the answer. */
  threadsLeftOut?: number;
}

/**
 * The answer's `note`: how to page on when more messages match, and what a search stopped at its bounds did not
 * read and how to narrow it; null when the answer is complete. The counts in `summary` cover real bookings only.
 */
export function searchNote(
  window: SearchWindow,
  cap: SearchCap | null,
  unread: (UnreadBookings & { deadlineMs: number }) | null = null,
): string | null {
  const parts = [
    pagingNote(window),
    cap === null ? null : capNote(cap),
    unread === null ? null : unreadNote(unread),
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? null : parts.join(" ");
}

function pagingNote(window: SearchWindow): string | null {
  const paging = messagesNote(window);
  const leftOut = window.threadsLeftOut ?? 0;
  if (leftOut === 0) return paging;
  const threads =
    `${leftOut} matching ${leftOut === 1 ? "thread holds" : "threads hold"} no message of this answer and ` +
    `${leftOut === 1 ? "is" : "are"} not listed, to stay under ${window.maxResponseChars} characters (the summary counts ${leftOut === 1 ? "it" : "them"}).`;
  return paging === null ? threads : `${paging} ${threads}`;
}

function messagesNote({
  offset,
  windowSize,
  returned,
  total,
  maxResponseChars,
}: SearchWindow): string | null {
  if (total === 0) return null;
  if (windowSize === 0) {
    return `Offset ${offset} is past the end: the search matched ${total} messages; ask again with an offset below ${total}.`;
  }
  const trimmed = returned < windowSize ? ` to stay under ${maxResponseChars} characters` : "";
  if (returned === 0) {
    // Not even the threads without their messages fit: paging cannot help, a narrower search can.
    return (
      `Returned none of the ${total} matching messages${trimmed}: the matching threads alone fill the answer. ` +
      "Narrow the search (a booking_id, a guest_name or a shorter date range) to read them."
    );
  }
  const next = offset + returned;
  if (next >= total) return null;
  const leftOut =
    trimmed === "" ? "" : ` (${windowSize - returned} more of this window were left out${trimmed})`;
  return (
    `Returned messages ${offset + 1}–${next} of the ${total} matching messages${leftOut}; call again with the ` +
    `same criteria and offset=${next} for the next ones.`
  );
}

/** What the deadline left unread, exactly, and that the same search again continues from the cache. */
function unreadNote({
  finding,
  bookingIds,
  candidateCount,
  deadlineMs,
}: UnreadBookings & { deadlineMs: number }) {
  const time = deadlineMs < 1000 ? `${deadlineMs} ms` : `${Number((deadlineMs / 1000).toFixed(1))} s`;
  if (finding) {
    return (
      `${DEADLINE_NOTE_START} ${time} while finding the bookings that could match, so none were read. ` +
      "Ask again with the same criteria: what was read is cached, so the next call goes further."
    );
  }
  // Every id, not a sample: the caller may read them one by one (`booking_id`) instead of asking again.
  return (
    `${DEADLINE_NOTE_START} ${time} before reading ${bookingIds.length} of the ${candidateCount} bookings ` +
    `that could hold matching messages: bookings ${bookingIds.join(", ")}. Ask again with the same criteria: the ` +
    "bookings already read are cached, so the next call reads only these."
  );
}

function capNote(cap: SearchCap): string {
  const parts = ["The search stopped at its bounds."];
  const skipped = cap.skippedBookingIds;
  if (skipped.length > 0) {
    const shown = skipped.slice(0, SHOWN_SKIPPED_IDS).join(", ");
    const more = skipped.length > SHOWN_SKIPPED_IDS ? ` and ${skipped.length - SHOWN_SKIPPED_IDS} more` : "";
    parts.push(
      `${skipped.length} of the ${cap.candidateCount} bookings that could hold matching messages were not ` +
        `searched (one search reads at most ${cap.maxBookings}): bookings ${shown}${more}.`,
    );
  }
  if (cap.pagesStopped !== null) parts.push(pagesStoppedNote(cap.pagesStopped));
  parts.push(
    "To search them, narrow the search: a shorter date range (a later start_date or an earlier end_date), a " +
      "more specific guest_name, or a booking_id for each booking not searched.",
  );
  return parts.join(" ");
}

function pagesStoppedNote({ pages, walk, lastActivitySeen }: PagesStopped): string {
  if (walk === "guest_name") {
    // Also when the pages ran out before the accent-stripped query ("Jose" for "José") was asked.
    return (
      `Hostaway's guest-name search went past ${plural(pages, "page")} of reservations; bookings beyond them ` +
      "were not searched (how many is unknown)."
    );
  }
  const before = lastActivitySeen === null ? "" : ` last active before ${lastActivitySeen}`;
  return (
    `The walk over reservations stopped after ${plural(pages, "page")} without reaching activity older than start_date, so ` +
    `bookings${before} were not searched (how many is unknown).`
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
