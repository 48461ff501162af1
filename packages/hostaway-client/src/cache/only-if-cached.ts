import { AsyncLocalStorage } from "node:async_hooks";

const onlyIfCached = new AsyncLocalStorage<true>();

/** Thrown by a read that would have to ask Hostaway while `cachedOnly` runs; caught there, never seen outside. */
export class NotCached extends Error {
  constructor(key: string) {
    super(`not cached: ${key}`);
  }
}

/** Whether the read in progress may only be answered from the cache (HTTP's `only-if-cached`, RFC 9111 §5.2.1.7). */
export function isOnlyIfCached(): boolean {
  return onlyIfCached.getStore() === true;
}

/**
 * Runs `work` answering every read from the cache (fresh, or proven current by a signal already held): resolves
 * with its result, or undefined as soon as one read would need Hostaway. Sends nothing.
 */
export async function cachedOnly<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await onlyIfCached.run(true, work);
  } catch (error) {
    if (error instanceof NotCached) return undefined;
    throw error;
  }
}
