import type { NextFunction, Request, Response } from "express";
import { quoteHeaderValue } from "./quote-header-value.js";

const refuse = (res: Response, message: string): void => {
  res.status(403).json({ jsonrpc: "2.0", error: { code: -32000, message }, id: null });
};

/**
 * DNS-rebinding protection: the `Host` header's name (any port) must be one of `allowedHostnames` (IPv6 in
 * brackets). The same rule as the SDK's `hostHeaderValidation`, which quotes the caller's Host back unbounded;
 * this one quotes at most 100 printable characters.
 */
export function hostCheck(allowedHostnames: readonly string[]) {
  const allowed = new Set(allowedHostnames);
  return (req: Request, res: Response, next: NextFunction): void => {
    const host = req.headers.host;
    if (!host) {
      refuse(res, "Forbidden: the request has no Host header.");
      return;
    }
    let hostname: string;
    try {
      hostname = new URL(`http://${host}`).hostname;
    } catch {
      refuse(res, `Forbidden: the Host header ${quoteHeaderValue(host)} is not a host name.`);
      return;
    }
    if (!allowed.has(hostname)) {
      refuse(
        res,
        `Forbidden: host ${quoteHeaderValue(hostname)} is not allowed. Add it to ALLOWED_HOSTS to serve that name.`,
      );
      return;
    }
    next();
  };
}
