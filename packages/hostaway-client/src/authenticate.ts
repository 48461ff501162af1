import { HostawayAbortError } from "./errors.js";
import type { TokenManager } from "./token-manager.js";

/** Options of `client.authenticate()`. */
export interface AuthenticateOptions {
  /** Stops waiting (a `HostawayAbortError`); a token request other callers share carries on. */
  signal?: AbortSignal | undefined;
}

export interface AuthenticateDependencies {
  tokens: Pick<TokenManager, "getToken">;
  /** The client's count of token requests sent so far (tells an abort whether one left while it waited). */
  tokenRequests: () => number;
}

const TOKEN_ENDPOINT = { method: "POST", path: "/accessTokens" } as const;

/**
 * `client.authenticate()`: a usable token without a data request. It waits exactly as the first call of a cold
 * client would (the shared token request, then Hostaway's 1 s activation, REFERENCE.md §2), so a server that calls
 * it at start-up answers its first request without either.
 */
export function createAuthenticate({
  tokens,
  tokenRequests,
}: AuthenticateDependencies): (options?: AuthenticateOptions) => Promise<void> {
  return async ({ signal } = {}) => {
    const tokenRequestsBefore = tokenRequests();
    try {
      signal?.throwIfAborted();
      await tokens.getToken(signal);
    } catch (error) {
      // The shared refresh and the activation wait reject with the signal's bare reason; callers get our error.
      if (!signal?.aborted) throw error;
      const sent = tokenRequests() > tokenRequestsBefore;
      throw new HostawayAbortError({
        ...TOKEN_ENDPOINT,
        detail: sent
          ? "stopped waiting for the access token (aborted by the caller; the token request carries on)"
          : "stopped waiting for the access token (aborted by the caller before anything was sent)",
        sent,
        reason: signal.reason,
      });
    }
  };
}
