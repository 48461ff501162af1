import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeError } from "./describe-error.js";
import {
  HostawayAbortError,
  HostawayAuthError,
  HostawayNetworkError,
  HostawayNotFoundError,
  HostawayRateLimitError,
  HostawayResponseValidationError,
  HostawayTimeoutError,
  HostawayUpstreamError,
  HostawayValidationError,
} from "./errors.js";

const where = { method: "GET", path: "/reservations/4711" } as const;

describe("describeError", () => {
  it.each([
    [
      new HostawayNotFoundError({ ...where, status: 404, detail: "Reservation 4711 not found" }),
      "not_found",
      "not found in Hostaway (HTTP 404)",
      false,
    ],
    [
      new HostawayAuthError({ ...where, status: 403, detail: "x" }),
      "unauthorized",
      "Hostaway refused access (HTTP 403)",
      false,
    ],
    [
      new HostawayAuthError({ method: "POST", path: "/accessTokens", status: 401, detail: "x" }),
      "unauthorized",
      "Hostaway rejected the account id or secret key (HTTP 401)",
      false,
    ],
    [
      new HostawayValidationError({ ...where, status: 422, detail: "limit is invalid, you sent 9999" }),
      "validation_error",
      "Hostaway rejected the request as invalid (HTTP 422)",
      false,
    ],
    [
      new HostawayTimeoutError({ ...where, detail: "x", sent: true }),
      "timeout",
      "Hostaway did not answer in time",
      true,
    ],
    [
      new HostawayNetworkError({ ...where, detail: "x", networkCode: "ECONNRESET" }),
      "upstream_error",
      "the connection to Hostaway failed (ECONNRESET)",
      true,
    ],
    [
      new HostawayUpstreamError({ ...where, status: 502, detail: "Bad gateway from nginx" }),
      "upstream_error",
      "Hostaway failed (HTTP 502)",
      true,
    ],
    [
      new HostawayUpstreamError({
        ...where,
        status: 200,
        code: "HOSTAWAY_MALFORMED_RESPONSE",
        isRetryable: false,
        detail: "x",
      }),
      "upstream_error",
      "Hostaway sent an unreadable answer (HTTP 200)",
      false,
    ],
    [
      new HostawayUpstreamError({
        ...where,
        status: 200,
        code: "HOSTAWAY_FAIL_STATUS",
        isRetryable: false,
        detail: "Listing archived",
      }),
      "upstream_error",
      'Hostaway answered "fail" without an error status (HTTP 200)',
      false,
    ],
    [
      new HostawayResponseValidationError({ ...where, detail: "x", issues: [] }),
      "upstream_error",
      "Hostaway's answer did not have the expected shape",
      false,
    ],
  ] as const)("%s → %s", (error, errorType, message, retryable) => {
    const described = describeError(error);
    expect(described).toMatchObject({ error_type: errorType, message, retryable, cancelled: false });
    // Never the upstream request nor Hostaway's own text.
    expect(described.message).not.toMatch(/reservations\/4711|nginx|archived|9999/);
  });

  it("gives a rate limit its wait: Hostaway's Retry-After when sent, else one 10 s window", () => {
    expect(
      describeError(new HostawayRateLimitError({ ...where, detail: "x", retryAfterMs: 3_000 })),
    ).toMatchObject({
      error_type: "rate_limit",
      retryable: true,
      retry_after_ms: 3_000,
    });
    expect(describeError(new HostawayRateLimitError({ ...where, detail: "x" })).retry_after_ms).toBe(10_000);
  });

  it("tells a caller's cancellation apart", () => {
    const aborted = new HostawayAbortError({ ...where, detail: "x", sent: false, reason: new Error("gone") });
    expect(describeError(aborted)).toMatchObject({ cancelled: true, message: "the request was cancelled" });
    expect(describeError(new DOMException("stop", "AbortError"))).toMatchObject({ cancelled: true });
    expect(describeError(new DOMException("slow", "TimeoutError"))).toMatchObject({
      error_type: "timeout",
      cancelled: false,
    });
  });

  it("keeps the client's own argument checks, which name the field, without the request", () => {
    const refused = new HostawayValidationError({
      ...where,
      code: "HOSTAWAY_INVALID_ARGUMENT",
      detail: "invalid query: limit: Too big",
    });
    expect(describeError(refused)).toMatchObject({
      error_type: "validation_error",
      message: "invalid query: limit: Too big",
    });
  });

  it("names every field of a zod error, at most ten", () => {
    const schema = z.strictObject(
      Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}`, z.number()])),
    );
    const error = schema.safeParse({}).error;
    const described = describeError(error);
    expect(described.error_type).toBe("validation_error");
    expect(described.issues).toHaveLength(10);
    expect(described.issues[0]).toEqual({ field: "f0", message: expect.any(String) });
    expect(described.message).toMatch(/^invalid input \(f0: /);
  });

  it("uses the errorType of the toolkit's own errors", () => {
    const own = Object.assign(new Error("no listing with id 9 among the account's 36 listings"), {
      errorType: "not_found",
    });
    expect(describeError(own)).toMatchObject({ error_type: "not_found", message: own.message });
    const timeline = Object.assign(new Error("limit: must be at most 1000"), {
      errorType: "validation_error",
      issues: [{ field: "limit", message: "must be at most 1000" }],
    });
    expect(describeError(timeline)).toMatchObject({
      error_type: "validation_error",
      issues: [{ field: "limit", message: "must be at most 1000" }],
    });
  });

  it("describes anything else as an internal error with a scrubbed message", () => {
    expect(describeError(new TypeError("x is undefined for ann@example.com"))).toEqual({
      error_type: "internal_error",
      message: "TypeError: x is undefined for [redacted]",
      retryable: false,
      retry_after_ms: null,
      cancelled: false,
      issues: [],
    });
    expect(describeError("boom").message).toBe("failed with a non-error value (string)");
  });
});
