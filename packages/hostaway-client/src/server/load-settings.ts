import { isIP } from "node:net";
import { backgroundLimitOf, smallestBackgroundShare } from "../rate-limiter.js";
import { normalizeHostName, normalizeOrigin } from "./host-names.js";
import { LOG_LEVELS, type LogLevel } from "./log-levels.js";
import { isLoopbackHost } from "./loopback.js";
import { SettingsError } from "./settings-error.js";

/** What both servers read from their environment: the client, the logger and the HTTP edge. */
export interface SharedSettings {
  hostaway: {
    accountId: string;
    secretKey: string;
    /** Without trailing slashes. */
    baseUrl: string;
    /** Upstream requests per 10 s from this process; 0 switches the window off. */
    rateLimitIp: number;
    /** Upstream requests per 10 s for the account; 0 switches the window off. */
    rateLimitAccount: number;
    /** Per attempt (`HOSTAWAY_TIMEOUT_SECONDS`, default 10). */
    timeoutMs: number;
    /** Per call, queueing and retries included (`HOSTAWAY_DEADLINE_SECONDS`, default 45). */
    deadlineMs: number;
    /** The read cache (`HOSTAWAY_CACHE*`, docs/adr/006). */
    cache: CacheSettingsFromEnv;
    /** The most of the account window background work may use (`HOSTAWAY_BACKGROUND_SHARE`, default 0.25). */
    backgroundShare: number;
  };
  /**
   * Sharing through Redis (`REDIS_URL`, docs/adr/008): windows, token, cache and inbound limits; undefined: one
   * process, in memory.
   */
  redis:
    | {
        url: string;
        /** `HOSTAWAY_EGRESS_ID`: the processes leaving through one IP (default: the host name). */
        egressId: string | undefined;
        /** `HOSTAWAY_REPLICAS` (default 4): while Redis is away each process takes 1/replicas of each window. */
        replicas: number;
      }
    | undefined;
  /** `METRICS=1`: `GET /metrics` in Prometheus text (behind the API key when keys are set). */
  metrics: boolean;
  /**
   * Guest replies (`HOSTAWAY_ALLOW_WRITES=1`, off by default). Over HTTP a caller also needs a key listed in
   * `API_KEYS_WRITE` (those keys authenticate too; keys in `API_KEYS` alone stay read-only); over stdio the flag
   * alone.
   */
  writes: { enabled: boolean; keys: string[] };
  /** Cache warming (`HOSTAWAY_WARM`, `HOSTAWAY_WARM_DAYS`): off, or the bookings active in the last `days`. */
  warm: { mode: "off" } | { mode: "recent"; days: number };
  /**
   * The webhook receiver's credentials (`HOSTAWAY_WEBHOOK_LOGIN`/`_PASSWORD`, both or neither); undefined: the
   * route answers 404.
   */
  webhook: { login: string; password: string } | undefined;
  logLevel: LogLevel;
  http: {
    host: string;
    port: number;
    /** Empty: no authentication, which is allowed on a loopback `host` only. */
    apiKeys: string[];
    /** Host names (no port; IPv6 in brackets, lower case) served besides loopback and the bound address. */
    allowedHosts: string[];
    /** Exact browser origins (`scheme://host[:port]`); empty: loopback origins only. */
    allowedOrigins: string[];
    /** Inbound requests per API key per 10 s; 0 off. */
    perKeyLimit: number;
    /** Inbound requests without a valid key, per client IP per 10 s; 0 off. */
    perIpLimit: number;
  };
}

export interface CacheSettingsFromEnv {
  /** `HOSTAWAY_CACHE=off` turns it off: every read goes upstream. */
  enabled: boolean;
  /** `HOSTAWAY_CACHE_FRESH_SECONDS` (default 15). */
  freshMs: number;
  /** `HOSTAWAY_CACHE_LISTING_SECONDS` (default 600). */
  listingFreshMs: number;
  /** `HOSTAWAY_CACHE_MAX_ENTRIES` (default 10 000). */
  maxEntries: number;
  /** `HOSTAWAY_CACHE_MAX_MB` (default 64). */
  maxBytes: number;
}

export interface LoadSettingsOptions {
  /** The app's port when neither `port` nor `PORT` is given. */
  defaultPort: number;
  /** A command-line `--host`, taking precedence over `HOST`. */
  host?: string | undefined;
  /** A command-line `--port`, taking precedence over `PORT`. */
  port?: string | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

const DEFAULT_BASE_URL = "https://api.hostaway.com/v1";
const DEFAULT_HOST = "127.0.0.1";
export const MIN_API_KEY_LENGTH = 16;
/** A year: each warming pass reads every booking active in the range, and a longer range is rarely "recent". */
const MAX_WARM_DAYS = 365;
// A key travels in a header: visible ASCII only, and no comma (the list separator).
const API_KEY_CHARS = /^[\x21-\x2b\x2d-\x7e]+$/;

/**
 * Reads and checks the shared variables. Every problem is collected and thrown at once as a `SettingsError`;
 * no problem repeats the variable's value (a mistyped variable may hold a secret). Problems name the item's
 * position in a list instead ("item 2").
 */
export function loadSharedSettings(env: Env, options: LoadSettingsOptions): SharedSettings {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === "" ? undefined : value;
  };
  const list = (name: string): string[] =>
    (read(name) ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== "");
  const count = (name: string, fallback: number, what: string, min = 0): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw)) || Number(raw) < min) {
      problems.push(
        `${name} must be a whole number ≥ ${min} (${what}${min === 0 ? "; 0 switches it off" : ""})`,
      );
      return fallback;
    }
    return Number(raw);
  };
  const positions = (items: readonly string[], bad: (item: string) => boolean): string =>
    items.flatMap((item, index) => (bad(item) ? [String(index + 1)] : [])).join(", ");

  const accountId = read("HOSTAWAY_ACCOUNT_ID");
  if (accountId === undefined) {
    problems.push(
      "HOSTAWAY_ACCOUNT_ID is required (your numeric Hostaway account id, shown in the dashboard)",
    );
  } else if (!/^\d+$/.test(accountId)) {
    problems.push("HOSTAWAY_ACCOUNT_ID must be your numeric Hostaway account id (digits only)");
  }

  const secretKey = read("HOSTAWAY_SECRET_KEY");
  if (secretKey === undefined) {
    problems.push("HOSTAWAY_SECRET_KEY is required (the API secret from Hostaway's dashboard)");
  }

  const baseUrl = (read("HOSTAWAY_API_BASE_URL") ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  if (!isHttpUrl(baseUrl)) {
    problems.push("HOSTAWAY_API_BASE_URL must be an http(s) URL such as https://api.hostaway.com/v1");
  }

  const rateLimitIp = count("HOSTAWAY_RATE_LIMIT_IP", 15, "upstream requests per 10 s from this process");
  const rateLimitAccount = count(
    "HOSTAWAY_RATE_LIMIT_ACCOUNT",
    20,
    "upstream requests per 10 s for the account",
  );

  const seconds = (name: string, fallback: number, what: string, min = 0): number => {
    const raw = read(name);
    if (raw === undefined) return fallback * 1000;
    const value = Number(raw);
    if (!/^\d+(\.\d+)?$/.test(raw) || !Number.isFinite(value) || value < min) {
      problems.push(`${name} must be a number of seconds ≥ ${min} (${what})`);
      return fallback * 1000;
    }
    return Math.round(value * 1000);
  };
  const timeoutMs = seconds("HOSTAWAY_TIMEOUT_SECONDS", 10, "how long one upstream attempt may take", 1);
  const deadlineMs = seconds(
    "HOSTAWAY_DEADLINE_SECONDS",
    45,
    "how long one call may take, retries included",
    1,
  );

  const rawCache = read("HOSTAWAY_CACHE")?.toLowerCase() ?? "on";
  if (rawCache !== "on" && rawCache !== "off") problems.push("HOSTAWAY_CACHE must be on or off");
  const cache: CacheSettingsFromEnv = {
    enabled: rawCache !== "off",
    freshMs: seconds("HOSTAWAY_CACHE_FRESH_SECONDS", 15, "how long a read is served without asking Hostaway"),
    listingFreshMs: seconds("HOSTAWAY_CACHE_LISTING_SECONDS", 600, "how long listings stay fresh"),
    maxEntries: count("HOSTAWAY_CACHE_MAX_ENTRIES", 10_000, "most cached answers kept", 1),
    maxBytes: count("HOSTAWAY_CACHE_MAX_MB", 64, "most megabytes of cached answers kept", 1) * 1024 * 1024,
  };

  const rawShare = read("HOSTAWAY_BACKGROUND_SHARE");
  let backgroundShare = 0.25;
  if (rawShare !== undefined) {
    const share = Number(rawShare);
    if (!/^(0(\.\d+)?|1(\.0+)?)$/.test(rawShare) || !(share > 0 && share <= 1)) {
      problems.push(
        "HOSTAWAY_BACKGROUND_SHARE must be a number above 0 and at most 1 (the most of the account's rate-limit window cache warming may use, e.g. 0.25)",
      );
    } else {
      backgroundShare = share;
    }
  }
  const rawWarm = read("HOSTAWAY_WARM")?.toLowerCase() ?? "off";
  if (rawWarm !== "off" && rawWarm !== "recent") problems.push("HOSTAWAY_WARM must be off or recent");
  const warmDays = count("HOSTAWAY_WARM_DAYS", 7, "days of recent bookings kept warm", 1);
  if (warmDays > MAX_WARM_DAYS) {
    problems.push(`HOSTAWAY_WARM_DAYS must be at most ${MAX_WARM_DAYS} (days of recent bookings kept warm)`);
  }
  const warm: SharedSettings["warm"] =
    rawWarm === "recent" ? { mode: "recent", days: warmDays } : { mode: "off" };
  if (warm.mode === "recent") {
    if (!cache.enabled) {
      problems.push(
        "HOSTAWAY_WARM=recent needs the cache: with HOSTAWAY_CACHE=off every pass would spend the background share re-reading and keep nothing",
      );
    }
    // The ceiling is rounded down (rate-limiter.ts): a share below one request per window would warm nothing.
    const limits = { ip: rateLimitIp, account: rateLimitAccount, backgroundShare };
    if (backgroundLimitOf(limits) === 0) {
      const [limitName, limit] =
        rateLimitAccount > 0
          ? ["HOSTAWAY_RATE_LIMIT_ACCOUNT", rateLimitAccount]
          : ["HOSTAWAY_RATE_LIMIT_IP", rateLimitIp];
      problems.push(
        `HOSTAWAY_BACKGROUND_SHARE must be at least ${smallestBackgroundShare(limit)} with HOSTAWAY_WARM=recent: its share of ${limitName} (${limit} per 10 s) must allow one background request per window`,
      );
    }
  }

  const webhookLogin = read("HOSTAWAY_WEBHOOK_LOGIN");
  const webhookPassword = read("HOSTAWAY_WEBHOOK_PASSWORD");
  if ((webhookLogin === undefined) !== (webhookPassword === undefined)) {
    problems.push(
      "HOSTAWAY_WEBHOOK_LOGIN and HOSTAWAY_WEBHOOK_PASSWORD must be set together (the Basic-auth credentials you register with Hostaway's webhook)",
    );
  } else if (webhookLogin?.includes(":")) {
    problems.push(
      "HOSTAWAY_WEBHOOK_LOGIN may not contain a colon (HTTP Basic auth separates login and password with one)",
    );
  }
  const webhook =
    webhookLogin !== undefined && webhookPassword !== undefined
      ? { login: webhookLogin, password: webhookPassword }
      : undefined;

  const redisUrl = read("REDIS_URL");
  if (redisUrl !== undefined && !isRedisUrl(redisUrl)) {
    problems.push("REDIS_URL must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379");
  }
  const egressId = read("HOSTAWAY_EGRESS_ID");
  if (egressId !== undefined && !/^[\w.:-]{1,100}$/.test(egressId)) {
    problems.push(
      "HOSTAWAY_EGRESS_ID must be 1 to 100 letters, digits or . _ : - (a name for the processes that share one outgoing IP)",
    );
  }
  const replicas = count(
    "HOSTAWAY_REPLICAS",
    4,
    "processes sharing the account, for the limits while Redis is away",
    1,
  );
  const redis = redisUrl === undefined ? undefined : { url: redisUrl, egressId, replicas };
  const rawMetrics = read("METRICS") ?? "0";
  if (rawMetrics !== "0" && rawMetrics !== "1") problems.push("METRICS must be 1 (serve GET /metrics) or 0");

  const rawWrites = read("HOSTAWAY_ALLOW_WRITES") ?? "0";
  if (rawWrites !== "0" && rawWrites !== "1") {
    problems.push("HOSTAWAY_ALLOW_WRITES must be 1 (allow replying to guests) or 0");
  }
  const writeKeys = list("API_KEYS_WRITE");
  const shortWriteKeys = positions(writeKeys, (key) => Array.from(key).length < MIN_API_KEY_LENGTH);
  if (shortWriteKeys !== "") {
    problems.push(
      `API_KEYS_WRITE must be comma-separated keys of at least ${MIN_API_KEY_LENGTH} characters each (too short: item ${shortWriteKeys})`,
    );
  }
  const oddWriteKeys = positions(writeKeys, (key) => !API_KEY_CHARS.test(key));
  if (oddWriteKeys !== "") {
    problems.push(`API_KEYS_WRITE may hold only visible ASCII characters, no spaces (item ${oddWriteKeys})`);
  }

  const rawLogLevel = read("LOG_LEVEL")?.toLowerCase() ?? "info";
  const logLevel = LOG_LEVELS.find((level) => level === rawLogLevel);
  if (logLevel === undefined) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}`);

  const apiKeys = list("API_KEYS");
  const shortKeys = positions(apiKeys, (key) => Array.from(key).length < MIN_API_KEY_LENGTH);
  if (shortKeys !== "") {
    problems.push(
      `API_KEYS must be comma-separated keys of at least ${MIN_API_KEY_LENGTH} characters each (too short: item ${shortKeys})`,
    );
  }
  const oddKeys = positions(apiKeys, (key) => !API_KEY_CHARS.test(key));
  if (oddKeys !== "") {
    problems.push(`API_KEYS may hold only visible ASCII characters, no spaces (item ${oddKeys})`);
  }

  const hostSource = options.host?.trim() ? "--host" : "HOST";
  const host = options.host?.trim() || read("HOST") || DEFAULT_HOST;
  const hostValid = isBindHost(host);
  if (!hostValid) problems.push(`${hostSource} must be an IP address or a host name, such as 127.0.0.1`);

  const portSource = options.port === undefined ? "PORT" : "--port";
  const rawPort = options.port === undefined ? read("PORT") : options.port.trim();
  let port = options.defaultPort;
  if (rawPort !== undefined) {
    if (!/^\d{1,5}$/.test(rawPort) || Number(rawPort) > 65_535) {
      problems.push(`${portSource} must be a port number between 0 and 65535`);
    } else {
      port = Number(rawPort);
    }
  }

  const hostItems = list("ALLOWED_HOSTS");
  const allowedHosts = hostItems.map(normalizeHostName);
  const badHosts = positions(hostItems, (item) => normalizeHostName(item) === "");
  if (badHosts !== "") {
    problems.push(
      `ALLOWED_HOSTS must be comma-separated host names without scheme or port, such as mcp.example.com (item ${badHosts})`,
    );
  }

  const originItems = list("ALLOWED_ORIGINS");
  const allowedOrigins = originItems.map(normalizeOrigin);
  const badOrigins = positions(originItems, (item) => normalizeOrigin(item) === "");
  if (badOrigins !== "") {
    problems.push(
      `ALLOWED_ORIGINS must be comma-separated origins such as https://app.example.com (scheme, host, optional port; no path, no "*") (item ${badOrigins})`,
    );
  }

  const perKeyLimit = count("RATE_LIMIT_PER_KEY", 20, "inbound requests per 10 s per API key");
  const perIpLimit = count(
    "RATE_LIMIT_PER_IP",
    15,
    "inbound requests per 10 s per client IP without a valid key",
  );

  if (hostValid && apiKeys.length === 0 && writeKeys.length === 0 && !isLoopbackHost(host)) {
    problems.push(
      `API_KEYS is required to listen on a non-loopback ${hostSource}: anyone who can connect would read the account's guest data (set API_KEYS, or bind 127.0.0.1)`,
    );
  }

  if (problems.length > 0) throw new SettingsError(problems);
  return {
    hostaway: {
      accountId: accountId ?? "",
      secretKey: secretKey ?? "",
      baseUrl,
      rateLimitIp,
      rateLimitAccount,
      timeoutMs,
      deadlineMs,
      cache,
      backgroundShare,
    },
    redis,
    metrics: rawMetrics === "1",
    writes: { enabled: rawWrites === "1", keys: writeKeys },
    warm,
    webhook,
    logLevel: logLevel ?? "info",
    http: {
      host,
      port,
      // A write key authenticates like any key; whether it may write is the writes rule's to say.
      apiKeys: [...new Set([...apiKeys, ...writeKeys])],
      allowedHosts: allowedHosts.filter((name) => name !== ""),
      allowedOrigins: allowedOrigins.filter((origin) => origin !== ""),
      perKeyLimit,
      perIpLimit,
    },
  };
}

function isBindHost(host: string): boolean {
  return isIP(host.replace(/^\[(.*)\]$/, "$1")) !== 0 || normalizeHostName(host) !== "";
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function isRedisUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "redis:" || url.protocol === "rediss:") && url.hostname !== "";
  } catch {
    return false;
  }
}
