import {
  type Booking,
  BookingPageSchema,
  fitToBudget,
  type HostawayReservation,
  mapBooking,
  SearchBookingsRequestSchema,
} from "@hostaway-mcp/domain-models";
import { defineTool } from "./define-tool.js";
import { CURSOR_PAGING } from "./descriptions.js";
import { channelIdFor, HOSTAWAY_CHANNEL_NAMES } from "./hostaway-channels.js";
import { isLastPage } from "./last-page.js";
import { bookingsCursor } from "./page-cursor.js";

/** Hostaway pages reservations 100 at a time at most (REFERENCE.md §11; the sandbox caps there too). */
const UPSTREAM_PAGE_SIZE = 100;
/** With a status filter, how many upstream pages one call may scan looking for matches before handing back a cursor. */
const MAX_STATUS_SCAN_PAGES = 3;

export const searchBookingsTool = defineTool({
  name: "hostaway_search_bookings",
  title: "Search bookings",
  description:
    "Find bookings (Hostaway reservations) by guest name (partial), guest email, listing, arrival or departure " +
    "date range, booking channel or status; all filters combine with AND, and no filter lists every booking, " +
    "most recently updated first. Returns bookings without guest contact data: use hostaway_get_guest_info for " +
    "email and phone, hostaway_get_booking_details for one booking by id, hostaway_batch_get_bookings for several " +
    "ids, hostaway_get_conversation_history for a booking's messages. `channel` is a Hostaway channel name " +
    `(${HOSTAWAY_CHANNEL_NAMES.join(", ")}). Hostaway has no status filter, so \`status\` is applied by this ` +
    "server to the bookings it reads: a status-filtered page scans a few hundred bookings and may come back with " +
    `fewer items than \`limit\` (even none) but a next_cursor to keep scanning. ${CURSOR_PAGING}`,
  inputSchema: SearchBookingsRequestSchema,
  outputSchema: BookingPageSchema,
  notFound: () => ({
    problem: "Hostaway reported the booking list as not found (a listing_id that does not exist?).",
    nextStep: "check listing_id with hostaway_list_properties, or drop it.",
  }),
  async run(input, { client, signal, responseBudget, progress }) {
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
    let afterId = bookingsCursor.decode(input.cursor);
    const wantedStatus = input.status?.trim().toLowerCase();

    // Matches, each with the reservation id the next page should resume after.
    const matches: Array<{ booking: Booking; resumeAfter: number }> = [];
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
      // REFERENCE.md §6.2 / §11: Hostaway cannot filter by status; read full pages and keep the matches.
      for (let pageIndex = 0; pageIndex < MAX_STATUS_SCAN_PAGES; pageIndex += 1) {
        const page = await client.reservations.list(
          { ...query, limit: UPSTREAM_PAGE_SIZE, afterId },
          { signal },
        );
        for (const reservation of page.items) {
          scanned += 1;
          if (reservation.status?.trim().toLowerCase() === wantedStatus) matches.push(toMatch(reservation));
          afterId = reservation.id;
          if (matches.length >= input.limit) break;
        }
        progress(pageIndex + 1, MAX_STATUS_SCAN_PAGES, `scanned ${scanned} bookings`);
        moreUpstream = !isLastPage(page, UPSTREAM_PAGE_SIZE) || matches.length >= input.limit;
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

    const render = (kept: readonly { booking: Booking; resumeAfter: number }[]) => {
      const trimmed = kept.length < limited.length;
      const resumeAfter = trimmed ? kept.at(-1)?.resumeAfter : resumeAfterAll;
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
    return render(limited.slice(0, fitToBudget(limited, render, responseBudget)));
  },
});

function toMatch(reservation: HostawayReservation): { booking: Booking; resumeAfter: number } {
  return { booking: mapBooking(reservation), resumeAfter: reservation.id };
}
