import { isIP } from "node:net";

/** Why start-up stopped: one message that names every offending variable. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(
    readonly problems: readonly string[],
    message = `invalid configuration: ${problems.join("; ")}`,
  ) {
    super(message);
  }
}

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What `createApp()` needs; every field has a default (`DEFAULT_APP_CONFIG`), so tests pass only what they vary. */
export interface AppConfig {
  /** Accepted API keys; empty means no auth (only allowed on a loopback address). */
  apiKeys: readonly string[];
  /** Inbound requests per window per client IP (0 = off). */
  rateLimitIp: number;
  /** Inbound requests per window per API key (0 = off). */
  rateLimitAccount: number;
  /** The inbound rate-limit window. */
  rateLimitWindowMs: number;
  /** Browser origins allowed by CORS; empty = CORS off. */
  corsOrigins: readonly string[];
  /** How long `/ready` trusts its last successful upstream check. */
  readyCacheMs: number;
  /** How long `/ready` repeats a failed check without asking Hostaway again. */
  readyFailureCacheMs: number;
  /** The most one `/ready` check may take before it answers 503 (a timeout). */
  readyDeadlineMs: number;
}

export const DEFAULT_APP_CONFIG: AppConfig = {
  apiKeys: [],
  rateLimitIp: 15,
  rateLimitAccount: 20,
  rateLimitWindowMs: 10_000,
  corsOrigins: [],
  readyCacheMs: 30_000,
  readyFailureCacheMs: 5_000,
  readyDeadlineMs: 5_000,
};

/** Everything the `hostaway-rest` binary reads from its environment (and flags). */
export interface ServerConfig extends AppConfig {
  hostaway: {
    accountId: string;
    secretKey: string;
    baseUrl: string;
    /** Upstream requests per 10 s for this process (0 = off). */
    rateLimitIp: number;
    /** Upstream requests per 10 s for the account (0 = off). */
    rateLimitAccount: number;
  };
  host: string;
  port: number;
  logLevel: LogLevel;
}

export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 8080;
export const DEFAULT_HOSTAWAY_API_BASE_URL = "https://api.hostaway.com/v1";
export const MIN_API_KEY_LENGTH = 16;

export interface ConfigOverrides {
  host?: string | undefined;
  port?: string | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads and validates the configuration. Collects every problem, then throws one `ConfigError` naming each variable,
 * so an operator fixes them in one go.
 */
export function loadConfig(env: Env, overrides: ConfigOverrides = {}): ServerConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === "" ? undefined : value;
  };
  const count = (name: string, fallback: number, what: string): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
      problems.push(`${name} must be a whole number ≥ 0 (${what}; 0 = off), got "${raw}"`);
      return fallback;
    }
    return Number(raw);
  };
  const list = (name: string): string[] =>
    (read(name) ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== "");

  const accountId = read("HOSTAWAY_ACCOUNT_ID");
  if (accountId === undefined) {
    problems.push("HOSTAWAY_ACCOUNT_ID is required (your Hostaway account id, a number)");
  } else if (!/^\d+$/.test(accountId)) {
    problems.push(`HOSTAWAY_ACCOUNT_ID must be your numeric Hostaway account id, got "${accountId}"`);
  }

  const secretKey = read("HOSTAWAY_SECRET_KEY");
  if (secretKey === undefined) {
    problems.push("HOSTAWAY_SECRET_KEY is required (the API secret from the Hostaway dashboard)");
  }

  const baseUrl = read("HOSTAWAY_API_BASE_URL") ?? DEFAULT_HOSTAWAY_API_BASE_URL;
  if (!isHttpUrl(baseUrl)) {
    // Never echo the value: a mistyped variable could hold a secret.
    problems.push("HOSTAWAY_API_BASE_URL must be an http(s) URL such as https://api.hostaway.com/v1");
  }

  const apiKeys = list("API_KEYS");
  if (apiKeys.some((key) => key.length < MIN_API_KEY_LENGTH)) {
    problems.push(`API_KEYS must be comma-separated keys of at least ${MIN_API_KEY_LENGTH} characters each`);
  }

  const corsOrigins = list("CORS_ORIGINS");
  for (const origin of corsOrigins) {
    if (!isOrigin(origin)) {
      problems.push(
        `CORS_ORIGINS must be comma-separated origins such as https://app.example.com (scheme, host, optional port; no path, no "*"), got "${origin}"`,
      );
    }
  }

  const logLevel = (read("LOG_LEVEL") ?? "info") as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${logLevel}"`);
  }

  const host = overrides.host?.trim() || read("HOST") || DEFAULT_HOST;
  const portSource = overrides.port === undefined ? "PORT" : "--port";
  const rawPort = overrides.port?.trim() ?? read("PORT");
  let port = DEFAULT_PORT;
  if (rawPort !== undefined) {
    if (!/^\d+$/.test(rawPort) || Number(rawPort) > 65_535) {
      problems.push(`${portSource} must be a port number 0..65535, got "${rawPort}"`);
    } else {
      port = Number(rawPort);
    }
  }
  if (apiKeys.length === 0 && !isLoopback(host)) {
    problems.push(
      `API_KEYS is required to listen on the non-loopback address "${host}" (set API_KEYS, or bind 127.0.0.1)`,
    );
  }

  const config: ServerConfig = {
    hostaway: {
      accountId: accountId ?? "",
      secretKey: secretKey ?? "",
      baseUrl: baseUrl.replace(/\/+$/, ""),
      rateLimitIp: count("HOSTAWAY_RATE_LIMIT_IP", 15, "upstream requests per 10 s from this process"),
      rateLimitAccount: count(
        "HOSTAWAY_RATE_LIMIT_ACCOUNT",
        20,
        "upstream requests per 10 s for the account",
      ),
    },
    apiKeys,
    rateLimitIp: count(
      "RATE_LIMIT_IP",
      DEFAULT_APP_CONFIG.rateLimitIp,
      "inbound requests per 10 s per client IP",
    ),
    rateLimitAccount: count(
      "RATE_LIMIT_ACCOUNT",
      DEFAULT_APP_CONFIG.rateLimitAccount,
      "inbound requests per 10 s per API key",
    ),
    rateLimitWindowMs: DEFAULT_APP_CONFIG.rateLimitWindowMs,
    readyCacheMs: DEFAULT_APP_CONFIG.readyCacheMs,
    readyFailureCacheMs: DEFAULT_APP_CONFIG.readyFailureCacheMs,
    readyDeadlineMs: DEFAULT_APP_CONFIG.readyDeadlineMs,
    corsOrigins,
    logLevel,
    host,
    port,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (bare === "localhost" || bare === "::1") return true;
  return isIP(bare) === 4 && bare.startsWith("127.");
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.origin === value;
  } catch {
    return false;
  }
}
