import { abortable } from "./abortable.js";
import type { Clock } from "./clock.js";
import type { StoredToken, TokenStore } from "./token-store.js";

/** What the token endpoint gave us: the token and its lifetime (REFERENCE.md §2: `expires_in`, in seconds). */
export interface IssuedToken {
  accessToken: string;
  expiresInMs: number;
}

export interface TokenManagerOptions {
  store: TokenStore;
  clock: Clock;
  /** Sends `POST /accessTokens` (through the rate limiter, like every other request). */
  requestToken: () => Promise<IssuedToken>;
  /** REFERENCE.md §2: "the new token becomes valid 1 second after it is returned". */
  activationDelayMs: number;
}

/** How often a process waiting for another's token request re-reads the shared store. */
const LOCK_POLL_MS = 100;
/** How long it waits at most before requesting a token itself (the lock's own expiry is shorter). */
const LOCK_WAIT_MS = 15_000;

/** Refresh this long before `expiresAt`: 10 % of the lifetime, at most five minutes. */
const MAX_REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * Owns the access token: reuses the cached one, fetches a new one when it is missing or about to expire, and makes
 * sure only one token request is in flight however many calls are waiting (single-flight). Hostaway asks clients
 * not to request a token per call (REFERENCE.md §2), and every token request also costs a rate-limit slot.
 */
export class TokenManager {
  readonly #options: TokenManagerOptions;
  #inFlight: Promise<StoredToken> | undefined;
  /** Bumped whenever a fetched token is stored, so a caller that read a stale store can tell it should re-read. */
  #generation = 0;

  constructor(options: TokenManagerOptions) {
    this.#options = options;
  }

  /** A token that is usable now, waiting for a refresh or the activation delay as needed. */
  async getToken(signal?: AbortSignal): Promise<string> {
    const token = await this.#currentOrRefreshed(signal);
    const wait = token.usableAt - this.#options.clock.now();
    if (wait > 0) await this.#options.clock.sleep(wait, signal);
    return token.accessToken;
  }

  /**
   * The stored token when it can be sent right now (usable, not due for a refresh), else undefined. Read at the
   * moment a request is granted its rate-limit slot, so a token replaced or expired while the request queued is
   * never sent (the caller gives the slot back and waits for `getToken`).
   */
  async sendableToken(): Promise<string | undefined> {
    const stored = await this.#options.store.get();
    if (!stored || this.#isDue(stored) || stored.usableAt > this.#options.clock.now()) return undefined;
    return stored.accessToken;
  }

  /**
   * Forget `rejected` after Hostaway answered 403 (REFERENCE.md §2: expired or invalid token). A token that has
   * already been replaced is left alone, so twenty 403s for the same old token cause one refresh, not twenty.
   */
  async invalidate(rejected: string): Promise<void> {
    const { store } = this.#options;
    if (store.clearIf) return store.clearIf(rejected);
    const stored = await store.get();
    if (stored?.accessToken === rejected) await store.clear();
  }

  async #currentOrRefreshed(signal?: AbortSignal): Promise<StoredToken> {
    for (;;) {
      const generation = this.#generation;
      const stored = await this.#options.store.get();
      if (stored && !this.#isDue(stored)) return stored;
      if (this.#inFlight) return abortable(this.#inFlight, signal);
      // A refresh finished while we were reading the store: read again rather than start a second one.
      if (generation !== this.#generation) continue;
      this.#inFlight = this.#refresh().finally(() => {
        this.#inFlight = undefined;
      });
      return abortable(this.#inFlight, signal);
    }
  }

  /**
   * One token request for every process sharing the store: the holder of the store's refresh lock requests it; the
   * others wait and re-read the store until the new token is there (or the lock frees, when its holder died).
   */
  async #refresh(): Promise<StoredToken> {
    const { store, clock } = this.#options;
    if (!store.lockRefresh) return this.#fetchAndStore();
    const giveUpAt = clock.now() + LOCK_WAIT_MS;
    for (;;) {
      const release = await store.lockRefresh();
      if (release) {
        try {
          // Another process may have stored a new token between our read and our lock.
          const stored = await store.get();
          if (stored && !this.#isDue(stored)) return stored;
          return await this.#fetchAndStore();
        } finally {
          await release();
        }
      }
      await clock.sleep(LOCK_POLL_MS);
      const stored = await store.get();
      if (stored && !this.#isDue(stored)) return stored;
      if (clock.now() >= giveUpAt) return this.#fetchAndStore();
    }
  }

  async #fetchAndStore(): Promise<StoredToken> {
    const { accessToken, expiresInMs } = await this.#options.requestToken();
    const issuedAt = this.#options.clock.now();
    const token: StoredToken = {
      accessToken,
      expiresAt: issuedAt + expiresInMs,
      usableAt: issuedAt + this.#options.activationDelayMs,
    };
    await this.#options.store.set(token);
    this.#generation += 1;
    return token;
  }

  #isDue(token: StoredToken): boolean {
    const lifetime = token.expiresAt - token.usableAt;
    const margin = Math.min(MAX_REFRESH_MARGIN_MS, Math.max(0, lifetime) * 0.1);
    return this.#options.clock.now() >= token.expiresAt - margin;
  }
}
