import { isLastPage } from "@hostaway-mcp/domain-models";

/** One page of `GET /v1/reservations` as a walk sees it. `count` is the total matching the filters (null if unsent). */
export interface WalkPage<Reservation> {
  items: Reservation[];
  count: number | null;
  limit?: number | null;
}

/** The part of a client a walk calls: a `HostawayClient` and message-timeline's `MessageSource` both satisfy it. */
export interface ReservationLister<Query, Reservation> {
  reservations: {
    list(
      query: Query & { limit: number; afterId?: number },
      options?: WalkCallOptions,
    ): Promise<WalkPage<Reservation>>;
  };
}

/** What every page read of a walk is sent with: the caller's signal, and whether it is background work. */
export interface WalkCallOptions {
  signal?: AbortSignal;
  background?: boolean;
}

export interface WalkCap {
  /** The most pages to read. Mandatory: an uncapped walk over a large account burns the rate-limit budget. */
  maxPages: number;
  /** Reservations per page. Default 100 (Hostaway's default; the sandbox caps pages there, REFERENCE.md §6.2, §11). */
  pageSize?: number;
  /** Start after this reservation id, in the query's sort order (a cursor from an earlier walk). */
  afterId?: number | undefined;
}

/** A walk over reservations, page by page. Its state after (or while) iterating says how it ended. */
export interface ReservationWalk<Reservation> extends AsyncIterable<WalkPage<Reservation>> {
  /** Pages read so far. */
  readonly pagesRead: number;
  /** Reservations read so far. */
  readonly itemsRead: number;
  /** True once the cap stopped the walk while Hostaway had more pages. */
  readonly truncated: boolean;
  /** True once the page just read was the list's last (set before that page is handed over). */
  readonly exhausted: boolean;
  /** The last reservation id read: where a later walk resumes (`afterId`). */
  readonly lastId: number | undefined;
}

export const WALK_PAGE_SIZE = 100;

/**
 * The one way this toolkit pages through reservations: Hostaway's `afterId` cursor (REFERENCE.md §6.2: pass the
 * last id of the previous page, in the sort order; `offset` is deprecated), ending on a short or empty page, or
 * once `count` reservations were read from the start, or at the cap. A caller stops early by leaving the
 * `for await` loop; no further page is requested then.
 */
export function walkReservations<Query extends object, Reservation extends { id: number }>(
  source: ReservationLister<Query, Reservation>,
  query: Query,
  cap: WalkCap,
  options: { signal?: AbortSignal | undefined; background?: boolean | undefined } = {},
): ReservationWalk<Reservation> {
  if (!Number.isInteger(cap.maxPages) || cap.maxPages < 1) {
    throw new RangeError(
      `walkReservations: maxPages must be a whole number ≥ 1, got ${String(cap.maxPages)}`,
    );
  }
  const pageSize = cap.pageSize ?? WALK_PAGE_SIZE;
  const state = { pagesRead: 0, itemsRead: 0, truncated: false, exhausted: false, lastId: cap.afterId };
  const callOptions: WalkCallOptions = {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.background ? { background: true } : {}),
  };

  async function* pages(): AsyncGenerator<WalkPage<Reservation>, void, undefined> {
    while (state.pagesRead < cap.maxPages) {
      const afterId = state.lastId;
      const page = await source.reservations.list(
        (afterId === undefined
          ? { ...query, limit: pageSize }
          : { ...query, limit: pageSize, afterId }) as Query & { limit: number; afterId?: number },
        callOptions,
      );
      state.pagesRead += 1;
      state.itemsRead += page.items.length;
      const last = page.items.at(-1);
      if (last !== undefined) state.lastId = last.id;
      // `count` is the total matching the filters: read from the start, it says exactly when the list ends (and
      // saves the empty page). Otherwise a short page ends it (short against the size Hostaway applied).
      const counted = cap.afterId === undefined && page.count !== null;
      state.exhausted =
        last === undefined ||
        (counted
          ? state.itemsRead >= (page.count as number)
          : isLastPage({ items: page.items, limit: page.limit ?? null }, pageSize));
      yield page;
      if (state.exhausted) return;
    }
    state.truncated = true;
  }

  return {
    [Symbol.asyncIterator]: pages,
    get pagesRead() {
      return state.pagesRead;
    },
    get itemsRead() {
      return state.itemsRead;
    },
    get truncated() {
      return state.truncated;
    },
    get exhausted() {
      return state.exhausted;
    },
    get lastId() {
      return state.lastId;
    },
  };
}
