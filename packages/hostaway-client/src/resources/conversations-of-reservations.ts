import type { HostawayConversation } from "@hostaway-mcp/domain-models";
import { parseArguments } from "../arguments.js";
import { cachedOnly } from "../cache/only-if-cached.js";
import type { ResourceCache } from "../cache/resource-cache.js";
import type { Page } from "../page.js";
import type { RequestOptions } from "../transport.js";
import {
  ConversationsQuerySchema,
  type ConversationsResource,
  conversationListPolicy,
} from "./conversations.js";

/** The page a booking's conversations are read with (and primed under): one page of 100 holds any booking's. */
export const BOOKING_CONVERSATIONS_PAGE = 100;
/** How long the account's conversation count may be reused to plan with: it changes slowly. */
const ACCOUNT_SIZE_MAX_AGE_MS = 600_000;
/** Below this many bookings to read, reading each booking's list never costs more than a plan would. */
const BULK_MIN_BOOKINGS = 3;
/**
 * The longest account walk worth starting: 30 pages are two of Hostaway's 10-s windows at 15 requests each
 * (REFERENCE.md §4), 10 s or more of a search's 40 s deadline, which the reservation pages before it and the
 * message pages after it share. A longer walk could be cut by the deadline every time — its pages stay fresh for
 * only the usual window and nothing is kept until the tally adds up — so a search asked again would never get
 * further; one list per booking is kept (and proven by later reservation reads) as it comes, so each call does.
 */
export const MAX_ACCOUNT_WALK_PAGES = 30;

/**
 * The conversations of many bookings (a date-range search, the cache warmer), in as few requests as their number
 * allows:
 * 1. each booking's list from the cache, when it is fresh or proven current (its reservation's `latestActivityOn`
 *    from a reservation list just read proves it without a request);
 * 2. for the rest, when they outnumber the pages of the account's conversation list (its size from one `limit=1`
 *    read, reused for 10 min) and those are at most `MAX_ACCOUNT_WALK_PAGES`: every page of `GET /v1/conversations` at once (REFERENCE.md §6.3: `reservationId`
 *    is the only filter, and every conversation names its reservation), each booking's share kept in the cache as
 *    if its own list had been read; a walk that does not add up (items moved between pages, a page failed) is
 *    not trusted;
 * 3. otherwise, and for anything step 2 could not settle, one `GET /v1/conversations?reservationId=` each.
 * Each value is the booking's page 1 (up to 100 conversations) with its `readAt`. A booking whose list could not be
 * read is left out: the caller's own read of it reports the error.
 */
export async function conversationsOfReservations(
  cache: ResourceCache,
  list: ConversationsResource["list"],
  reservationIds: readonly number[],
  options: RequestOptions = {},
): Promise<Map<number, Page<HostawayConversation>>> {
  const ids = [...new Set(reservationIds)];
  const byBooking = new Map<number, Page<HostawayConversation>>();
  const bookingQuery = (reservationId: number) => ({
    reservationId,
    limit: BOOKING_CONVERSATIONS_PAGE,
    offset: 0,
  });

  const cached = await Promise.all(ids.map((id) => cachedOnly(() => list(bookingQuery(id), options))));
  const missing = ids.filter((id, index) => {
    const page = cached[index];
    if (page !== undefined) byBooking.set(id, page);
    return page === undefined;
  });

  if (missing.length >= BULK_MIN_BOOKINGS) {
    const walked = await walkAccountConversations(list, missing.length, options);
    if (walked !== undefined) {
      const groups = new Map<number, HostawayConversation[]>();
      for (const conversation of walked.items) {
        if (conversation.reservationId == null) continue;
        const group = groups.get(conversation.reservationId) ?? [];
        group.push(conversation);
        groups.set(conversation.reservationId, group);
      }
      for (const id of missing) {
        const items = groups.get(id) ?? [];
        if (items.length > BOOKING_CONVERSATIONS_PAGE) continue; // more than one page: read it as it is
        const page = { items, count: items.length, limit: BOOKING_CONVERSATIONS_PAGE, offset: 0 };
        const where = { method: "GET", path: "/conversations" } as const;
        const parsed = parseArguments(
          ConversationsQuerySchema,
          bookingQuery(id),
          where,
          "conversations query",
        );
        await cache.prime(conversationListPolicy(cache, parsed, options), page, walked.readAt);
        byBooking.set(id, { ...page, readAt: walked.readAt });
      }
    }
  }

  const rest = missing.filter((id) => !byBooking.has(id));
  const pages = await Promise.allSettled(rest.map((id) => list(bookingQuery(id), options)));
  for (const [index, id] of rest.entries()) {
    const page = pages[index];
    if (page?.status === "fulfilled") byBooking.set(id, page.value);
    // A caller's abort ends the whole read; any other failure leaves the booking out for the caller's own read.
    else if (options.signal?.aborted) throw page?.reason;
  }
  return byBooking;
}

/**
 * Every conversation of the account, when reading them costs fewer requests than `instead`; undefined when it
 * would not, or when the walk cannot be trusted to be complete.
 */
async function walkAccountConversations(
  list: ConversationsResource["list"],
  instead: number,
  options: RequestOptions,
): Promise<{ items: HostawayConversation[]; readAt: number } | undefined> {
  const size = await list({ limit: 1 }, { ...options, maxAgeMs: ACCOUNT_SIZE_MAX_AGE_MS }).catch(
    () => undefined,
  );
  if (size === undefined || size.count === null) return undefined; // REFERENCE.md §3: counts are not reliable
  const pageCount = Math.ceil(size.count / BOOKING_CONVERSATIONS_PAGE);
  if (pageCount >= instead || pageCount > MAX_ACCOUNT_WALK_PAGES) return undefined;
  const offsets = Array.from({ length: pageCount }, (_, page) => page * BOOKING_CONVERSATIONS_PAGE);
  const pages = await Promise.allSettled(
    offsets.map((offset) => list({ limit: BOOKING_CONVERSATIONS_PAGE, offset }, options)),
  );
  const items = new Map<number, HostawayConversation>();
  let readAt = Number.POSITIVE_INFINITY;
  let total = size.count;
  for (const page of pages) {
    // A failed page leaves bookings unsettled: they are read one by one (a caller's abort is rethrown there).
    if (page.status === "rejected") return undefined;
    for (const conversation of page.value.items) items.set(conversation.id, conversation);
    readAt = Math.min(readAt, page.value.readAt);
    total = Math.max(total, page.value.count ?? 0);
  }
  // Conversations added or moved while paging can shift items between pages; only a full tally proves the walk.
  return items.size >= total ? { items: [...items.values()], readAt } : undefined;
}
