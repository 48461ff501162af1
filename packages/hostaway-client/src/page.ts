/** One page of a Hostaway list. Pagination fields are often missing or strings (REFERENCE.md §3, §10.4): `null`. */
export interface Page<T> {
  items: T[];
  /** Total number of records matching the filters (not the page length), when Hostaway says. */
  count: number | null;
  limit: number | null;
  offset: number | null;
}

export function toPage<T>(envelope: {
  result: T[];
  count?: number | null | undefined;
  limit?: number | null | undefined;
  offset?: number | null | undefined;
}): Page<T> {
  return {
    items: envelope.result,
    count: envelope.count ?? null,
    limit: envelope.limit ?? null,
    offset: envelope.offset ?? null,
  };
}
