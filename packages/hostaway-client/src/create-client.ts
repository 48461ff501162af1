import { HostawayAccessTokenSchema } from "@hostaway-mcp/domain-models";
import type Bottleneck from "bottleneck";
import type { AuthenticateOptions } from "./authenticate.js";
import { createAuthenticate } from "./authenticate.js";
import { type Clock, systemClock } from "./clock.js";
import { createHttpExchange } from "./http-exchange.js";
import { type Logger, silentLogger } from "./logger.js";
import { toSearchParams } from "./query-string.js";
import { createRateGate, type RateLimitOptions } from "./rate-limiter.js";
import { type ConversationsResource, createConversationsResource } from "./resources/conversations.js";
import { createFinanceResource, type FinanceResource } from "./resources/finance.js";
import { createListingsResource, type ListingsResource } from "./resources/listings.js";
import { createReservationsResource, type ReservationsResource } from "./resources/reservations.js";
import { createRetryPolicy, type RetryOptions } from "./retry-policy.js";
import { TokenManager } from "./token-manager.js";
import { createMemoryTokenStore, type TokenStore } from "./token-store.js";
import { type ClientStats, Transport } from "./transport.js";
import { parseResponse } from "./validate-response.js";

export const DEFAULT_BASE_URL = "https://api.hostaway.com/v1";

export interface HostawayClientOptions {
  /** The Hostaway account id (the OAuth `client_id`, REFERENCE.md §2). */
  accountId: string | number;
  /** The API secret from the Hostaway dashboard (the OAuth `client_secret`). Never logged. */
  secretKey: string;
  /** Default `https://api.hostaway.com/v1`; the sandbox's `url` in tests. */
  baseUrl?: string;
  /**
   * Sliding-window limits. Defaults: 15 (per IP) and 20 (per account) per 10 000 ms; `0` turns one off. They are
   * this client's own: create one client per account and share it (two clients keep two sets of windows).
   */
  rateLimit?: RateLimitOptions;
  /**
   * A shared Bottleneck (e.g. clustered over Redis) replacing the built-in account window: the way to keep several
   * clients or processes inside one set of limits.
   */
  limiter?: Bottleneck;
  retry?: RetryOptions;
  /** Per attempt, from sending to the full response. Default 30 000. */
  timeoutMs?: number;
  /** Per call: queueing, attempts and backoff together. Default 120 000. */
  deadlineMs?: number;
  /** Where the access token is kept. Default: in memory. */
  tokenStore?: TokenStore;
  /** Wait after a token is issued before using it (REFERENCE.md §2: valid 1 s after issue). Default 1000. */
  tokenActivationDelayMs?: number;
  clock?: Clock;
  /** pino-compatible; debug lines only, never secrets. */
  logger?: Logger;
}

export interface HostawayClient {
  /**
   * Obtains an access token (or reuses the cached one) and resolves once Hostaway accepts it, i.e. after the
   * activation delay. Shares the one token request with every other caller. Servers call it at start-up so their
   * first answer pays neither the token round trip nor the 1 s activation (REFERENCE.md §2). Rejects with the
   * client's usual errors: `HostawayAuthError` for rejected credentials, `HostawayNetworkError`, … and
   * `HostawayAbortError` when `signal` fires first.
   */
  authenticate(options?: AuthenticateOptions): Promise<void>;
  listings: ListingsResource;
  reservations: ReservationsResource;
  conversations: ConversationsResource;
  finance: FinanceResource;
  /** Counters of upstream traffic since the client was created. */
  stats(): Readonly<ClientStats>;
  /** Closes pooled keep-alive connections. */
  close(): void;
}

/** When Hostaway omits `expires_in`: assume a day and rely on the 403 re-authentication after that. */
const FALLBACK_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

export function createHostawayClient(options: HostawayClientOptions): HostawayClient {
  const config = validateOptions(options);
  const clock = options.clock ?? systemClock;
  const exchange = createHttpExchange();
  const transport = new Transport({
    baseUrl: config.baseUrl,
    exchange,
    gate: createRateGate({ ...options.rateLimit, limiter: options.limiter }),
    retry: createRetryPolicy(options.retry),
    clock,
    logger: options.logger ?? silentLogger,
    timeoutMs: config.timeoutMs,
    deadlineMs: config.deadlineMs,
    secrets: [config.secretKey],
  });

  const tokenPath = { method: "POST", path: "/accessTokens" } as const;
  const tokens = new TokenManager({
    store: options.tokenStore ?? createMemoryTokenStore(),
    clock,
    activationDelayMs: config.tokenActivationDelayMs,
    // REFERENCE.md §2: client-credentials grant, form-encoded; the response is not enveloped.
    requestToken: async () => {
      const body = await transport.request({
        ...tokenPath,
        isTokenRequest: true,
        form: toSearchParams({
          grant_type: "client_credentials",
          client_id: config.accountId,
          client_secret: config.secretKey,
          scope: "general",
        }),
      });
      const token = parseResponse(HostawayAccessTokenSchema, body, tokenPath);
      const expiresIn = token.expires_in;
      return {
        accessToken: token.access_token,
        expiresInMs:
          typeof expiresIn === "number" && expiresIn > 0 ? expiresIn * 1000 : FALLBACK_TOKEN_LIFETIME_MS,
      };
    },
  });
  transport.useTokens(tokens);

  return {
    authenticate: createAuthenticate({
      tokens,
      tokenRequests: () => transport.stats().tokenRequests,
    }),
    listings: createListingsResource(transport),
    reservations: createReservationsResource(transport),
    conversations: createConversationsResource(transport),
    finance: createFinanceResource(transport),
    stats: () => transport.stats(),
    close: () => exchange.close(),
  };
}

function validateOptions(options: HostawayClientOptions) {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("createHostawayClient: options must be an object with accountId and secretKey");
  }
  const accountId = String(options.accountId ?? "").trim();
  if (!/^\d+$/.test(accountId)) {
    throw new TypeError("createHostawayClient: accountId must be the numeric Hostaway account id");
  }
  if (typeof options.secretKey !== "string" || options.secretKey.trim() === "") {
    throw new TypeError(
      "createHostawayClient: secretKey must be a non-empty string (the Hostaway API secret)",
    );
  }
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  if (!/^https?:\/\/[^/]/.test(baseUrl) || !URL.canParse(baseUrl)) {
    throw new TypeError(
      "createHostawayClient: baseUrl must be an absolute http(s) URL, e.g. https://api.hostaway.com/v1",
    );
  }
  return {
    accountId,
    secretKey: options.secretKey,
    baseUrl,
    timeoutMs: positive("timeoutMs", options.timeoutMs ?? 30_000),
    deadlineMs: positive("deadlineMs", options.deadlineMs ?? 120_000),
    tokenActivationDelayMs: nonNegative("tokenActivationDelayMs", options.tokenActivationDelayMs ?? 1000),
  };
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`createHostawayClient: ${name} must be a number of milliseconds > 0, got ${value}`);
  }
  return value;
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`createHostawayClient: ${name} must be a number of milliseconds ≥ 0, got ${value}`);
  }
  return value;
}
