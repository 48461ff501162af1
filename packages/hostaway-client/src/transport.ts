import type { Clock } from "./clock.js";
import {
  HostawayAbortError,
  HostawayAuthError,
  HostawayError,
  HostawayNetworkError,
  HostawayRateLimitError,
  HostawayTimeoutError,
} from "./errors.js";
import { interpretResponse } from "./hostaway-response.js";
import { ExchangeFailure, type HttpExchange, type RawResponse } from "./http-exchange.js";
import type { HttpMethod } from "./http-method.js";
import type { Logger } from "./logger.js";
import { type ClientObserver, routeOf } from "./observer.js";
import type { RateGate } from "./rate-limiter.js";
import { RequestCoalescer } from "./request-coalescer.js";
import type { RetryPolicy } from "./retry-policy.js";
import type { TokenManager } from "./token-manager.js";

export interface RequestSpec {
  method: HttpMethod;
  /** Path below the base URL, e.g. `/reservations/4711`. Appears in errors and logs; must hold no secrets. */
  path: string;
  query?: URLSearchParams | undefined;
  form?: URLSearchParams | undefined;
  /** A JSON body. A POST with one is a write unless `isRead`: never replayed (only the 403 re-authentication). */
  json?: unknown;
  /** The token request: sent without a token, at the front of the queue, and replayable (it is idempotent). */
  isTokenRequest?: boolean;
  /**
   * A POST that only reads (the finance reports, REFERENCE.md §6.5): retried like a GET on 429, 5xx and connection
   * errors. Never set it on a write.
   */
  isRead?: boolean;
}

/** Per-call options; each overrides the client's default. */
export interface RequestOptions {
  /** Cancels the call, from the rate-limit queue to the socket. */
  signal?: AbortSignal | undefined;
  /** Time one attempt may take, from sending to the full response. */
  timeoutMs?: number | undefined;
  /** Time the whole call may take: queueing, attempts and backoff. */
  deadlineMs?: number | undefined;
  /** Ask Hostaway even when the read cache holds a fresh answer (a readiness probe); the answer is cached. */
  fresh?: boolean | undefined;
  /**
   * Accept a cached answer up to this old without asking (e.g. an account's size, which changes slowly); never
   * shortens the client's own fresh window.
   */
  maxAgeMs?: number | undefined;
  /**
   * Background work (cache warming): queued behind every interactive request, and held to the background share
   * of the window (`rateLimit.backgroundShare`).
   */
  background?: boolean | undefined;
}

/** The keys of `RequestOptions`, so a method that also takes query options can split them off. */
export const REQUEST_OPTION_KEYS = [
  "signal",
  "timeoutMs",
  "deadlineMs",
  "fresh",
  "maxAgeMs",
  "background",
] as const satisfies readonly (keyof RequestOptions)[];

/** Splits a method's options into the request options and the rest (its query options). */
export function splitRequestOptions<T extends RequestOptions>(
  options: T,
): { request: RequestOptions; rest: Omit<T, keyof RequestOptions> } {
  const request: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if ((REQUEST_OPTION_KEYS as readonly string[]).includes(key)) request[key] = value;
    else rest[key] = value;
  }
  return { request: request as RequestOptions, rest: rest as Omit<T, keyof RequestOptions> };
}

export interface ClientStats {
  /** Attempts that reached the network (retries and token requests included). */
  requests: number;
  /** Attempts that were retries of an earlier failed attempt. */
  retries: number;
  /** `POST /accessTokens` attempts. */
  tokenRequests: number;
  /** Calls that joined an identical GET already in flight instead of sending their own. */
  coalesced: number;
  /** Attempts sent as background work (cache warming), within the background share. */
  backgroundRequests: number;
}

export interface TransportOptions {
  baseUrl: string;
  exchange: HttpExchange;
  gate: RateGate;
  retry: RetryPolicy;
  clock: Clock;
  logger: Logger;
  timeoutMs: number;
  deadlineMs: number;
  /** Strings that must never appear in an error message. */
  secrets: readonly string[];
  /** Told about every attempt that reached the network (metrics). */
  observer?: ClientObserver | undefined;
}

const TOKEN_PRIORITY = 0;
/** After a 429 without `Retry-After`: how long every request holds back. */
const RATE_LIMIT_COOL_DOWN_MS = 1000;
const RETRY_PRIORITY = 4;
const DEFAULT_PRIORITY = 5;

/** Tracks, for one call, whether any attempt has left for Hostaway (`HostawayAbortError.sent`). */
interface CallProgress {
  sent: boolean;
}

/**
 * Sends one logical call: waits for a token, passes the rate limiter on every attempt, retries what may be
 * retried, re-authenticates once on 403, and turns every failure into a `HostawayError`. Identical GETs in flight
 * share one call.
 */
export class Transport {
  readonly #options: TransportOptions;
  readonly #coalescer = new RequestCoalescer();
  readonly #stats: ClientStats = {
    requests: 0,
    retries: 0,
    tokenRequests: 0,
    coalesced: 0,
    backgroundRequests: 0,
  };
  #tokens: TokenManager | undefined;

  constructor(options: TransportOptions) {
    this.#options = options;
  }

  /** The token manager sends its token requests through this transport, so it is attached after construction. */
  useTokens(tokens: TokenManager): void {
    this.#tokens = tokens;
  }

  stats(): Readonly<ClientStats> {
    return { ...this.#stats };
  }

  /** The parsed JSON body of a successful response. */
  request(spec: RequestSpec, options: RequestOptions = {}): Promise<unknown> {
    if (spec.method !== "GET") return this.#call(spec, options, options.signal, { sent: false });
    // Background work shares only with background work: an interactive call never waits behind the warmer's queue.
    const key = `${options.background ? "background " : ""}${coalescingKey(spec)}`;
    return this.#coalescer.run(key, {
      signal: options.signal,
      createState: (): CallProgress => ({ sent: false }),
      execute: (sharedSignal, progress) => this.#call(spec, options, sharedSignal, progress),
      onAbort: (reason, progress) =>
        new HostawayAbortError({
          method: spec.method,
          path: spec.path,
          detail: abortDetail(progress?.sent ?? false),
          sent: progress?.sent ?? false,
          reason,
        }),
      onJoin: () => {
        this.#stats.coalesced += 1;
      },
    });
  }

  async #call(
    spec: RequestSpec,
    options: RequestOptions,
    signal: AbortSignal | undefined,
    progress: CallProgress,
  ): Promise<unknown> {
    const { clock } = this.#options;
    const deadlineMs = options.deadlineMs ?? this.#options.deadlineMs;
    const deadlineAt = clock.now() + deadlineMs;
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), deadlineMs);
    const callSignal = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;
    const where = { method: spec.method, path: spec.path };
    try {
      return await this.#attempts(spec, options, deadlineAt, callSignal, progress);
    } catch (error) {
      if (signal?.aborted) {
        throw new HostawayAbortError({
          ...where,
          detail: abortDetail(progress.sent),
          sent: progress.sent,
          reason: signal.reason,
        });
      }
      if (deadline.signal.aborted || isDeadlineExhausted(error)) {
        throw new HostawayTimeoutError({
          ...where,
          detail: `no answer within the ${deadlineMs} ms deadline`,
          sent: progress.sent,
        });
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async #attempts(
    spec: RequestSpec,
    options: RequestOptions,
    deadlineAt: number,
    signal: AbortSignal,
    progress: CallProgress,
  ): Promise<unknown> {
    const { clock, retry } = this.#options;
    const replayable = spec.method === "GET" || spec.isTokenRequest === true || spec.isRead === true;
    let reauthenticated = false;
    let requeued = false;
    for (let attempt = 1; ; attempt += 1) {
      signal.throwIfAborted();
      // Make sure a usable token exists before queueing (a refresh never holds a slot). The token actually sent is
      // read again when the slot is granted: one that expired or was replaced meanwhile is never sent.
      if (!spec.isTokenRequest) await this.#requireTokens().getToken(signal);
      const state = {
        token: undefined as string | undefined,
        attempt,
        requeued,
        deadlineAt,
        signal,
        progress,
      };
      try {
        return await this.#attempt(spec, options, state);
      } catch (error) {
        if (error instanceof TokenWentStale) {
          attempt -= 1; // nothing was sent: not an attempt
          requeued = true; // back ahead of new calls, as a retry is
          continue;
        }
        const token = state.token;
        if (signal.aborted || !HostawayError.isInstance(error)) throw error;
        if (token !== undefined && isTokenRejection(error)) {
          if (reauthenticated) {
            throw new HostawayAuthError({
              method: spec.method,
              path: spec.path,
              status: 403,
              detail: "access token rejected again after re-authenticating (HTTP 403)",
            });
          }
          // REFERENCE.md §2: 403 = expired or invalid token; get a new one and retry, once. A 403 means nothing
          // was done, so even a POST may be sent again. It does not count against `retry.maxAttempts`.
          reauthenticated = true;
          await this.#requireTokens().invalidate(token);
          attempt -= 1;
          continue;
        }
        const delay = replayable ? retry.delayBeforeRetry(attempt, error) : undefined;
        // A 429 holds back every request (of every process, when windows are shared), not just this call's retry.
        if (HostawayRateLimitError.isInstance(error)) {
          this.#options.gate.coolDown(error.retryAfterMs ?? delay ?? RATE_LIMIT_COOL_DOWN_MS);
        }
        if (delay === undefined || clock.now() + delay >= deadlineAt) throw error;
        this.#stats.retries += 1;
        this.#options.logger.debug(
          { method: spec.method, path: spec.path, attempt, code: error.code, delayMs: Math.round(delay) },
          "hostaway retry scheduled",
        );
        await clock.sleep(delay, signal);
      }
    }
  }

  async #attempt(
    spec: RequestSpec,
    options: RequestOptions,
    state: {
      token: string | undefined;
      attempt: number;
      requeued: boolean;
      deadlineAt: number;
      signal: AbortSignal;
      progress: CallProgress;
    },
  ): Promise<unknown> {
    const { clock, logger } = this.#options;
    const where = { method: spec.method, path: spec.path };
    const priority = spec.isTokenRequest
      ? TOKEN_PRIORITY
      : state.attempt > 1 || state.requeued
        ? RETRY_PRIORITY
        : DEFAULT_PRIORITY;
    const queuedAt = performance.now();
    const response = await this.#options.gate.run(
      async (startWindow, giveBack): Promise<RawResponse> => {
        if (!spec.isTokenRequest) {
          state.token = await this.#requireTokens().sendableToken();
          if (state.token === undefined) {
            giveBack();
            throw new TokenWentStale();
          }
        }
        const timeoutMs = Math.min(
          options.timeoutMs ?? this.#options.timeoutMs,
          state.deadlineAt - clock.now(),
        );
        if (timeoutMs <= 0) throw new DeadlineExhausted();
        state.progress.sent = true;
        this.#stats.requests += 1;
        if (spec.isTokenRequest) this.#stats.tokenRequests += 1;
        else if (options.background) this.#stats.backgroundRequests += 1;
        // The attempt's own timeout, as an abort: whatever error the socket then reports, we know why it ended.
        const attemptTimeout = new AbortController();
        const timer = setTimeout(() => attemptTimeout.abort(), timeoutMs);
        const startedAt = performance.now();
        const observed = (status: number | "error") =>
          this.#options.observer?.upstreamRequest?.({
            method: spec.method,
            route: routeOf(spec.path),
            status,
            waitMs: startedAt - queuedAt,
            durationMs: performance.now() - startedAt,
            tokenRequest: spec.isTokenRequest === true,
            background: options.background === true,
          });
        try {
          const raw = await this.#options.exchange.send({
            method: spec.method,
            url: this.#url(spec),
            headers: headers(state.token),
            form: spec.form,
            json: spec.json,
            signal: AbortSignal.any([state.signal, attemptTimeout.signal]),
            onResponseStart: startWindow,
          });
          logger.debug(
            { ...where, status: raw.status, attempt: state.attempt, durationMs: elapsedSince(startedAt) },
            "hostaway request",
          );
          observed(raw.status);
          return raw;
        } catch (error) {
          observed("error");
          const timedOut = attemptTimeout.signal.aborted && !state.signal.aborted;
          logger.debug(
            {
              ...where,
              attempt: state.attempt,
              durationMs: elapsedSince(startedAt),
              failure: timedOut ? "timeout" : describe(error),
            },
            "hostaway request failed",
          );
          if (timedOut) {
            throw new HostawayTimeoutError({
              ...where,
              detail: `no response within ${timeoutMs} ms`,
              sent: true,
            });
          }
          throw toClientError(error, spec);
        } finally {
          clearTimeout(timer);
        }
      },
      {
        signal: state.signal,
        priority,
        // A token request is never background work: it unblocks every waiting call.
        background: options.background === true && !spec.isTokenRequest,
      },
    );
    return interpretResponse(response, {
      ...where,
      isTokenRequest: spec.isTokenRequest === true,
      secrets: state.token ? [...this.#options.secrets, state.token] : this.#options.secrets,
      now: clock.now(),
    });
  }

  #requireTokens(): TokenManager {
    if (!this.#tokens)
      throw new Error("Transport: useTokens() must be called before an authenticated request");
    return this.#tokens;
  }

  #url(spec: RequestSpec): string {
    const query = spec.query?.toString();
    return `${this.#options.baseUrl}${spec.path}${query ? `?${query}` : ""}`;
  }
}

/** The token went stale while the request waited for its slot: it gives the slot back and queues again. */
class TokenWentStale extends Error {
  constructor() {
    super("token went stale while queued");
  }
}

/** The deadline left no time for another attempt. */
class DeadlineExhausted extends Error {
  constructor() {
    super("deadline exhausted");
  }
}

function isDeadlineExhausted(error: unknown): boolean {
  return error instanceof DeadlineExhausted;
}

function isTokenRejection(error: HostawayError): boolean {
  return error instanceof HostawayAuthError && error.status === 403;
}

function headers(token: string | undefined): Record<string, string> {
  return {
    accept: "application/json",
    // REFERENCE.md §1: every documented example sends it.
    "cache-control": "no-cache",
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
}

function toClientError(error: unknown, spec: RequestSpec): unknown {
  if (!(error instanceof ExchangeFailure) || error.kind === "aborted") return error;
  const where = { method: spec.method, path: spec.path };
  const code = error.networkCode ?? "unknown network error";
  return new HostawayNetworkError({
    ...where,
    detail: `connection failed (${code})`,
    networkCode: error.networkCode,
    cause: error,
  });
}

function abortDetail(sent: boolean): string {
  return sent
    ? "aborted by the caller after the request was sent"
    : "aborted by the caller before anything was sent";
}

function elapsedSince(startedAt: number): number {
  return Math.round(performance.now() - startedAt);
}

function describe(error: unknown): string {
  return error instanceof ExchangeFailure
    ? `${error.kind}${error.networkCode ? `:${error.networkCode}` : ""}`
    : "error";
}

/** Identical requests share a key: method + path + query sorted by name, then value. */
function coalescingKey(spec: RequestSpec): string {
  const pairs = [...(spec.query ?? new URLSearchParams())].sort(([a, x], [b, y]) =>
    a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1,
  );
  return `${spec.method} ${spec.path}?${new URLSearchParams(pairs).toString()}`;
}
