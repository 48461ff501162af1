import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

const sha256 = (text: string): Buffer => createHash("sha256").update(text).digest();

/** A stable, non-reversible id for a key, for audit lines and the per-key limit: `key:` + 12 hex of sha256. */
export function callerIdOf(key: string): string {
  return `key:${createHash("sha256").update(key).digest("hex").slice(0, 12)}`;
}

/**
 * A matcher for the configured keys: returns the caller id (`callerIdOf`) of the key presented, or `null`.
 * Digests are compared with `timingSafeEqual`, so lengths are equal and a mismatch's position does not show, and
 * every key is compared (no early exit), so the timing does not say which key, if any, matched.
 */
export function createKeyMatcher(keys: readonly string[]): (presented: string) => string | null {
  const digests = keys.map((key) => ({ digest: sha256(key), caller: callerIdOf(key) }));
  return (presented) => {
    const digest = sha256(presented);
    let matched: string | null = null;
    for (const key of digests) {
      if (timingSafeEqual(digest, key.digest) && matched === null) matched = key.caller;
    }
    return matched;
  };
}

/** The key a request presents: `X-API-Key: <key>`, else `Authorization: Bearer <key>`; `undefined` for neither. */
export function presentedKey(headers: IncomingHttpHeaders): string | undefined {
  const header = headers["x-api-key"];
  const apiKey = Array.isArray(header) ? header[0] : header;
  if (apiKey !== undefined && apiKey !== "") return apiKey;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? "");
  return match?.[1];
}
