/**
 * Scrubbing for any text that came from outside (Hostaway's `fail` messages, socket error messages) before it goes
 * into an error message or a log line: known secrets, bearer tokens/JWTs, email addresses and phone numbers.
 */

const REDACTED = "[redacted]";
const MAX_UPSTREAM_TEXT = 200;

const JWT = /\beyJ[\w-]+\.[\w-]+\.[\w-]+/g;
const BEARER = /\bBearer\s+[\w.~+/-]+=*/gi;
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
// International (+49 170 1234567) and North-American style (555-123-4567) numbers. Bare digit runs are left alone:
// those are the ids that make a message useful ("Reservation 4711 not found").
const PHONE = /(\+\d[\d\s().-]{5,}\d)|(\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b)/g;
// `client_secret=abc`, `"secretKey": "abc"`: the value of a secret-named key, whatever it is.
const SECRET_ASSIGNMENT =
  /((?:secret|client_secret|secretKey|token|access_token|password|api_key|apiKey)["']?\s*[=:]\s*["']?)[^\s"'&,;]+/gi;

export function redactText(text: string, secrets: readonly string[] = []): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 4) result = result.split(secret).join(REDACTED);
  }
  result = result.replace(JWT, REDACTED).replace(BEARER, `Bearer ${REDACTED}`);
  result = result.replace(SECRET_ASSIGNMENT, `$1${REDACTED}`);
  result = result.replace(EMAIL, REDACTED).replace(PHONE, REDACTED);
  return result.length > MAX_UPSTREAM_TEXT ? `${result.slice(0, MAX_UPSTREAM_TEXT)}…` : result;
}
