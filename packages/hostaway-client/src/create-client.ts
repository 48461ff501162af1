import { hostname } from "node:os";
import { HostawayAccessTokenSchema } from "@hostaway-mcp/domain-models";
import type Bottleneck from "bottleneck";
import type { AuthenticateOptions } from "./authenticate.js";
import { createAuthenticate } from "./authenticate.js";
import type { CacheStore } from "./cache/cache-store.js";
import { createMemoryCacheStore } from "./cache/memory-cache-store.js";
import { cachedOnly } from "./cache/only-if-cached.js";
import { type CacheSettings, DEFAULT_CACHE_SETTINGS } from "./cache/read-cache.js";
import { createResourceCache } from "./cache/resource-cache.js";
import { type Clock, systemClock } from "./clock.js";
import { createHttpExchange } from "./http-exchange.js";
import { type Logger, silentLogger } from "./logger.js";
import type { ClientObserver } from "./observer.js";
import { toSearchParams } from "./query-string.js";
import {
  backgroundLimitOf,
  createRateGate,
  DEFAULT_RATE_LIMIT,
  type RateLimitOptions,
  resolveRateLimits,
} from "./rate-limiter.js";
import { createRedisCacheStore } from "./redis/redis-cache-store.js";
import { type LinkLogger, RedisLink, type SharingStatus } from "./redis/redis-link.js";
import { createRedisTokenStore } from "./redis/redis-token-store.js";
import { SharedWindows } from "./redis/shared-windows.js";
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
/** One attempt: interactive callers should not wait on a hung connection longer than this. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** One call, queueing and retries included: under the 60 s default timeout of the MCP SDK's client. */
export const DEFAULT_DEADLINE_MS = 45_000;

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
  /** Per attempt, from sending to the full response. Default 10 000. */
  timeoutMs?: number;
  /**
   * Per call: queueing, attempts and backoff together. Default 45 000: under the 60 s a standard MCP client waits,
   * so a hung Hostaway ends as a timeout the caller still receives.
   */
  deadlineMs?: number;
  /** Where the access token is kept. Default: in memory. */
  tokenStore?: TokenStore;
  /** Wait after a token is issued before using it (REFERENCE.md §2: valid 1 s after issue). Default 1000. */
  tokenActivationDelayMs?: number;
  clock?: Clock;
  /** pino-compatible; debug lines only, never secrets. */
  logger?: Logger;
  /**
   * The read cache (docs/adr/006): an answer already read is not read again while it can be proven fresh. Default
   * on, in memory, bounded. `false` turns it off: every read goes upstream, as without a cache.
   */
  cache?: false | CacheOptions;
  /**
   * Share with every other process of this account through one Redis (docs/adr/008): Hostaway's windows (per
   * account and per egress IP, a sliding log on Redis's clock), the 429 cool-down, the token (one request per
   * expiry for all), and the read cache (unless `cache.store` is given). Redis away: each process falls back to
   * `1/replicas` of each window and its own token and cache, and shares again once Redis answers.
   */
  redis?: RedisSharingOptions;
  /** Hooks for metrics: every upstream attempt and every cache read. */
  observer?: ClientObserver;
}

export interface RedisSharingOptions {
  /** `redis://…`, or an open `link` to share one connection with the server's own Redis users. */
  url?: string;
  link?: RedisLink;
  /** The group of processes leaving through one IP (they share the 15 per 10 s). Default: the host name. */
  egressId?: string;
  /** Processes expected at most, for the local fallback's `1/replicas` of each window. Default 4. */
  replicas?: number;
  /** Prefix of every key. Default `hostaway:`. */
  keyPrefix?: string;
}

/** `off`: no Redis configured; otherwise whether Redis is answering. */
export type ClientSharing = { mode: "off" } | SharingStatus;

export interface CacheOptions extends Partial<CacheSettings> {
  /** Where entries live. Default: in memory (`createMemoryCacheStore`), bounded by the two limits below. */
  store?: CacheStore;
  /** In-memory store only: most entries. Default 10 000. */
  maxEntries?: number;
  /** In-memory store only: most bytes (the entries' JSON length). Default 64 MiB. */
  maxBytes?: number;
}

/** What a change upstream touched; every cached answer that depends on it is dropped. */
export interface Invalidation {
  /** A reservation: its single read, its conversation lists (its thread's context) and any list holding it. */
  bookingId?: number | undefined;
  /** A conversation: its message pages and its own read. */
  conversationId?: number | undefined;
  listingId?: number | undefined;
  /** A listing's availability only (a reservation on it was made, moved or cancelled). */
  calendarOf?: number | undefined;
  /** Every reservation list (a reservation was created: any list, a search say, may now hold it). */
  reservationLists?: boolean | undefined;
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
  /**
   * Drops what the cache holds about a booking, conversation or listing (a webhook said it changed, or this
   * client wrote to it), so the next read asks Hostaway. A no-op with the cache off.
   */
  invalidate(what: Invalidation): Promise<void>;
  /**
   * Runs `work` answering its reads from the cache only (fresh, or proven current by a signal already held):
   * resolves with its result, or undefined as soon as a read would need Hostaway. Sends nothing. A plan uses it
   * to see what is already paid for.
   */
  cached<T>(work: () => Promise<T>): Promise<T | undefined>;
  /** Counters of upstream traffic since the client was created. */
  stats(): Readonly<ClientStats>;
  /**
   * The ceiling on background requests (`rateLimit.backgroundShare` of the account window): at most `perWindow` in
   * any `windowMs`; `perWindow` is null when every window is off.
   */
  backgroundBudget(): { share: number; perWindow: number | null; windowMs: number };
  /** Whether windows, token and cache are shared through Redis right now (`off` without `redis`). */
  sharing(): ClientSharing;
  /** Closes pooled keep-alive connections (and the Redis connection the client opened itself). */
  close(): void;
}

/** When Hostaway omits `expires_in`: assume a day and rely on the 403 re-authentication after that. */
const FALLBACK_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

export function createHostawayClient(options: HostawayClientOptions): HostawayClient {
  const config = validateOptions(options);
  const clock = options.clock ?? systemClock;
  const exchange = createHttpExchange();
  const redis = options.redis ? openRedis(options.redis, config.accountId, options) : undefined;
  const gate = createRateGate({ ...options.rateLimit, limiter: options.limiter, shared: redis?.windows });
  const transport = new Transport({
    baseUrl: config.baseUrl,
    exchange,
    gate,
    retry: createRetryPolicy(options.retry),
    clock,
    logger: options.logger ?? silentLogger,
    timeoutMs: config.timeoutMs,
    deadlineMs: config.deadlineMs,
    secrets: [config.secretKey],
    observer: options.observer,
  });

  const tokenPath = { method: "POST", path: "/accessTokens" } as const;
  const tokens = new TokenManager({
    store:
      options.tokenStore ??
      (redis ? createRedisTokenStore(redis.link, config.accountId, redis.prefix) : createMemoryTokenStore()),
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
  const cache = createResourceCache(
    options.cache === false
      ? undefined
      : (options.cache?.store ??
          (redis
            ? createRedisCacheStore(redis.link, config.accountId, { ...options.cache, prefix: redis.prefix })
            : createMemoryCacheStore(options.cache ?? {}))),
    clock,
    cacheSettings(options.cache),
    options.observer,
  );

  return {
    authenticate: createAuthenticate({
      tokens,
      tokenRequests: () => transport.stats().tokenRequests,
    }),
    listings: createListingsResource(transport, cache),
    reservations: createReservationsResource(transport, cache),
    conversations: createConversationsResource(transport, cache),
    finance: createFinanceResource(transport, cache),
    invalidate: (what) => cache.invalidate(invalidationTags(what)),
    cached: cachedOnly,
    stats: () => transport.stats(),
    backgroundBudget: () => ({
      share: options.rateLimit?.backgroundShare ?? DEFAULT_RATE_LIMIT.backgroundShare,
      perWindow: gate.backgroundLimit,
      windowMs: options.rateLimit?.windowMs ?? DEFAULT_RATE_LIMIT.windowMs,
    }),
    sharing: () => (redis ? redis.link.status() : { mode: "off" }),
    close: () => {
      exchange.close();
      if (redis?.owned) void redis.link.close();
    },
  };
}

function openRedis(redis: RedisSharingOptions, accountId: string, options: HostawayClientOptions) {
  if (redis.link === undefined && (typeof redis.url !== "string" || redis.url === "")) {
    throw new TypeError("createHostawayClient: redis needs a url (redis://host:port) or an open link");
  }
  const replicas = redis.replicas ?? 4;
  if (!Number.isInteger(replicas) || replicas < 1) {
    throw new RangeError(`createHostawayClient: redis.replicas must be a whole number ≥ 1, got ${replicas}`);
  }
  const logger = options.logger as Partial<LinkLogger> | undefined;
  const linkLogger =
    typeof logger?.info === "function" && typeof logger.error === "function"
      ? (logger as LinkLogger)
      : undefined;
  const link = redis.link ?? new RedisLink({ url: redis.url ?? "", logger: linkLogger });
  const prefix = redis.keyPrefix ?? "hostaway:";
  const { ip, account, holdMs } = resolveRateLimits(options.rateLimit);
  const windows = new SharedWindows({
    link,
    accountId,
    egressId: redis.egressId ?? hostname(),
    ip,
    account,
    holdMs,
    replicas,
    keyPrefix: prefix,
    background: backgroundLimitOf(options.rateLimit) ?? 0,
  });
  return { link, windows, prefix, owned: redis.link === undefined };
}

function invalidationTags({
  bookingId,
  conversationId,
  listingId,
  calendarOf,
  reservationLists,
}: Invalidation): string[] {
  return [
    ...(bookingId === undefined ? [] : [`booking:${bookingId}`]),
    ...(conversationId === undefined ? [] : [`conversation:${conversationId}`]),
    ...(listingId === undefined ? [] : [`listing:${listingId}`]),
    ...(calendarOf === undefined ? [] : [`calendar:${calendarOf}`]),
    ...(reservationLists === true ? ["reservations"] : []),
  ];
}

function cacheSettings(options: HostawayClientOptions["cache"]): CacheSettings {
  const given = options === false || options === undefined ? {} : options;
  const read = (name: keyof CacheSettings) => {
    const value = given[name] ?? DEFAULT_CACHE_SETTINGS[name];
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(
        `createHostawayClient: cache.${name} must be a number of milliseconds ≥ 0, got ${value}`,
      );
    }
    return value;
  };
  return {
    freshMs: read("freshMs"),
    listingFreshMs: read("listingFreshMs"),
    keepMs: read("keepMs"),
    indirectMs: read("indirectMs"),
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
    timeoutMs: positive("timeoutMs", options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    deadlineMs: positive("deadlineMs", options.deadlineMs ?? DEFAULT_DEADLINE_MS),
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
