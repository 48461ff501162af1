/** An access token as the client keeps it. Times are epoch milliseconds on the client's clock. */
export interface StoredToken {
  accessToken: string;
  /** When Hostaway stops accepting it (from `expires_in`, REFERENCE.md §2). */
  expiresAt: number;
  /** When it may first be used: Hostaway's tokens are valid only 1 second after they are issued (REFERENCE.md §2). */
  usableAt: number;
}

/**
 * Where tokens live between calls. Async so a store shared by several processes (Redis, a file, a database) can
 * implement it later; the default keeps the token in memory. One store holds the token of one account.
 */
export interface TokenStore {
  get(): Promise<StoredToken | undefined>;
  set(token: StoredToken): Promise<void>;
  clear(): Promise<void>;
  /**
   * Forgets the token only if it is still `accessToken` (one atomic step in a shared store), so a 403 for an old
   * token never deletes the new one another process just stored. Default: `get`, compare, `clear`.
   */
  clearIf?(accessToken: string): Promise<void>;
  /**
   * A store shared by processes: take the right to request the next token, so one token request serves them all.
   * Resolves with a release function, or undefined when another process holds it (the caller then waits and
   * re-reads the store). The lock must expire by itself, so a process that dies holding it blocks nobody for long.
   */
  lockRefresh?(): Promise<(() => Promise<void>) | undefined>;
}

export function createMemoryTokenStore(initial?: StoredToken): TokenStore {
  let current = initial;
  return {
    get: async () => current,
    set: async (token) => {
      current = token;
    },
    clear: async () => {
      current = undefined;
    },
  };
}
