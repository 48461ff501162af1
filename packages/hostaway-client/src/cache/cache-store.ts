/** One remembered upstream answer. Times are epoch milliseconds on the client's clock. */
export interface CacheEntry {
  /** The parsed answer (JSON-serialisable, so a shared store can keep it). */
  value: unknown;
  /** When it was read from Hostaway. */
  fetchedAt: number;
  /** When it was last proven current: its own read, or a cheaper signal that showed it unchanged. */
  validatedAt: number;
  /** What a revalidation compares: the signal's value when the answer was read (e.g. a conversation's state). */
  signature?: string | undefined;
  /**
   * The indirect signal's value when the answer was read (e.g. its reservation's `latestActivityOn` for a
   * booking's conversation list).
   */
  indirectSignature?: string | undefined;
  /** When it was last read or proven by a direct signal; an indirect proof does not move it. Default `validatedAt`. */
  provenAt?: number | undefined;
  /** What an invalidation names, e.g. `booking:4711`, `conversation:12`, `listing:40160`. */
  tags: readonly string[];
}

/**
 * Where the read cache keeps entries. Async so a store shared by several processes (Redis) can implement it; the
 * default is an in-memory LRU (`createMemoryCacheStore`). A store may drop any entry at any time (it is a cache):
 * the worst that happens is one more upstream read.
 */
export interface CacheStore {
  get(key: string): Promise<CacheEntry | undefined>;
  /** Keeps `entry` for at most `ttlMs` (it may be evicted sooner). */
  set(key: string, entry: CacheEntry, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Drops every entry that carries any of `tags`. */
  invalidateTags(tags: readonly string[]): Promise<void>;
}
