import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { accessDeniedMessage } from "./auth/access-denied.js";
import { TokenRegistry } from "./auth/token-registry.js";
import { buildDataset } from "./dataset/build-dataset.js";
import type { SandboxData, SandboxFixtures, SandboxMessage, SandboxReservation } from "./dataset/types.js";
import { applyFault } from "./faults/apply-fault.js";
import { type FaultHandle, FaultInjector, type FaultSpec } from "./faults/fault-injector.js";
import { HttpError } from "./http/http-error.js";
import { Params } from "./http/query.js";
import { formFields, readBody } from "./http/read-body.js";
import {
  type CompiledRoute,
  compile,
  matchRoute,
  type RouteSettings,
  type SandboxCredentials,
} from "./http/route.js";
import { sendFail, sendJson, sendRateLimited, sendText } from "./http/send.js";
import { HOSTAWAY_RATE_LIMITS, RateLimiter, type RateLimits } from "./limits/rate-limiter.js";
import {
  type AddMessageInput,
  LiveDataset,
  type LiveEvent,
  type ReservationPatch,
} from "./live/live-dataset.js";
import {
  anchorToMs,
  DEFAULT_CREDENTIALS,
  DEFAULT_PAGE_SIZE_CAP,
  DEFAULT_TOKEN_TTL_SECONDS,
  type SandboxOptions,
  validateOptions,
  validateRateLimits,
} from "./options.js";
import { accessTokenRoutes } from "./routes/access-tokens.js";
import { conversationRoutes } from "./routes/conversations.js";
import { financeRoutes } from "./routes/finance.js";
import { listingRoutes } from "./routes/listings.js";
import { reservationRoutes } from "./routes/reservations.js";
import { RequestStats, type SandboxStats } from "./stats/request-stats.js";
import {
  type WebhookAuth,
  type WebhookConfig,
  type WebhookDelivery,
  WebhookSender,
} from "./webhooks/webhook-sender.js";

export interface Sandbox {
  /** Base URL, e.g. `http://127.0.0.1:40123/v1`. */
  readonly url: string;
  readonly port: number;
  readonly credentials: SandboxCredentials;
  /** The dataset, live edits included (read it; change it only through addMessage/updateReservation). */
  readonly data: SandboxData;
  /** Ids tests rely on (docs/architecture.md). */
  readonly fixtures: SandboxFixtures;
  stats(): SandboxStats;
  resetStats(): void;
  injectFault(spec: FaultSpec): FaultHandle;
  clearFaults(): void;
  /** Every token issued so far is expired from now on (the next call with one gets 403). */
  expireAllTokens(): void;
  setLatency(ms: number): void;
  setRateLimits(limits: RateLimits | false): void;
  /**
   * Records a message (from the guest unless `isIncoming: false`) in a conversation, or in the booking's first one
   * (opened if it has none), as Hostaway would: the message list, the conversation's times, unread flag and
   * latest message, the booking's and listing's `latestActivityOn`. Fires `message.received`.
   */
  addMessage(input: AddMessageInput): SandboxMessage;
  /** Shallow-patches a reservation, bumps `updatedOn`/`latestActivityOn` to now and fires `reservation.updated`. */
  updateReservation(id: number, patch: ReservationPatch): SandboxReservation;
  /** Where events go (POSTed as `{ object, event, accountId, data }`), or `null` to stop sending them. */
  configureWebhook(config: WebhookConfig | null): void;
  /** Every delivery attempt of a fired event so far, oldest first. */
  webhookDeliveries(): WebhookDelivery[];
  /** Resolves when every queued delivery has finished. */
  flushWebhooks(): Promise<void>;
  /**
   * POSTs any body (strings and bytes as they are, anything else as JSON) to the configured url after the queued
   * deliveries; resolves with the HTTP status, rejects when nothing answered. `auth` replaces the configured
   * login/password (`{}` sends no Authorization header).
   */
  deliverWebhook(payload: unknown, auth?: WebhookAuth): Promise<number>;
  close(): Promise<void>;
}

const ROUTES: CompiledRoute[] = [
  ...accessTokenRoutes,
  ...listingRoutes,
  ...reservationRoutes,
  ...conversationRoutes,
  ...financeRoutes,
].map(compile);

const TOKEN_ROUTE = "POST /v1/accessTokens";

/** Starts a fake Hostaway API v1 on `node:http` and resolves once it listens. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  validateOptions(options);
  const now = options.now ?? Date.now;
  const credentials = options.credentials ?? DEFAULT_CREDENTIALS;
  const anchorMs = anchorToMs(options.anchorDate);
  const { data, fixtures } = buildDataset({
    accountId: Number(credentials.accountId) || 10450,
    anchorMs,
    seed: options.seed,
  });
  const webhooks = new WebhookSender(now);
  // REFERENCE.md §9: the payload is not documented; this is the envelope public receivers handle.
  const fire = (change: LiveEvent): void => {
    const [object, subject] =
      change.event === "message.received"
        ? (["conversationMessage", change.message] as const)
        : (["reservation", change.reservation] as const);
    webhooks.fire(change.event, subject.id, {
      object,
      event: change.event,
      accountId: data.accountId,
      data: subject,
    });
  };
  const live = new LiveDataset(data, now, fire);
  const tokens = new TokenRegistry({
    ttlSeconds: options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
    notBeforeMs: options.tokenNotBeforeMs ?? 0,
    now,
  });
  const initialLimits = options.rateLimits === undefined ? HOSTAWAY_RATE_LIMITS : options.rateLimits;
  const limiter = new RateLimiter(initialLimits);
  const stats = new RequestStats(initialLimits ? initialLimits.windowMs : HOSTAWAY_RATE_LIMITS.windowMs);
  const faults = new FaultInjector();
  const settings: RouteSettings = {
    pageSizeCap: options.pageSizeCap ?? DEFAULT_PAGE_SIZE_CAP,
    financeReporting: options.financeReporting ?? "on",
    anchorMs,
  };
  const retryAfterHeader = options.retryAfterHeader ?? true;
  let latencyMs = options.latencyMs ?? 0;
  let closing = false;

  // Latency waits end early when the sandbox closes, so close() never waits for them.
  const pendingDelays = new Map<NodeJS.Timeout, () => void>();
  const delay = async (): Promise<void> => {
    if (latencyMs <= 0 || closing) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        pendingDelays.delete(timer);
        resolve();
      }, latencyMs);
      pendingDelays.set(timer, resolve);
    });
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const arrivedAt = now();
    const method = (request.method ?? "GET").toUpperCase();
    const url = new URL(request.url ?? "/", "http://sandbox.invalid");
    const matched = matchRoute(ROUTES, method, url.pathname);
    const routeKey = `${method} ${matched ? matched.route.template : "(unmatched)"}`;
    const body = await readBody(request);
    const form = new Params(formFields(body, request.headers["content-type"]));
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
    // REFERENCE.md §4: the token request counts against the account too (its client_id names the account).
    const account = routeKey === TOKEN_ROUTE ? form.string("client_id") : tokens.accountOf(bearer);
    const ip = request.socket.remoteAddress ?? "unknown";

    stats.recordRequest(routeKey, ip, account, arrivedAt);
    const decision = limiter.admit(ip, account, arrivedAt);
    if (!decision.allowed) {
      stats.recordRateLimited();
      await delay();
      sendRateLimited(response, retryAfterHeader ? decision.retryAfterMs : undefined);
      return;
    }

    const fault = faults.take(request, url.pathname, matched?.route.template);
    if (fault) {
      stats.recordFault();
      if (fault.kind === "rate_limit") stats.recordRateLimited();
      await applyFault(fault, response, { delay, retryAfterHeader });
      return;
    }

    await delay();
    if (!matched) {
      sendFail(response, 404, `Not found: ${method} ${url.pathname} is not a sandbox route`);
      return;
    }
    if (matched.route.requiresToken) {
      const check = tokens.check(bearer);
      if (!check.ok) {
        // REFERENCE.md §2: an invalid or expired token gets HTTP 403; the body is not documented.
        sendFail(response, 403, accessDeniedMessage(check.reason));
        return;
      }
    }
    const result = matched.route.handle({
      query: new Params(url.searchParams),
      form,
      body,
      contentType: request.headers["content-type"],
      path: matched.path,
      index: live.index,
      live,
      settings,
      tokens,
      credentials,
    });
    if (result.text !== undefined)
      sendText(response, result.status, result.text, result.contentType ?? "text/plain");
    else sendJson(response, result.status, result.body);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) return;
      if (error instanceof HttpError) sendFail(response, error.status, error.message);
      // A sandbox bug: say what broke, so the test that hit it shows the cause.
      else
        sendFail(
          response,
          500,
          `Internal sandbox error: ${error instanceof Error ? error.message : String(error)}`,
        );
    });
  });
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${hostForUrl}:${address.port}/v1`,
    port: address.port,
    credentials,
    data,
    fixtures,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    injectFault: (spec) => faults.inject(spec),
    clearFaults: () => faults.clear(),
    expireAllTokens: () => {
      tokens.expireAll();
    },
    setLatency(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new TypeError(`latency must be a number ≥ 0, got ${ms}`);
      latencyMs = ms;
    },
    setRateLimits(limits) {
      if (limits) validateRateLimits(limits);
      limiter.configure(limits);
      stats.setWindow(limits ? limits.windowMs : HOSTAWAY_RATE_LIMITS.windowMs);
    },
    addMessage: (input) => live.addMessage(input),
    updateReservation: (id, patch) => live.updateReservation(id, patch),
    configureWebhook: (config) => webhooks.configure(config),
    webhookDeliveries: () => webhooks.deliveries(),
    flushWebhooks: () => webhooks.flush(),
    deliverWebhook: (payload, auth) => webhooks.send(payload, auth),
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        closing = true;
        for (const [timer, resolve] of pendingDelays) {
          clearTimeout(timer);
          resolve();
        }
        pendingDelays.clear();
        faults.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      }).finally(() => webhooks.close());
    },
  };
}
