import { z } from "zod";

/** Where the MCP protocol runs: stdin/stdout (the default for desktop clients) or Streamable HTTP at `/mcp`. */
export type TransportKind = "stdio" | "http";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Everything the server reads from its environment, validated once at start-up. */
export interface Config {
  hostaway: {
    accountId: string;
    secretKey: string;
    baseUrl: string;
    /** Requests per 10 s; `0` switches that window off. */
    rateLimitIp: number;
    rateLimitAccount: number;
  };
  logLevel: LogLevel;
  transport: TransportKind;
  http: {
    port: number;
    host: string;
    apiKeys: string[];
    allowedOrigins: string[];
    allowedHosts: string[];
  };
}

/** A start-up configuration problem: the CLI prints `message` (one line naming the variable) and exits 1. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

export const DEFAULT_BASE_URL = "https://api.hostaway.com/v1";
export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = "127.0.0.1";

const commaList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

const requestsPer10s = (fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === undefined || value === "" ? String(fallback) : value))
    .pipe(
      z
        .string()
        .regex(/^\d+$/, "must be a whole number of requests per 10 s (0 switches the limit off)")
        .transform(Number),
    );

const EnvSchema = z.object({
  HOSTAWAY_ACCOUNT_ID: z
    .string({ error: "is required (your Hostaway account id, the number shown in the dashboard)" })
    .trim()
    .regex(/^\d+$/, "must be your numeric Hostaway account id"),
  HOSTAWAY_SECRET_KEY: z
    .string({ error: "is required (the API secret from Hostaway's dashboard)" })
    .trim()
    .min(1, "is required (the API secret from Hostaway's dashboard)"),
  HOSTAWAY_API_BASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === undefined || value === "" ? DEFAULT_BASE_URL : value))
    .pipe(
      z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://api.hostaway.com/v1" }),
    ),
  HOSTAWAY_RATE_LIMIT_IP: requestsPer10s(15),
  HOSTAWAY_RATE_LIMIT_ACCOUNT: requestsPer10s(20),
  LOG_LEVEL: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((value) => (value === undefined || value === "" ? "info" : value))
    .pipe(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` })),
  MCP_TRANSPORT: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((value) => (value === undefined || value === "" ? "stdio" : value))
    .pipe(z.enum(["stdio", "http"], { error: "must be stdio or http" })),
  PORT: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === undefined || value === "" ? String(DEFAULT_PORT) : value))
    .pipe(
      z
        .string()
        .regex(/^\d+$/, "must be a port number between 0 and 65535")
        .transform(Number)
        .pipe(z.number().max(65_535, "must be a port number between 0 and 65535")),
    ),
  HOST: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === undefined || value === "" ? DEFAULT_HOST : value)),
  API_KEYS: commaList,
  ALLOWED_ORIGINS: commaList,
  ALLOWED_HOSTS: commaList,
});

/** Command-line flags that take precedence over their environment variables. */
export interface ConfigOverrides {
  transport?: string;
  port?: string;
  host?: string;
}

/**
 * Reads and validates the configuration. Throws a `ConfigError` whose message names every bad variable in one line;
 * the message never repeats a secret's value.
 */
export function loadConfig(env: NodeJS.ProcessEnv, overrides: ConfigOverrides = {}): Config {
  const input: Record<string, string | undefined> = {
    ...env,
    MCP_TRANSPORT: overrides.transport ?? env.MCP_TRANSPORT,
    PORT: overrides.port ?? env.PORT,
    HOST: overrides.host ?? env.HOST,
  };
  const parsed = EnvSchema.safeParse(input);
  if (!parsed.success) {
    const flagFor: Record<string, string> = { MCP_TRANSPORT: "--transport", PORT: "--port", HOST: "--host" };
    const problems = parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? "configuration");
      const flag = flagFor[variable];
      const name = flag ? `${variable} (or ${flag})` : variable;
      return `${name} ${issue.message}`;
    });
    throw new ConfigError(`invalid configuration: ${problems.join("; ")}`);
  }
  const value = parsed.data;
  return {
    hostaway: {
      accountId: value.HOSTAWAY_ACCOUNT_ID,
      secretKey: value.HOSTAWAY_SECRET_KEY,
      baseUrl: value.HOSTAWAY_API_BASE_URL.replace(/\/+$/, ""),
      rateLimitIp: value.HOSTAWAY_RATE_LIMIT_IP,
      rateLimitAccount: value.HOSTAWAY_RATE_LIMIT_ACCOUNT,
    },
    logLevel: value.LOG_LEVEL,
    transport: value.MCP_TRANSPORT,
    http: {
      port: value.PORT,
      host: value.HOST,
      apiKeys: value.API_KEYS,
      allowedOrigins: value.ALLOWED_ORIGINS,
      allowedHosts: value.ALLOWED_HOSTS,
    },
  };
}
