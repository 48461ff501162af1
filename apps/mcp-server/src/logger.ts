import { type DestinationStream, type Logger, pino } from "pino";
import type { LogLevel } from "./config.js";

export type { Logger } from "pino";

/** Keys whose values never reach a log line: credentials, tokens, and a guest's contact data. */
const SENSITIVE_KEYS = [
  "secretKey",
  "secret_key",
  "client_secret",
  "secret",
  "password",
  "token",
  "access_token",
  "accessToken",
  "apiKey",
  "api_key",
  "apiKeys",
  "authorization",
  "Authorization",
  "cookie",
  "email",
  "guestEmail",
  "guest_email",
  "phone",
  "guestPhone",
  "guest_phone",
];

// pino's redaction matches exact paths; cover the key at the top level, one level down (`err.token`), and in
// request headers.
const REDACT_PATHS = [
  ...SENSITIVE_KEYS,
  ...SENSITIVE_KEYS.map((key) => `*.${key}`),
  "req.headers.authorization",
  "req.headers.cookie",
  'headers["x-api-key"]',
  'req.headers["x-api-key"]',
];

export interface CreateLoggerOptions {
  level?: LogLevel;
  /** Where lines go. Defaults to stderr (fd 2): on stdio, stdout carries the MCP protocol and nothing else. */
  destination?: DestinationStream;
}

/** The server's structured logger: JSON lines on stderr, with secrets and guest contact data redacted. */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const destination = options.destination ?? pino.destination({ fd: 2, sync: true });
  return pino(
    {
      name: "hostaway-mcp",
      level: options.level ?? "info",
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      base: { pid: process.pid },
    },
    destination,
  );
}
