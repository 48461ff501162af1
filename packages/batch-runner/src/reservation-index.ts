import type { HostawayReservation } from "@hostaway-mcp/domain-models";
import { walkReservations } from "@hostaway-mcp/hostaway-client";
import type { BookingSource } from "./sources.js";

/** Reservations per index page (Hostaway's default page size; the sandbox caps pages there, REFERENCE.md §6.2). */
export const RESERVATION_INDEX_PAGE_SIZE = 100;
/**
 * What an index page is read with so that each of its items maps to exactly the `Booking` a single read gives
 * (`test/reservation-index-parity.sandbox.test.ts` proves it over every sandbox reservation): the list gates the
 * cancellation-policy fields and the resources a single read always carries (REFERENCE.md §6.2).
 */
export const RESERVATION_INDEX_QUERY = { includeResources: true, includeCancellationPolicy: true } as const;
/** Below this many uncached ids, single reads are the plan: the index would first cost a size read. */
export const RESERVATION_INDEX_MIN_IDS = 10;
/** How long the account's reservation count may be reused to plan with: it changes slowly. */
export const RESERVATION_COUNT_MAX_AGE_MS = 600_000;

export interface ReservationIndexPlan {
  /** The wanted reservations the index held, by id. */
  found: Map<number, HostawayReservation>;
  /** How the batch is answered: from the index (plus single reads for ids it did not hold), or by single reads. */
  kind: "index" | "single";
  /** Index pages read (0 for single reads). */
  pages: number;
}

/**
 * Plans a booking batch. Hostaway has no multi-id reservation lookup, but `GET /v1/reservations` pages through the
 * whole account 100 at a time (`afterId` cursor): when the ids not already in the client's cache outnumber the
 * index's pages, reading the index costs fewer requests than one read per id. The account's size comes from one
 * `limit=1` read, reused for 10 minutes; index pages go through the cache, so the same batch again within the
 * fresh window costs nothing. A source without `list` (a fake), a count Hostaway does not send, or a failing
 * index page leaves the batch to single reads — never fewer answers, at most one request more than them.
 */
export async function planBookingBatch(
  source: BookingSource,
  ids: readonly number[],
  signal: AbortSignal,
): Promise<ReservationIndexPlan> {
  const single: ReservationIndexPlan = { found: new Map(), kind: "single", pages: 0 };
  const { reservations } = source;
  const list = reservations.list?.bind(reservations);
  if (list === undefined) return single;
  const wanted = [...new Set(ids.filter((id) => Number.isSafeInteger(id) && id > 0))];
  const cached = await Promise.all(
    wanted.map((id) => source.cached?.(() => source.reservations.get(id, { signal })) ?? undefined),
  );
  const uncached = new Set(wanted.filter((_, index) => cached[index] === undefined));
  if (uncached.size < RESERVATION_INDEX_MIN_IDS) return single;

  const size = await list({ limit: 1 }, { signal, maxAgeMs: RESERVATION_COUNT_MAX_AGE_MS }).catch(
    () => undefined,
  );
  if (size?.count == null) return single;
  const pages = Math.ceil(size.count / RESERVATION_INDEX_PAGE_SIZE);
  if (pages >= uncached.size) return single;

  const found = new Map<number, HostawayReservation>();
  const walk = walkReservations(
    { reservations: { list } },
    RESERVATION_INDEX_QUERY,
    { maxPages: pages + 1, pageSize: RESERVATION_INDEX_PAGE_SIZE },
    { signal },
  );
  try {
    for await (const page of walk) {
      for (const reservation of page.items)
        if (uncached.has(reservation.id)) found.set(reservation.id, reservation);
      if (found.size === uncached.size) break;
    }
  } catch (error) {
    if (signal.aborted) throw error;
    // A failed page: what was found stands, the rest is read singly.
  }
  return { found, kind: "index", pages: walk.pagesRead };
}
