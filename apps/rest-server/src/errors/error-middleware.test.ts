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
} from "@hostaway-mcp/hostaway-client";
import { TimelineValidationError } from "@hostaway-mcp/message-timeline";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "./api-error.js";
import { toApiError } from "./error-middleware.js";

const where = { method: "GET", path: "/listings/7" } as const;

describe("toApiError", () => {
  it.each([
    [new HostawayNotFoundError({ ...where, detail: "not found", status: 404 }), 404, "not_found"],
    [new HostawayAuthError({ ...where, detail: "forbidden", status: 403 }), 502, "unauthorized"],
    [new HostawayValidationError({ ...where, detail: "limit must be ≤ 100" }), 400, "validation_error"],
    // Hostaway's own refusal: validation_error on every edge (the MCP server and batch items say so too).
    [new HostawayValidationError({ ...where, detail: "Invalid date", status: 422 }), 400, "validation_error"],
    // A `fail` with HTTP 200 is Hostaway failing to answer, not bad input.
    [
      new HostawayUpstreamError({
        ...where,
        detail: "Listing archived",
        status: 200,
        code: "HOSTAWAY_FAIL_STATUS",
      }),
      502,
      "upstream_error",
    ],
    [new HostawayRateLimitError({ ...where, detail: "429", retryAfterMs: 2_500 }), 503, "rate_limit"],
    [new HostawayRateLimitError({ ...where, detail: "429" }), 503, "rate_limit"],
    [new HostawayTimeoutError({ ...where, detail: "timed out", sent: true }), 504, "timeout"],
    [
      new HostawayNetworkError({ ...where, detail: "ECONNRESET", networkCode: "ECONNRESET" }),
      502,
      "upstream_error",
    ],
    [new HostawayUpstreamError({ ...where, detail: "HTTP 500", status: 500 }), 502, "upstream_error"],
    [
      new HostawayResponseValidationError({ ...where, detail: "bad body", issues: [] }),
      502,
      "upstream_error",
    ],
    [new HostawayAbortError({ ...where, detail: "aborted", sent: false }), 500, "internal_error"],
  ])("%s → %i %s", (error, status, type) => {
    const mapped = toApiError(error, "Listing 7 does not exist");
    expect(mapped).toMatchObject({ status, type });
    expect(mapped.message).not.toContain("/listings/7");
  });

  it("keeps the client's reason for input it refused, without the path", () => {
    const mapped = toApiError(new HostawayValidationError({ ...where, detail: "limit must be ≤ 100" }));
    expect(mapped.message).toBe("Invalid request: limit must be ≤ 100");
  });

  it("uses the route's not-found wording, and a Retry-After for upstream rate limits", () => {
    expect(
      toApiError(new HostawayNotFoundError({ ...where, detail: "x" }), "Listing 7 does not exist").message,
    ).toBe("Listing 7 does not exist");
    const limited = toApiError(new HostawayRateLimitError({ ...where, detail: "429", retryAfterMs: 2_500 }));
    expect(limited.headers).toEqual({ "Retry-After": "3" });
    expect(limited.details).toEqual({ retry_after_seconds: 3 });
    expect(toApiError(new HostawayRateLimitError({ ...where, detail: "429" })).headers).toEqual({
      "Retry-After": "10",
    });
  });

  it("turns input errors from packages into 400s naming the field", () => {
    const timeline = toApiError(new TimelineValidationError("limit", "must be 1..1000"));
    expect(timeline).toMatchObject({
      status: 400,
      details: { issues: [{ field: "limit", message: "must be 1..1000" }] },
    });
    const zod = toApiError(
      new z.ZodError([{ code: "custom", path: ["cursor"], message: "cursor is not ours", input: "x" }]),
    );
    expect(zod).toMatchObject({
      status: 400,
      details: { issues: [{ field: "cursor", message: "cursor is not ours" }] },
    });
  });

  it("maps body-parser errors and hides anything else behind a 500", () => {
    expect(toApiError(Object.assign(new Error("too large"), { status: 413 }))).toMatchObject({ status: 413 });
    expect(toApiError(Object.assign(new Error("bad json"), { statusCode: 400 }))).toMatchObject({
      status: 400,
    });
    const bug = toApiError(new TypeError("Cannot read properties of undefined (reading 'secret')"));
    expect(bug).toMatchObject({ status: 500, type: "internal_error" });
    expect(bug.message).not.toContain("secret");
    expect(toApiError("a string")).toMatchObject({ status: 500 });
    const own = new ApiError(418, "validation_error", "mine");
    expect(toApiError(own)).toBe(own);
  });
});
