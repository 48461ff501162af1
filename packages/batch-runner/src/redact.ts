/**
 * Defence in depth for error text that reaches a caller: the client already keeps tokens and secrets out of its
 * messages, but an arbitrary worker error could carry anything. Emails, international phone numbers, bearer
 * tokens and JWTs are masked; long text is cut (it is a message, never JSON).
 */
const patterns: Array<[RegExp, string]> = [
  [/Bearer\s+[\w.~+/=-]+/gi, "Bearer [redacted]"],
  [/\beyJ[\w-]+\.[\w-]+(?:\.[\w-]*)?/g, "[token]"],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, "[email]"],
  [/\+\d[\d\s().-]{6,}\d/g, "[phone]"],
  [
    /((?:secret|client_secret|secretKey|token|access_token|password)["']?\s*[=:]\s*["']?)[^\s"'&,;]+/gi,
    "$1[redacted]",
  ],
];

export const maxMessageLength = 300;

export function redactMessage(text: string): string {
  let result = text;
  for (const [pattern, replacement] of patterns) result = result.replace(pattern, replacement);
  return result.length > maxMessageLength ? `${result.slice(0, maxMessageLength - 1)}…` : result;
}
