import type { Page } from "./page.js";

/** How far to page. One of the two is required: auto-pagination without a cap is how quotas get burnt. */
export interface PaginationCap {
  maxPages?: number | undefined;
  maxItems?: number | undefined;
}

export interface FetchedPage<Item, Cursor> {
  items: Item[];
  /** Where the next page starts; `undefined` when this was the last page. */
  next: Cursor | undefined;
}

/** Fetches one page; `cursor` is `undefined` for the first. */
export type FetchPage<Item, Cursor> = (
  cursor: Cursor | undefined,
  pageIndex: number,
) => Promise<FetchedPage<Item, Cursor>>;

/**
 * Iterates items across pages, stopping at the last page or the cap, whichever comes first. Throws at once
 * (before any request) when neither `maxPages` nor `maxItems` is a positive whole number.
 */
export function paginate<Item, Cursor>(
  fetchPage: FetchPage<Item, Cursor>,
  cap: PaginationCap,
): AsyncGenerator<Item, void, undefined> {
  const { maxPages, maxItems } = validateCap(cap);
  return (async function* () {
    let cursor: Cursor | undefined;
    let yielded = 0;
    for (let pageIndex = 0; pageIndex < maxPages; pageIndex += 1) {
      const page = await fetchPage(cursor, pageIndex);
      for (const item of page.items) {
        if (yielded >= maxItems) return;
        yielded += 1;
        yield item;
      }
      if (page.next === undefined || page.items.length === 0 || yielded >= maxItems) return;
      cursor = page.next;
    }
  })();
}

/**
 * Adapts an offset-paged list (`limit` + `offset`) to `paginate`: the next page starts after this one while the
 * page came back full, or while Hostaway's `count` says more records exist.
 */
export function offsetPages<Item>(
  fetchPage: (offset: number) => Promise<Page<Item>>,
  startOffset = 0,
): FetchPage<Item, number> {
  return async (cursor) => {
    const offset = cursor ?? startOffset;
    const page = await fetchPage(offset);
    const nextOffset = offset + page.items.length;
    const more =
      page.items.length > 0 &&
      (page.count !== null
        ? nextOffset < page.count
        : page.limit === null || page.items.length >= page.limit);
    return { items: page.items, next: more ? nextOffset : undefined };
  };
}

function validateCap(cap: PaginationCap | undefined): { maxPages: number; maxItems: number } {
  const { maxPages, maxItems } = cap ?? {};
  for (const [name, value] of [
    ["maxPages", maxPages],
    ["maxItems", maxItems],
  ] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
      throw new RangeError(`paginate: ${name} must be a whole number ≥ 1, got ${String(value)}`);
    }
  }
  if (maxPages === undefined && maxItems === undefined) {
    throw new TypeError("paginate: a cap is required: pass { maxPages } or { maxItems } (or both)");
  }
  return { maxPages: maxPages ?? Number.POSITIVE_INFINITY, maxItems: maxItems ?? Number.POSITIVE_INFINITY };
}
