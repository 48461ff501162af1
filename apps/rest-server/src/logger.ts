import pino, { type Logger } from "pino";
import type { LogLevel } from "./config.js";

/**
 * The app's pino logger: JSON on stderr, with credentials and guest contact data redacted wherever they appear
 * in a logged object (the request logger additionally scrubs headers and query strings).
 */
export function createLogger(
  level: LogLevel = "info",
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
  return pino(
    {
      level,
      base: { service: "hostaway-rest" },
      redact: {
        paths: [
          "req.headers.authorization",
          'req.headers["x-api-key"]',
          "req.headers.cookie",
          'res.headers["set-cookie"]',
          "*.secretKey",
          "*.secret_key",
          "*.access_token",
          "*.guestEmail",
          "*.guest_email",
          "*.email",
          "*.phone",
        ],
        censor: "[Redacted]",
      },
    },
    destination,
  );
}
