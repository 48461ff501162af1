import type { IncomingMessage, ServerResponse } from "node:http";
import { createKeyMatcher, presentedKey } from "./api-keys.js";
import { clientIpKey } from "./client-ip-key.js";
import { EdgeRefusal } from "./edge-refusal.js";
import { normalizeHostName, normalizeOrigin } from "./host-names.js";
import {
  createInboundLimiter,
  createMemoryLimitStore,
  type InboundLimiter,
  type InboundLimitStore,
  rateLimitHeaders,
} from "./inbound-limiter.js";
import { isLoopbackHost, isLoopbackOrigin } from "./loopback.js";
import { quoteCallerValue } from "./quote-caller-value.js";

/** A request past the guard: `caller` is the key's `callerIdOf`, or `null` when the server runs without keys. */
export interface GuardedRequest extends IncomingMessage {
  caller?: string | null;
}

/** Node's middleware shape, which Express 5 takes as it is. */
export type EdgeGuard = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

export interface EdgeCorsOptions {
  /** Answered in `Access-Control-Allow-Methods`. Default `GET, POST`. */
  methods?: readonly string[];
  /** Answered in `Access-Control-Allow-Headers`. Default `Authorization, X-API-Key, Content-Type, X-Request-Id`. */
  allowedHeaders?: readonly string[];
  /** Sent as `Access-Control-Expose-Headers`. Default `Retry-After, RateLimit, RateLimit-Policy, X-Request-Id`. */
  exposedHeaders?: readonly string[];
  /** How long a browser may reuse a preflight answer. Default 600 s. */
  maxAgeSeconds?: number;
}

export interface EdgeGuardOptions {
  /** Accepted keys (`X-API-Key` or `Authorization: Bearer`); empty: no authentication. */
  apiKeys: readonly string[];
  /** Host names served besides loopback and `bindHost`; when set, Host is checked even with keys. */
  allowedHosts?: readonly string[];
  /** Exact origins a browser page may call from; empty: loopback origins only. */
  allowedOrigins?: readonly string[];
  /** The address the server binds, whose name is then an allowed Host (unless it is 0.0.0.0 or ::). */
  bindHost?: string;
  /** The `realm` of `WWW-Authenticate: Bearer`, e.g. `hostaway-rest`. */
  realm: string;
  /** Requests per window per valid key. Default 20; 0 switches it off. */
  perKeyLimit?: number;
  /** Requests per window per client IP without a valid key (every request when no keys are set). Default 15; 0 off. */
  perIpLimit?: number;
  /** Default 10 000. */
  windowMs?: number;
  cors?: EdgeCorsOptions;
  /** Where both windows are counted (keys prefixed `per-key:` and `per-ip:`). Default: in memory. */
  store?: InboundLimitStore;
  /** The client address behind a trusted proxy, say. Default `req.socket.remoteAddress`. */
  clientIp?: (req: IncomingMessage) => string | undefined;
}

const DEFAULT_CORS = {
  methods: ["GET", "POST"],
  allowedHeaders: ["Authorization", "X-API-Key", "Content-Type", "X-Request-Id"],
  exposedHeaders: ["Retry-After", "RateLimit", "RateLimit-Policy", "X-Request-Id"],
  maxAgeSeconds: 600,
};

// Host: a name or an IPv6 literal in brackets, an optional port, nothing else (no userinfo, no path).
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::\d{1,5})?$/i;

/**
 * The edge every request to a server's API passes first, in this order:
 * 1. CORS: an `Origin` that is allowed (`allowedOrigins`, else any loopback origin) gets `Access-Control-Allow-Origin`
 *    and the exposed headers, and its preflight is answered 204 here, before auth; a foreign `Origin` is refused 403.
 * 2. Host (DNS rebinding): without keys, or with `allowedHosts`, the Host name must be loopback, `bindHost` or
 *    listed; else 403.
 * 3. Keys: a valid key counts against its own window (`perKeyLimit`); a request without one (every request when
 *    no keys are set) counts against its client IP's window (`perIpLimit`), before a missing or wrong key is
 *    answered 401. So guessing keys is limited, yet cannot use up a valid key's window. Over a limit: 429.
 * Refusals go to `next(new EdgeRefusal(…))`; a passing request gets `req.caller` and the `RateLimit` headers.
 * A failing store (say Redis down) goes to `next(error)`: the request is refused, not let through uncounted.
 */
export function createEdgeGuard(options: EdgeGuardOptions): EdgeGuard {
  const keyed = options.apiKeys.length > 0;
  const matchKey = createKeyMatcher(options.apiKeys);
  const allowedOrigins = new Set((options.allowedOrigins ?? []).map((origin) => normalizeOrigin(origin)));
  allowedOrigins.delete("");
  const hostNames = new Set((options.allowedHosts ?? []).map(normalizeHostName));
  const checkHost = !keyed || hostNames.size > 0;
  const bindName = options.bindHost === undefined ? "" : normalizeHostName(options.bindHost);
  if (bindName !== "" && !["0.0.0.0", "[::]"].includes(bindName)) hostNames.add(bindName);
  hostNames.delete("");

  const cors = { ...DEFAULT_CORS, ...options.cors };
  const corsHeaders = {
    methods: cors.methods.join(", "),
    allowedHeaders: cors.allowedHeaders.join(", "),
    exposedHeaders: cors.exposedHeaders.join(", "),
  };

  const windowMs = options.windowMs ?? 10_000;
  const store = options.store ?? createMemoryLimitStore();
  const limiter = (name: string, limit: number): InboundLimiter | undefined =>
    limit > 0 ? createInboundLimiter({ name, limit, windowMs, store }) : undefined;
  const perKey = limiter("per-key", options.perKeyLimit ?? 20);
  const perIp = limiter("per-ip", options.perIpLimit ?? 15);
  const clientIp = options.clientIp ?? ((req: IncomingMessage) => req.socket.remoteAddress);
  const challenge = `Bearer realm="${options.realm.replace(/["\\]/g, "")}"`;

  const originAllowed = (origin: string): boolean =>
    allowedOrigins.size > 0 ? allowedOrigins.has(normalizeOrigin(origin)) : isLoopbackOrigin(origin);

  /** Step 1: `"answered"` for a preflight, a refusal for a foreign origin, else `undefined`. */
  const applyCors = (req: IncomingMessage, res: ServerResponse): "answered" | EdgeRefusal | undefined => {
    appendVary(res, "Origin");
    const origin = req.headers.origin;
    if (origin === undefined) return undefined;
    if (!originAllowed(origin)) {
      return new EdgeRefusal({
        status: 403,
        errorType: "unauthorized",
        message: `Forbidden: origin ${quoteCallerValue(origin)} is not allowed. Add it to ALLOWED_ORIGINS to let that page call this server.`,
      });
    }
    res.setHeader("Access-Control-Allow-Origin", origin);
    if (corsHeaders.exposedHeaders !== "") {
      res.setHeader("Access-Control-Expose-Headers", corsHeaders.exposedHeaders);
    }
    if (req.method !== "OPTIONS" || req.headers["access-control-request-method"] === undefined)
      return undefined;
    res.statusCode = 204;
    res.setHeader("Access-Control-Allow-Methods", corsHeaders.methods);
    res.setHeader("Access-Control-Allow-Headers", corsHeaders.allowedHeaders);
    res.setHeader("Access-Control-Max-Age", String(cors.maxAgeSeconds));
    res.setHeader("Content-Length", "0");
    res.end();
    return "answered";
  };

  /** Step 2. */
  const hostRefusal = (host: string | undefined): EdgeRefusal | undefined => {
    const refuse = (message: string) => new EdgeRefusal({ status: 403, errorType: "unauthorized", message });
    if (host === undefined || host === "") return refuse("Forbidden: the request has no Host header.");
    const match = HOST_HEADER.exec(host.trim());
    const name = match === null ? "" : normalizeHostName(match[1] ?? "");
    if (name === "") {
      return refuse(`Forbidden: the Host header ${quoteCallerValue(host)} is not a host name.`);
    }
    if (isLoopbackHost(name) || hostNames.has(name)) return undefined;
    return refuse(
      `Forbidden: host ${quoteCallerValue(name)} is not allowed. Add it to ALLOWED_HOSTS to serve that name.`,
    );
  };

  /** Step 3: the refusal, or `undefined` after setting `req.caller` and the RateLimit headers. */
  const authorize = async (req: GuardedRequest, res: ServerResponse): Promise<EdgeRefusal | undefined> => {
    const presented = keyed ? presentedKey(req.headers) : undefined;
    const caller = presented === undefined ? null : matchKey(presented);
    const limit = caller === null ? perIp : perKey;
    let headers: Record<string, string> = {};
    if (limit !== undefined) {
      const result = await limit.take(caller ?? clientIpKey(clientIp(req)));
      headers = rateLimitHeaders(limit.name, result);
      if (!result.allowed) {
        const who = caller === null ? "from this address" : "for this API key";
        return new EdgeRefusal({
          status: 429,
          errorType: "rate_limit",
          message: `Too many requests ${who}: at most ${result.limit} per ${result.windowSeconds} s; retry in ${result.resetSeconds} s.`,
          headers,
          retryAfterSeconds: result.resetSeconds,
        });
      }
    }
    if (keyed && caller === null) {
      return new EdgeRefusal({
        status: 401,
        errorType: "unauthorized",
        message:
          presented === undefined
            ? "Unauthorized: send one of the server's API keys as `X-API-Key: <key>` or `Authorization: Bearer <key>`."
            : "Unauthorized: the API key is not one of the server's keys.",
        headers: {
          ...headers,
          "WWW-Authenticate": presented === undefined ? challenge : `${challenge}, error="invalid_token"`,
        },
      });
    }
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    req.caller = caller;
    return undefined;
  };

  return (req, res, next) => {
    const cors = applyCors(req, res);
    if (cors === "answered") return;
    const refusal = cors ?? (checkHost ? hostRefusal(req.headers.host) : undefined);
    if (refusal !== undefined) {
      next(refusal);
      return;
    }
    authorize(req, res).then(
      (denied) => (denied === undefined ? next() : next(denied)),
      (error: unknown) => next(error),
    );
  };
}

/** Adds `field` to `Vary` unless it is there already (an app may have set `Vary` before). */
function appendVary(res: ServerResponse, field: string): void {
  const current = res.getHeader("Vary");
  const fields = (Array.isArray(current) ? current.join(",") : String(current ?? ""))
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  if (fields.some((item) => item === "*" || item.toLowerCase() === field.toLowerCase())) return;
  res.setHeader("Vary", [...fields, field].join(", "));
}
