import { LOG_REDACT_PATHS, type LogLevel, REDACTED } from "@hostaway-mcp/hostaway-client/server";
import { type DestinationStream, type Logger, pino } from "pino";

export type { Logger } from "pino";

export interface CreateLoggerOptions {
  level?: LogLevel;
  /** Where lines go. Defaults to stderr (fd 2): on stdio, stdout carries the MCP protocol and nothing else. */
  destination?: DestinationStream;
}

/**
 * The server's structured logger: JSON lines on stderr, redacting the paths of the toolkit's one list
 * (hostaway-client/server `LOG_REDACT_PATHS`: credentials, tokens, keys and a guest's contact data), the REST
 * server's list too.
 */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const destination = options.destination ?? pino.destination({ fd: 2, sync: true });
  return pino(
    {
      name: "hostaway-mcp",
      level: options.level ?? "info",
      redact: { paths: [...LOG_REDACT_PATHS], censor: REDACTED },
      base: { pid: process.pid },
    },
    destination,
  );
}
