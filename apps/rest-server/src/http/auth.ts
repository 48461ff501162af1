import { createHash, timingSafeEqual } from "node:crypto";
import type { Request, RequestHandler } from "express";
import { ApiError } from "../errors/api-error.js";

/** Who is calling, as far as logs and audit lines may say: a short hash of the key, never the key. */
export interface CallerLocals {
  /** `key:` + the first 12 hex digits of sha256(key); null when the server runs without keys (loopback only). */
  caller?: string | null;
}

const WWW_AUTHENTICATE = 'Bearer realm="hostaway-rest", charset="UTF-8"';

/** A stable, non-reversible id for a key, for audit lines and per-key rate limits (the MCP server's format). */
export function callerIdOf(key: string): string {
  return `key:${createHash("sha256").update(key).digest("hex").slice(0, 12)}`;
}

/** The key the request presents: `X-API-Key: <key>` or `Authorization: Bearer <key>`. */
export function presentedKey(req: Request): string | undefined {
  const header = req.get("x-api-key");
  if (header !== undefined && header !== "") return header;
  const authorization = req.get("authorization");
  const match = authorization === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match?.[1];
}

/**
 * Checks the key in constant time: every configured key is compared (no early exit), and comparing sha256 digests
 * makes the lengths equal, so neither the position of a mismatch nor a key's length shows in the timing.
 */
export function createKeyMatcher(apiKeys: readonly string[]): (candidate: string) => string | null {
  const digests = apiKeys.map((key) => ({ digest: sha256(key), caller: callerIdOf(key) }));
  return (candidate) => {
    const presented = sha256(candidate);
    let matched: string | null = null;
    for (const { digest, caller } of digests) {
      if (timingSafeEqual(presented, digest) && matched === null) matched = caller;
    }
    return matched;
  };
}

function sha256(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/**
 * Requires a valid API key when keys are configured. Without keys the server only binds loopback (the config
 * refuses anything else), and every caller is anonymous.
 */
export function apiKeyAuth(apiKeys: readonly string[]): RequestHandler {
  const match = createKeyMatcher(apiKeys);
  return (req, res, next) => {
    const locals = res.locals as CallerLocals;
    if (apiKeys.length === 0) {
      locals.caller = null;
      next();
      return;
    }
    const key = presentedKey(req);
    if (key === undefined) {
      next(
        new ApiError(
          401,
          "unauthorized",
          "Missing API key: send it as `X-API-Key: <key>` or `Authorization: Bearer <key>`.",
          null,
          { "WWW-Authenticate": WWW_AUTHENTICATE },
        ),
      );
      return;
    }
    const caller = match(key);
    if (caller === null) {
      next(
        new ApiError(401, "unauthorized", "Invalid API key.", null, {
          "WWW-Authenticate": `${WWW_AUTHENTICATE}, error="invalid_token"`,
        }),
      );
      return;
    }
    locals.caller = caller;
    next();
  };
}
