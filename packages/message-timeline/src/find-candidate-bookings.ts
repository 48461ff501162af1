import type { HostawayReservation } from "@hostaway-mcp/domain-models";
import { walkReservations } from "@hostaway-mcp/hostaway-client";
import { guestNameOf } from "./booking-context.js";
import { type InstantRange, instantOf } from "./date-range.js";
import { PAGE_SIZE } from "./fetch-booking-conversations.js";
import { matchQueries, nameContains } from "./fold-text.js";
import type { MessageSource, SourceCallOptions, SourceReservationQuery } from "./message-source.js";

/** A booking whose messages a search will read; `reservation` is known when a reservation list found it. */
export interface CandidateBooking {
  bookingId: number;
  reservation: HostawayReservation | null;
}

/** How far a search may go: it reads messages of at most `maxBookings` bookings, found in at most `maxPages` pages. */
export interface SearchBounds {
  maxBookings: number;
  maxReservationPages: number;
}

/** Why a search did not look at everything that might match, and which bookings it left out. */
export interface SearchCap {
  /** Bookings found that could hold matching messages, read or not. */
  candidateCount: number;
  /** The `maxBookings` bound the search ran with. */
  maxBookings: number;
  /** Bookings found but not read because of `maxBookings` (their ids, likeliest first). */
  skippedBookingIds: number[];
  /** Set when `maxReservationPages` stopped the reservation walk: bookings on later pages were never seen. */
  pagesStopped: PagesStopped | null;
}

export interface PagesStopped {
  pages: number;
  /** Which walk stopped: Hostaway's guest-name `match` search, or the date range's newest-activity-first walk. */
  walk: "guest_name" | "date_range";
  /** The latest activity of the last reservation seen (date-range walks), when known. */
  lastActivitySeen: string | null;
}

export interface CandidateSearch {
  candidates: CandidateBooking[];
  cap: SearchCap | null;
  /** Set when the search's deadline cut it (see `searchMessages`). */
  unread?: UnreadBookings;
}

/** What a search's deadline left unread. */
export interface UnreadBookings {
  /** The deadline came while bookings were still being found: which ones could match is unknown. */
  finding: boolean;
  /** Bookings found but not read, likeliest first. */
  bookingIds: number[];
  /** Bookings found that could hold matching messages, read or not. */
  candidateCount: number;
}

/**
 * Bookings found by guest name: Hostaway's `match` search (REFERENCE.md §6.2; also with the accent-stripped
 * query, since Hostaway's matching rules are not documented), then a local case- and accent-insensitive
 * substring check on the guest's name, so "jose" finds "José García" and a loose upstream match is dropped.
 * When a start date is given, bookings whose latest activity is older than it are dropped: they cannot hold a
 * message in the range.
 */
export async function findBookingsByGuestName(
  source: MessageSource,
  guestName: string,
  range: InstantRange,
  bounds: SearchBounds,
  options: SourceCallOptions,
): Promise<CandidateSearch> {
  const found = new Map<number, HostawayReservation>();
  let pagesLeft = bounds.maxReservationPages;
  let truncated = false;
  for (const match of matchQueries(guestName)) {
    const walk = await walkUntil(source, { match }, pagesLeft, options, () => false);
    pagesLeft -= walk.pages;
    truncated ||= walk.truncated;
    // With no pages left, a remaining query (the accent-stripped one) walks nothing and reports itself truncated.
    for (const reservation of walk.reservations) found.set(reservation.id, reservation);
  }
  const matching = [...found.values()].filter(
    (reservation) =>
      (nameContains(guestNameOf(reservation), guestName) ||
        nameContains(`${reservation.guestFirstName ?? ""} ${reservation.guestLastName ?? ""}`, guestName)) &&
      !olderThanRange(reservation, range),
  );
  matching.sort(byLatestActivityDescending);
  const pagesStopped: PagesStopped | null = truncated
    ? { pages: bounds.maxReservationPages, walk: "guest_name", lastActivitySeen: null }
    : null;
  return capCandidates(matching, bounds, pagesStopped);
}

/**
 * Bookings that can hold a message in a date range, without reading every conversation of the account: walk
 * reservations active since the start date (`latestActivityStart`), newest activity first
 * (`sortOrder=latestActivityDesc`, `afterId` cursor, REFERENCE.md §6.2), and stop at the first page that reaches a
 * reservation whose `latestActivityOn` is older than the start date — its messages, and every later one's, are all
 * older than the range (in case an upstream ignores the filter). Reservations without a known activity time are
 * kept (they cannot be ruled out).
 *
 * When more bookings qualify than `maxBookings`, the likeliest are read first (see `compareLikelihood`).
 */
export async function findBookingsActiveInRange(
  source: MessageSource,
  range: InstantRange,
  startDate: string | undefined,
  bounds: SearchBounds,
  options: SourceCallOptions,
): Promise<CandidateSearch> {
  const walk = await walkUntil(
    source,
    // Hostaway filters by latest activity itself (REFERENCE.md §6.2), so the walk reads only pages that can match.
    startDate === undefined
      ? { sortOrder: "latestActivityDesc" }
      : { sortOrder: "latestActivityDesc", latestActivityStart: startDate },
    bounds.maxReservationPages,
    options,
    (reservation) => olderThanRange(reservation, range),
  );
  const qualifying = walk.reservations.filter((reservation) => !olderThanRange(reservation, range));
  qualifying.sort((a, b) => compareLikelihood(a, b, range));
  const pagesStopped: PagesStopped | null = walk.truncated
    ? {
        pages: walk.pages,
        walk: "date_range",
        lastActivitySeen: walk.reservations.at(-1)?.latestActivityOn ?? null,
      }
    : null;
  return capCandidates(qualifying, bounds, pagesStopped);
}

interface ReservationWalkResult {
  reservations: HostawayReservation[];
  pages: number;
  /** True when the page cap stopped the walk before the end of the list or the stop condition. */
  truncated: boolean;
}

/**
 * Reads reservations with the client's one reservation walk (the `afterId` cursor, REFERENCE.md §6.2), also
 * stopping at the first page that holds a reservation for which `isPastEnd` holds.
 */
async function walkUntil(
  source: MessageSource,
  query: SourceReservationQuery,
  maxPages: number,
  options: SourceCallOptions,
  isPastEnd: (reservation: HostawayReservation) => boolean,
): Promise<ReservationWalkResult> {
  const reservations: HostawayReservation[] = [];
  if (maxPages <= 0) return { reservations, pages: 0, truncated: true };
  const walk = walkReservations(source, query, { maxPages, pageSize: PAGE_SIZE }, options);
  for await (const page of walk) {
    reservations.push(...page.items);
    if (page.items.some(isPastEnd)) break;
  }
  return { reservations, pages: walk.pagesRead, truncated: walk.truncated };
}

function capCandidates(
  reservations: readonly HostawayReservation[],
  bounds: SearchBounds,
  pagesStopped: PagesStopped | null,
): CandidateSearch {
  const kept = reservations.slice(0, bounds.maxBookings);
  const skipped = reservations.slice(bounds.maxBookings).map((reservation) => reservation.id);
  const candidates = kept.map((reservation) => ({ bookingId: reservation.id, reservation }));
  if (skipped.length === 0 && pagesStopped === null) return { candidates, cap: null };
  return {
    candidates,
    cap: {
      candidateCount: reservations.length,
      maxBookings: bounds.maxBookings,
      skippedBookingIds: skipped,
      pagesStopped,
    },
  };
}

/** The reservation's latest activity is before the range starts, so none of its messages can be in it. */
function olderThanRange(reservation: HostawayReservation, range: InstantRange): boolean {
  const activity = instantOf(reservation.latestActivityOn);
  return activity !== null && activity < range.fromMs;
}

/**
 * Which of two bookings is likelier to hold a message in the range (negative: `a`). Tiers, best first:
 * 1. latest activity inside the range: its newest message (or its creation) is in it, newest first;
 * 2. active after the range but created before it ended, latest activity closest to the range first;
 * 3. created after the range ended (Inference: a conversation starts with its reservation, inquiries included,
 *    so such a booking rarely has an earlier message; it is read last rather than ruled out), closest first;
 * 4. latest activity unknown.
 */
function compareLikelihood(a: HostawayReservation, b: HostawayReservation, range: InstantRange): number {
  const [tierA, distanceA] = likelihood(a, range);
  const [tierB, distanceB] = likelihood(b, range);
  return tierA - tierB || distanceA - distanceB || byLatestActivityDescending(a, b);
}

function likelihood(reservation: HostawayReservation, range: InstantRange): [tier: number, distance: number] {
  const activity = instantOf(reservation.latestActivityOn);
  if (activity === null) return [4, 0];
  if (activity <= range.toMs) return [1, 0];
  const created = instantOf(reservation.reservationDate);
  return [created !== null && created > range.toMs ? 3 : 2, activity - range.toMs];
}

function byLatestActivityDescending(a: HostawayReservation, b: HostawayReservation): number {
  const activityA = instantOf(a.latestActivityOn) ?? Number.NEGATIVE_INFINITY;
  const activityB = instantOf(b.latestActivityOn) ?? Number.NEGATIVE_INFINITY;
  return activityB - activityA || b.id - a.id;
}
