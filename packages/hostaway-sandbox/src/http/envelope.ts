/**
 * Hostaway's standard envelope with the full pagination set (REFERENCE.md §3). Hostaway itself is inconsistent
 * about these fields; the sandbox always sends all of them.
 */
export interface Envelope<T> {
  status: "success";
  result: T;
  limit: number | null;
  offset: number | null;
  count: number;
  page: number;
  totalPages: number;
}

/** A single object (or a non-paged result) in the envelope, as in examples/envelope.standard.response.json. */
export function single<T>(result: T): Envelope<T> {
  return { status: "success", result, limit: null, offset: null, count: 1, page: 1, totalPages: 1 };
}

/** One page of a list; `count` is the number of matching records, not the page length. */
export function page<T>(items: T[], total: number, limit: number, offset: number): Envelope<T[]> {
  return {
    status: "success",
    result: items,
    limit,
    offset,
    count: total,
    page: Math.floor(offset / limit) + 1,
    totalPages: Math.ceil(total / limit),
  };
}

/** A whole list returned at once (endpoints without paging parameters). */
export function whole<T>(items: T[]): Envelope<T[]> {
  return {
    status: "success",
    result: items,
    limit: null,
    offset: null,
    count: items.length,
    page: 1,
    totalPages: items.length > 0 ? 1 : 0,
  };
}
