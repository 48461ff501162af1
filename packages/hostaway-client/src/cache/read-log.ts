import { AsyncLocalStorage } from "node:async_hooks";

/** How one read was answered: from a fresh entry, from an entry a cheaper signal proved current, or upstream. */
export type ReadOutcome = "fresh" | "revalidated" | "miss";

export interface ReadRecord {
  key: string;
  outcome: ReadOutcome;
  /** When the data it answered with was last proven current upstream (epoch ms). */
  readAt: number;
}

const current = new AsyncLocalStorage<ReadRecord[]>();

/**
 * Runs `work` and collects every read the client's cache answered during it (a server uses it to say, with `Age`
 * and `Cache-Status`, whether an answer came from cache). Nested calls each get their own log.
 */
export async function trackReads<T>(work: () => Promise<T>): Promise<{ result: T; reads: ReadRecord[] }> {
  const reads: ReadRecord[] = [];
  const result = await current.run(reads, work);
  return { result, reads };
}

/** Adds a read to the log of the `trackReads` call in progress, if there is one. */
export function recordRead(record: ReadRecord): void {
  current.getStore()?.push(record);
}
