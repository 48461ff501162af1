import { describe, expect, it } from "vitest";
import {
  HostawayAbortError,
  HostawayAuthError,
  HostawayError,
  HostawayNetworkError,
  HostawayNotFoundError,
  HostawayRateLimitError,
  HostawayResponseValidationError,
  HostawayTimeoutError,
  HostawayUpstreamError,
  HostawayValidationError,
} from "./errors.js";

const where = { method: "GET", path: "/reservations/4711", detail: "something happened" } as const;

describe("the error hierarchy", () => {
  it("each error carries its code, taxonomy and retryability, and names method and path", () => {
    const cases: Array<[HostawayError, string, string, boolean]> = [
      [new HostawayAuthError({ ...where, status: 403 }), "HOSTAWAY_UNAUTHORIZED", "unauthorized", false],
      [new HostawayNotFoundError(where), "HOSTAWAY_NOT_FOUND", "not_found", false],
      [new HostawayValidationError(where), "HOSTAWAY_VALIDATION_FAILED", "validation_error", false],
      [
        new HostawayRateLimitError({ ...where, retryAfterMs: 2000 }),
        "HOSTAWAY_RATE_LIMITED",
        "rate_limit",
        true,
      ],
      [new HostawayTimeoutError({ ...where, sent: true }), "HOSTAWAY_TIMEOUT", "timeout", true],
      [new HostawayAbortError({ ...where, sent: false }), "HOSTAWAY_ABORTED", "internal_error", false],
      [
        new HostawayNetworkError({ ...where, networkCode: "ECONNRESET" }),
        "HOSTAWAY_NETWORK_ERROR",
        "upstream_error",
        true,
      ],
      [
        new HostawayUpstreamError({ ...where, status: 502 }),
        "HOSTAWAY_UPSTREAM_ERROR",
        "upstream_error",
        true,
      ],
      [
        new HostawayUpstreamError({ ...where, status: 302 }),
        "HOSTAWAY_UPSTREAM_ERROR",
        "upstream_error",
        false,
      ],
      [
        new HostawayResponseValidationError({ ...where, issues: [] }),
        "HOSTAWAY_RESPONSE_INVALID",
        "upstream_error",
        false,
      ],
    ];
    for (const [error, code, errorType, isRetryable] of cases) {
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({
        code,
        errorType,
        isRetryable,
        method: "GET",
        path: "/reservations/4711",
      });
      expect(error.message).toBe("GET /reservations/4711: something happened");
      expect(HostawayError.isInstance(error)).toBe(true);
    }
  });

  it("isInstance recognises the brand across copies of the package, and nothing else", () => {
    const fromAnotherCopy = Object.assign(new Error("GET /x: y"), {
      [Symbol.for("hostaway-mcp.error/HostawayError")]: true,
    });

    expect(HostawayError.isInstance(fromAnotherCopy)).toBe(true);
    expect(HostawayError.isInstance(new Error("plain"))).toBe(false);
    expect(HostawayError.isInstance(null)).toBe(false);
    expect(HostawayError.isInstance("GET /x: y")).toBe(false);
  });

  it("an abort from AbortSignal.timeout() counts as a timeout", () => {
    const reason = new DOMException("The operation timed out.", "TimeoutError");

    expect(new HostawayAbortError({ ...where, sent: true, reason }).errorType).toBe("timeout");
    expect(new HostawayAbortError({ ...where, sent: true, reason: new Error("x") }).errorType).toBe(
      "internal_error",
    );
  });
});

describe("per-class markers", () => {
  const where = { method: "GET", path: "/listings/1" } as const;

  it("answers isInstance for the class and its ancestors only, never for a sibling", () => {
    const notFound = new HostawayNotFoundError({ ...where, detail: "x" });
    const rateLimited = new HostawayRateLimitError({ ...where, detail: "x" });
    expect(HostawayNotFoundError.isInstance(notFound)).toBe(true);
    expect(HostawayError.isInstance(notFound)).toBe(true);
    expect(HostawayNotFoundError.isInstance(rateLimited)).toBe(false);
    expect(HostawayRateLimitError.isInstance(notFound)).toBe(false);
    expect(HostawayNotFoundError.isInstance(new Error("x"))).toBe(false);
    expect(HostawayNotFoundError.isInstance(null)).toBe(false);
  });

  it("holds across copies of the package: the markers are registry symbols", () => {
    const foreign = {
      [Symbol.for("hostaway-mcp.error/HostawayError")]: true,
      [Symbol.for("hostaway-mcp.error/HostawayNotFoundError")]: true,
    };
    expect(HostawayNotFoundError.isInstance(foreign)).toBe(true);
    expect(HostawayRateLimitError.isInstance(foreign)).toBe(false);
  });

  it("keeps a redacted cause: name, code and a message without query strings or contact data", () => {
    const socket = Object.assign(
      new Error(
        "connect ECONNREFUSED https://api.hostaway.com/v1/reservations?match=Ann+Lee&token=abc for ann@example.com",
      ),
      { code: "ECONNREFUSED" },
    );
    const error = new HostawayNetworkError({ ...where, detail: "connection failed", cause: socket });
    expect(error.cause).toEqual({
      name: "Error",
      code: "ECONNREFUSED",
      message: "connect ECONNREFUSED https://api.hostaway.com/v1/reservations for [redacted]",
    });
  });
});
