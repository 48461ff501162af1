import { describe, expect, it } from "vitest";
import {
  HostawayAuthError,
  HostawayNotFoundError,
  HostawayRateLimitError,
  HostawayUpstreamError,
  HostawayValidationError,
} from "./errors.js";
import { interpretResponse, type ResponseContext } from "./hostaway-response.js";

const api: ResponseContext = {
  method: "GET",
  path: "/listings/1",
  isTokenRequest: false,
  secrets: ["topsecret"],
  now: 0,
};
const token: ResponseContext = {
  method: "POST",
  path: "/accessTokens",
  isTokenRequest: true,
  secrets: [],
  now: 0,
};

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return { status, headers, body: typeof body === "string" ? body : JSON.stringify(body) };
}

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a throw");
}

describe("interpretResponse", () => {
  it("returns the parsed body of a success", () => {
    expect(interpretResponse(answer(200, { status: "success", result: [] }), api)).toEqual({
      status: "success",
      result: [],
    });
    expect(interpretResponse(answer(200, { access_token: "t" }), token)).toEqual({ access_token: "t" });
  });

  it("reads a fail's text from `result`, else `message` (REFERENCE.md §4, §5), redacted", () => {
    const fromResult = thrown(() =>
      interpretResponse(answer(400, { status: "fail", result: "Bad topsecret" }), api),
    );
    expect(fromResult).toBeInstanceOf(HostawayValidationError);
    expect(fromResult.message).toBe("GET /listings/1: request failed (HTTP 400): Bad [redacted]");

    const fromMessage = thrown(() =>
      interpretResponse(answer(200, { status: "fail", message: "Quota" }), api),
    );
    // A `fail` with HTTP 2xx is Hostaway failing to answer, not the caller's bad input.
    expect(fromMessage).toBeInstanceOf(HostawayUpstreamError);
    expect(fromMessage.message).toBe('GET /listings/1: status "fail" with HTTP 200: Quota');

    const silent = thrown(() => interpretResponse(answer(200, { status: "fail", result: [] }), api));
    expect(silent.message).toBe('GET /listings/1: status "fail" with HTTP 200');
  });

  it("maps statuses: 401/403 auth, 404 not found, 429 rate limit, 5xx upstream, 3xx unexpected", () => {
    expect(thrown(() => interpretResponse(answer(401, ""), api))).toBeInstanceOf(HostawayAuthError);
    expect(
      thrown(() => interpretResponse(answer(403, { status: "fail", result: "denied" }), api)).message,
    ).toBe("GET /listings/1: access token rejected (HTTP 403)");
    expect(thrown(() => interpretResponse(answer(404, "<html/>"), api))).toBeInstanceOf(
      HostawayNotFoundError,
    );
    const limited = thrown(() => interpretResponse(answer(429, "", { "retry-after": "2" }), api));
    expect(limited).toBeInstanceOf(HostawayRateLimitError);
    expect(limited).toMatchObject({ retryAfterMs: 2000 });
    expect(thrown(() => interpretResponse(answer(502, "<html>Bad Gateway</html>"), api))).toMatchObject({
      status: 502,
      isRetryable: true,
    });
    const redirect = thrown(() => interpretResponse(answer(302, ""), api));
    expect(redirect).toBeInstanceOf(HostawayUpstreamError);
    expect(redirect).toMatchObject({ isRetryable: false, message: "GET /listings/1: unexpected HTTP 302" });
  });

  it("an empty or truncated 200 is a malformed response", () => {
    expect(thrown(() => interpretResponse(answer(200, ""), api))).toMatchObject({
      code: "HOSTAWAY_MALFORMED_RESPONSE",
    });
    expect(thrown(() => interpretResponse(answer(200, '{"status":'), api))).toMatchObject({
      code: "HOSTAWAY_MALFORMED_RESPONSE",
    });
  });

  it("any failure of the token endpoint is a credentials problem", () => {
    const failed = thrown(() =>
      interpretResponse(answer(200, { status: "fail", result: "Invalid client" }), token),
    );
    expect(failed).toBeInstanceOf(HostawayAuthError);
    expect(failed.message).toBe("POST /accessTokens: credentials rejected (HTTP 200): Invalid client");
    expect(
      thrown(() => interpretResponse(answer(400, { status: "fail", result: "bad grant" }), token)),
    ).toBeInstanceOf(HostawayAuthError);
    expect(thrown(() => interpretResponse(answer(403, ""), token)).message).toBe(
      "POST /accessTokens: credentials rejected (HTTP 403); check the account id and API secret",
    );
  });
});
