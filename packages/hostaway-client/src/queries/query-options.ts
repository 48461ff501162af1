import { fitToBudget } from "@hostaway-mcp/domain-models";

/** What `onProgress` receives while a query that reads several pages runs. */
export interface QueryProgress {
  /** Units done so far (pages scanned, reservations read: `message` says which). */
  done: number;
  /** Units expected in all, when known. */
  total?: number | undefined;
  /** What has been done, in words, e.g. "scanned 200 bookings". */
  message: string;
}

/** Options every query takes. */
export interface QueryOptions {
  /** Cancels the query, from the rate-limit queue to the socket, and every page it has yet to read. */
  signal?: AbortSignal | undefined;
  /** Called as a multi-page query advances. Errors thrown by the callback are ignored. */
  onProgress?: ((progress: QueryProgress) => void) | undefined;
  /**
   * Most characters the answer may take as JSON. A longer list is cut at an item (never inside the JSON), with a
   * `next_cursor` that resumes right after the last item returned and a `note` that says so. Default: unlimited.
   */
  responseBudget?: number | undefined;
}

/**
 * How many leading `items` to answer with: all of them without a budget; otherwise as many as keep `render(kept)`
 * within it (domain-models `fitToBudget`, which drops trailing items and never cuts JSON).
 */
export function countWithinBudget<Item>(
  items: readonly Item[],
  render: (kept: readonly Item[]) => unknown,
  responseBudget: number | undefined,
): number {
  if (responseBudget === undefined) return items.length;
  if (typeof responseBudget !== "number" || !(responseBudget >= 0)) {
    throw new RangeError(
      `responseBudget must be a number of characters ≥ 0 (or omitted for no limit), got ${String(responseBudget)}`,
    );
  }
  return fitToBudget(items, render, responseBudget);
}

/** Reports progress; a broken listener must not fail the query. */
export function reportProgress(options: QueryOptions, progress: QueryProgress): void {
  try {
    options.onProgress?.(progress);
  } catch {
    // ignored on purpose: progress is a courtesy, the answer is what counts
  }
}
