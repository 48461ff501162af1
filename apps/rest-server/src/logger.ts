import { LOG_REDACT_PATHS, type LogLevel, REDACTED } from "@hostaway-mcp/hostaway-client/server";
import pino, { type Logger } from "pino";

/**
 * The app's pino logger: JSON on stderr, redacting the paths of the toolkit's one list (hostaway-client/server
 * `LOG_REDACT_PATHS`: credentials, tokens, keys, a guest's name and contact data, and the headers that carry
 * credentials), the MCP server's list too.
 */
export function createLogger(
  level: LogLevel = "info",
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
  return pino(
    { level, base: { service: "hostaway-rest" }, redact: { paths: [...LOG_REDACT_PATHS], censor: REDACTED } },
    destination,
  );
}
