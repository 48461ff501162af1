/** One page of a Hostaway list. Pagination fields are often missing or strings (REFERENCE.md §3, §10.4): `null`. */
export interface Page<T> {
  items: T[];
  /** Total number of records matching the filters (not the page length), when Hostaway says. */
  count: number | null;
  limit: number | null;
  offset: number | null;
  /**
   * When this page was last proven current upstream (epoch ms): the read itself, or a cheaper signal that showed a
   * cached page unchanged. The oldest `readAt` behind an answer is its `as_of`.
   */
  readAt: number;
}

export function toPage<T>(envelope: {
  result: T[];
  count?: number | null | undefined;
  limit?: number | null | undefined;
  offset?: number | null | undefined;
}): Omit<Page<T>, "readAt"> {
  return {
    items: envelope.result,
    count: envelope.count ?? null,
    limit: envelope.limit ?? null,
    offset: envelope.offset ?? null,
  };
}
