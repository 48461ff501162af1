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
