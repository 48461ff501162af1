/** What a redacted value reads as, in log lines and in `redactUrl`. */
export const REDACTED = "[redacted]";

/** Keys whose values never reach a log line: credentials, tokens, and a guest's contact data and name. */
const SENSITIVE_KEYS = [
  "secretKey",
  "secret_key",
  "client_secret",
  "secret",
  "password",
  "token",
  "access_token",
  "accessToken",
  "apiKey",
  "api_key",
  "apiKeys",
  "authorization",
  "cookie",
  "email",
  "guestEmail",
  "guest_email",
  "phone",
  "guestPhone",
  "guest_phone",
  "guest_name",
  "guestName",
] as const;

/**
 * pino `redact.paths` (use with `censor: REDACTED`). pino matches exact paths, so each key is listed at the top
 * level and one level down (`err.token`, `hostaway.secretKey`), plus the request and response headers that carry
 * credentials.
 */
export const LOG_REDACT_PATHS: readonly string[] = [
  ...SENSITIVE_KEYS,
  ...SENSITIVE_KEYS.map((key) => `*.${key}`),
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-api-key"]',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
];

/** Query parameters whose values are credentials, guest contact data or a guest search (`match` is a name). */
const SENSITIVE_PARAMS = new Set([
  "api_key",
  "apikey",
  "key",
  "token",
  "access_token",
  "secret",
  "password",
  "guest_name",
  "guest_email",
  "email",
  "phone",
  "match",
]);
// Spelling variants (guestEmail, guest_phone, refresh_token) are caught by what the name contains.
const SENSITIVE_PARAM_PART = /email|phone|token|secret|password|api_?key/i;

/**
 * A request URL as a log line may show it: the path and every query parameter kept, in order and as sent, but the
 * value of each sensitive one replaced: `/api/x?api_key=abc&guest_name=Ann&limit=5` logs as
 * `/api/x?api_key=[redacted]&guest_name=[redacted]&limit=5`.
 */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf("?");
  if (queryStart < 0) return url;
  const hashStart = url.indexOf("#", queryStart);
  const query = url.slice(queryStart + 1, hashStart < 0 ? undefined : hashStart);
  const parts = query.split("&").map((part) => {
    const equals = part.indexOf("=");
    if (equals < 0) return part;
    const rawName = part.slice(0, equals);
    return isSensitiveParam(decodeName(rawName)) ? `${rawName}=${REDACTED}` : part;
  });
  // A fragment never reaches a server; if one is logged anyway it is dropped rather than inspected.
  return `${url.slice(0, queryStart)}?${parts.join("&")}`;
}

function isSensitiveParam(name: string): boolean {
  const lower = name.toLowerCase().replace(/\[\]$/, "");
  return SENSITIVE_PARAMS.has(lower) || SENSITIVE_PARAM_PART.test(lower);
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    return raw;
  }
}
