import type { NextFunction, Request, Response } from "express";

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

/** The most characters of a refused Origin quoted back in the error. */
const MAX_QUOTED_ORIGIN = 100;

/** The caller's Origin as it may appear in an error: control characters removed, at most 100 characters. */
export function quoteOrigin(origin: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  const printable = origin.replace(/[\u0000-\u001f\u007f-\u009f]/g, "");
  return printable.length > MAX_QUOTED_ORIGIN ? `${printable.slice(0, MAX_QUOTED_ORIGIN)}…` : printable;
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
        message: `Forbidden: origin ${quoteOrigin(origin)} is not allowed. Add it to ALLOWED_ORIGINS to let that page call this server.`,
      },
      id: null,
    });
  };
}
