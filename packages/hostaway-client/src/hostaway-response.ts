import {
  HostawayAuthError,
  type HostawayError,
  HostawayNotFoundError,
  HostawayRateLimitError,
  HostawayUpstreamError,
  HostawayValidationError,
} from "./errors.js";
import type { RawResponse } from "./http-exchange.js";
import type { HttpMethod } from "./http-method.js";
import { redactText } from "./redact.js";
import { parseRetryAfter } from "./retry-after.js";

export interface ResponseContext {
  method: HttpMethod;
  path: string;
  /** The token endpoint answers without the envelope and its 4xx means "bad credentials", not "expired token". */
  isTokenRequest: boolean;
  /** Strings that must never appear in an error message (the secret, the current token). */
  secrets: readonly string[];
  now: number;
}

/**
 * Turns a raw Hostaway response into its parsed JSON body, or throws the matching error. Every Hostaway quirk about
 * statuses and error bodies lives here:
 * - REFERENCE.md §5: `status: "fail"` is an error whatever the HTTP status; its text is in `result`…
 * - REFERENCE.md §4, §10.3: …except on 429, where it is in `message` (read both, `result` first).
 * - REFERENCE.md §2, §10.2: 403 means an expired or invalid token (the transport re-authenticates once).
 * - REFERENCE.md §11: unknown ids are not documented; HTTP 404, or a `fail` whose text says "not found", is treated
 *   as not found (the sandbox answers 404 `{"status":"fail","result":"… not found"}`).
 */
export function interpretResponse(response: RawResponse, context: ResponseContext): unknown {
  const body = parseJson(response.body);
  const failText = failureText(body);
  const detail = (fallback: string) =>
    failText === undefined ? fallback : `${fallback}: ${redactText(failText, context.secrets)}`;
  const where = { method: context.method, path: context.path };
  const { status } = response;

  if (status === 429) {
    throw new HostawayRateLimitError({
      ...where,
      detail: detail("rate limit exceeded (HTTP 429)"),
      retryAfterMs: parseRetryAfter(response.headers["retry-after"], context.now),
    });
  }
  if (status === 401 || status === 403) {
    throw new HostawayAuthError({
      ...where,
      status,
      detail: context.isTokenRequest
        ? `credentials rejected (HTTP ${status}); check the account id and API secret`
        : `access token rejected (HTTP ${status})`,
    });
  }
  if (status === 404)
    throw new HostawayNotFoundError({ ...where, status, detail: detail("not found (HTTP 404)") });
  if (status >= 500) throw new HostawayUpstreamError({ ...where, status, detail: detail(`HTTP ${status}`) });
  if (status >= 400) throw failure(status, failText, detail, context);
  if (status < 200 || status >= 300) {
    throw new HostawayUpstreamError({
      ...where,
      status,
      isRetryable: false,
      detail: `unexpected HTTP ${status}`,
    });
  }
  if (body === undefined) {
    throw new HostawayUpstreamError({
      ...where,
      status,
      code: "HOSTAWAY_MALFORMED_RESPONSE",
      // Retried once by the policy (a one-off truncated body), never more.
      isRetryable: true,
      detail: `response body is not valid JSON (HTTP ${status})`,
    });
  }
  if (isFailStatus(body)) throw failure(status, failText, detail, context);
  return body;
}

function failure(
  status: number,
  failText: string | undefined,
  detail: (fallback: string) => string,
  context: ResponseContext,
): HostawayError {
  const where = { method: context.method, path: context.path };
  if (context.isTokenRequest) {
    return new HostawayAuthError({
      ...where,
      status,
      detail: detail(`credentials rejected (HTTP ${status})`),
    });
  }
  if (failText !== undefined && /not\s*found/i.test(failText)) {
    return new HostawayNotFoundError({ ...where, status, detail: detail("not found") });
  }
  if (status < 300) {
    // REFERENCE.md §5, §11: a `fail` that came with HTTP 2xx is not documented. Our requests are validated before
    // they leave, so it is Hostaway's failure to answer, not the caller's bad input.
    return new HostawayUpstreamError({
      ...where,
      status,
      code: "HOSTAWAY_FAIL_STATUS",
      // Retried once by the policy, never more.
      isRetryable: true,
      detail: detail(`status "fail" with HTTP ${status}`),
    });
  }
  return new HostawayValidationError({ ...where, status, detail: detail(`request failed (HTTP ${status})`) });
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isFailStatus(body: unknown): boolean {
  return typeof body === "object" && body !== null && (body as { status?: unknown }).status === "fail";
}

/** The error text of a `fail` envelope: `result` (REFERENCE.md §5), else `message` (the 429 body, §4). */
function failureText(body: unknown): string | undefined {
  if (!isFailStatus(body)) return undefined;
  const { result, message } = body as { result?: unknown; message?: unknown };
  if (typeof result === "string" && result.trim() !== "") return result.trim();
  if (typeof message === "string" && message.trim() !== "") return message.trim();
  return undefined;
}
