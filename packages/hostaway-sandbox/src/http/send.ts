import type { ServerResponse } from "node:http";

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-cache",
    ...headers,
  });
  response.end(text);
}

export function sendText(response: ServerResponse, status: number, text: string, contentType: string): void {
  response.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(text) });
  response.end(text);
}

/** The documented failure body (REFERENCE.md §5): `result` holds the message. */
export function sendFail(
  response: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(response, status, { status: "fail", result: message }, headers);
}

/** REFERENCE.md §4, examples/error.rateLimit.429.json: the 429 body uses `message`, not `result`. */
export const RATE_LIMIT_BODY = {
  status: "fail",
  message:
    "This error occurs because a server detects that your application has exceeded the rate limits or has made too many requests in a given period of time.",
} as const;

/**
 * Hostaway documents no `Retry-After` (REFERENCE.md §4); the sandbox sends one (seconds until the window frees)
 * unless `retryAfterHeader: false`, so clients can be tested both ways.
 */
export function sendRateLimited(response: ServerResponse, retryAfterMs: number | undefined): void {
  const headers: Record<string, string> =
    retryAfterMs === undefined ? {} : { "retry-after": String(Math.max(1, Math.ceil(retryAfterMs / 1000))) };
  sendJson(response, 429, RATE_LIMIT_BODY, headers);
}
