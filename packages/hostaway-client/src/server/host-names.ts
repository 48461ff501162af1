import { isIP } from "node:net";

// RFC 1123 labels (underscores tolerated, as some internal names have them), an optional trailing dot.
const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$/i;

/**
 * A host name as the edge guard compares it: lower case, no trailing dot, IPv6 in brackets; `""` when `value` is
 * not a bare host name (a scheme, port, path or `*` in it).
 */
export function normalizeHostName(value: string): string {
  const lower = value.trim().toLowerCase();
  const bare = lower.replace(/^\[(.*)\]$/, "$1");
  if (isIP(bare) === 6) return `[${bare}]`;
  if (lower !== bare) return "";
  return HOST_NAME.test(lower) ? lower.replace(/\.$/, "") : "";
}

/**
 * `scheme://host[:port]` as a browser sends it in `Origin` (lower case, default port dropped); `""` when `value` is
 * not exactly an origin (a path, query, credentials or `*` in it).
 */
export function normalizeOrigin(value: string): string {
  const trimmed = value.trim().replace(/\/$/, "");
  if (!/^https?:\/\/[^/*?#@\\]+$/i.test(trimmed)) return "";
  try {
    return new URL(trimmed).origin;
  } catch {
    return "";
  }
}
