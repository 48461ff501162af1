import type { NextFunction, Request, Response } from "express";
import { quoteHeaderValue } from "./quote-header-value.js";

const LOOPBACK_HOSTNAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** True for `http(s)://localhost`, `127.0.0.1` or `[::1]` on any port. */
export function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === "http:" || url.protocol === "https:") && LOOPBACK_HOSTNAMES.has(url.hostname);
  } catch {
    return false;
  }
}

/**
 * Rejects browser requests from a foreign page (DNS-rebinding and cross-site protection, as the MCP transport
 * spec asks): a request that carries an `Origin` must come from one of `allowedOrigins` when that list is set
 * (`ALLOWED_ORIGINS`), else from a loopback origin. Requests without `Origin` (non-browser MCP clients) pass; the
 * bearer check still applies to them.
 */
export function originCheck(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins.map((origin) => origin.replace(/\/+$/, "").toLowerCase()));
  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.headers.origin;
    const permitted =
      origin === undefined ||
      (allowed.size > 0 ? allowed.has(origin.replace(/\/+$/, "").toLowerCase()) : isLoopbackOrigin(origin));
    if (permitted) {
      next();
      return;
    }
    res.status(403).json({
      jsonrpc: "2.0",
      error: {
        code: -32000,
        message: `Forbidden: origin ${quoteHeaderValue(origin)} is not allowed. Add it to ALLOWED_ORIGINS to let that page call this server.`,
      },
      id: null,
    });
  };
}
