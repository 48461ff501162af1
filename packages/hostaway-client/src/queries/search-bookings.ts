import {
  type Booking,
  type BookingPage,
  bookingsCursor,
  channelIdFor,
  type HostawayReservation,
  isLastPage,
  mapBooking,
  type SearchBookingsRequest,
  SearchBookingsRequestSchema,
} from "@hostaway-mcp/domain-models";
import { walkReservations } from "../reservation-walk.js";
import type { ReservationsResource } from "../resources/reservations.js";
import { countWithinBudget, type QueryOptions, reportProgress } from "./query-options.js";

/** Hostaway pages reservations 100 at a time at most (REFERENCE.md §11; the sandbox caps there too). */
export const UPSTREAM_PAGE_SIZE = 100;
/** With a status filter, how many upstream pages one call may scan looking for matches before handing back a cursor. */
export const MAX_STATUS_SCAN_PAGES = 3;

/** A booking to answer with, and the reservation id the next page resumes after if the answer ends at it. */
interface Match {
  booking: Booking;
  resumeAfter: number;
}

/**
 * A page of bookings matching every given filter, most recently updated first. Hostaway filters by guest name
 * (`match`), email, listing, arrival and departure ranges and channel id; the channel is given by name and mapped
 * (`channelIdFor`, an unknown name is a ZodError at `channel` before any request). Hostaway has no status filter
 * (REFERENCE.md §6.2, §11), so `status` is applied here to the bookings read: such a page scans up to
 * `MAX_STATUS_SCAN_PAGES` full pages and may come back with fewer items than `limit` (even none) but a cursor to
 * keep scanning, and a `note` that says so. The cursor hides Hostaway's `afterId`.
 */
export async function searchBookings(
  client: { reservations: Pick<ReservationsResource, "list"> },
  request: SearchBookingsRequest,
  options: QueryOptions = {},
): Promise<BookingPage> {
  const input = SearchBookingsRequestSchema.parse(request);
  const { signal, responseBudget } = options;
  const query = {
    match: input.guest_name,
    guestEmail: input.guest_email,
    listingId: input.listing_id,
    arrivalStartDate: input.arrival_start,
    arrivalEndDate: input.arrival_end,
    departureStartDate: input.departure_start,
    departureEndDate: input.departure_end,
    channelId: input.channel === undefined ? undefined : channelIdFor(input.channel),
  };
  const startAfterId = bookingsCursor.decode(input.cursor);
  let afterId = startAfterId;
  const wantedStatus = input.status?.trim().toLowerCase();

  const matches: Match[] = [];
  let moreUpstream = false;
  let scanned = 0;
  let totalCount: number | null = null;

  if (wantedStatus === undefined) {
    const page = await client.reservations.list({ ...query, limit: input.limit, afterId }, { signal });
    for (const reservation of page.items) matches.push(toMatch(reservation));
    moreUpstream = !isLastPage(page, input.limit);
    // REFERENCE.md §3: `count` is the total matching the filters, whichever page this is.
    totalCount = page.count;
  } else {
    // REFERENCE.md §6.2 / §11: Hostaway cannot filter by status; read full pages and keep the matches, resuming
    // after the last booking looked at.
    const walk = walkReservations(
      client,
      query,
      { maxPages: MAX_STATUS_SCAN_PAGES, pageSize: UPSTREAM_PAGE_SIZE, afterId },
      { signal },
    );
    for await (const page of walk) {
      for (const reservation of page.items) {
        scanned += 1;
        if (reservation.status?.trim().toLowerCase() === wantedStatus) matches.push(toMatch(reservation));
        afterId = reservation.id;
        if (matches.length >= input.limit) break;
      }
      reportProgress(options, {
        done: walk.pagesRead,
        total: MAX_STATUS_SCAN_PAGES,
        message: `scanned ${scanned} bookings`,
      });
      moreUpstream = !walk.exhausted || matches.length >= input.limit;
      if (!moreUpstream || matches.length >= input.limit) break;
    }
  }

  const limited = matches.slice(0, input.limit);
  // Where the next page resumes when every match fits: after the last match, or after the last booking scanned.
  const resumeAfterAll = wantedStatus === undefined ? limited.at(-1)?.resumeAfter : afterId;
  const scanNote =
    wantedStatus !== undefined && moreUpstream && limited.length < input.limit
      ? `Scanned ${scanned} bookings for status "${input.status}" (Hostaway cannot filter by status) and found ` +
        `${limited.length}; pass next_cursor to keep scanning.`
      : null;

  const render = (kept: readonly Match[]): BookingPage => {
    const trimmed = kept.length < limited.length;
    // Nothing fitted at all: the next call starts where this one did.
    const resumeAfter = trimmed ? (kept.at(-1)?.resumeAfter ?? startAfterId) : resumeAfterAll;
    const hasNext = trimmed || moreUpstream;
    return {
      items: kept.map((match) => match.booking),
      next_cursor: hasNext && resumeAfter !== undefined ? bookingsCursor.encode(resumeAfter) : null,
      total_count: totalCount,
      note: trimmed
        ? `Returned ${kept.length} of ${limited.length} bookings to stay under ${responseBudget} characters; ` +
          "pass next_cursor to get the rest."
        : scanNote,
    };
  };
  return render(limited.slice(0, countWithinBudget(limited, render, responseBudget)));
}

function toMatch(reservation: HostawayReservation): Match {
  return { booking: mapBooking(reservation), resumeAfter: reservation.id };
}
