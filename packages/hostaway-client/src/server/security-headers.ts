import type { ServerResponse } from "node:http";

export interface SecurityHeaderOptions {
  /** The answer holds guest contact data or guest messages: no cache may keep it. */
  guestData?: boolean;
}

/**
 * The headers every JSON answer carries: no sniffing, no framing, no referrer, no cross-origin embedding, a CSP
 * that allows nothing (an API answer is never a page), and caching that never reuses an answer unchecked
 * (`no-store` for guest data). No Strict-Transport-Security: these servers speak plain HTTP, and HSTS belongs to
 * the TLS proxy in front.
 */
export function setSecurityHeaders(
  res: ServerResponse,
  { guestData = false }: SecurityHeaderOptions = {},
): void {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  res.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  res.setHeader("Cache-Control", guestData ? "no-store" : "private, no-cache");
}
