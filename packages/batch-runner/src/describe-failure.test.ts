import { BatchFailureSchema } from "@hostaway-mcp/domain-models";
import {
  describeError,
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
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeFailure, describeItemFailure, type FailureContext } from "./describe-failure.js";
import type { ItemFailure } from "./item-outcome.js";

const context: FailureContext = {
  label: "property 42",
  notFoundHint: "list valid property ids with hostaway_list_properties",
  retryIds: [42],
  batchRateLimitWaitSeconds: 0,
  itemTimeoutMs: undefined,
  deadlineMs: undefined,
};

function failed(error: unknown): ItemFailure {
  return {
    ok: false,
    error,
    errorType: describeError(error).error_type,
    notAttempted: false,
    stopCause: undefined,
  };
}

function describe42(error: unknown) {
  return BatchFailureSchema.parse(describeFailure(42, failed(error), context));
}

const at = { method: "GET" as const, path: "/listings/42" };

describe("describeFailure", () => {
  it("tells an unauthorized caller to check the credentials, not to retry blindly", () => {
    const failure = describe42(new HostawayAuthError({ ...at, detail: "access denied", status: 403 }));
    expect(failure.error_type).toBe("unauthorized");
    expect(failure.remediation).toContain("Check the account id and secret key");
    expect(failure.retry_after_seconds).toBeNull();
  });

  it("waits a whole Hostaway window when a 429 carried no Retry-After", () => {
    const failure = describe42(new HostawayRateLimitError({ ...at, detail: "rate limited" }));
    expect(failure.retry_after_seconds).toBe(10);
    expect(failure.remediation).toContain("Retry in 10 s; ids to retry: 42.");
  });

  it("says a rejected request will fail again unchanged", () => {
    const failure = describe42(new HostawayValidationError({ ...at, detail: "invalid id", status: 400 }));
    expect(failure.remediation).toContain("retrying unchanged will fail again");
  });

  it("names the fields of a schema failure, not their values", () => {
    const result = z
      .object({ id: z.number(), address: z.object({ city: z.string() }) })
      .safeParse({ id: "guest@example.com", address: { city: 5 } });
    const failure = describe42(result.error);
    expect(failure.error_type).toBe("validation_error");
    expect(failure.error_message).toMatch(/^Property 42: invalid input \(id: .*; address\.city: /);
    expect(failure.error_message).not.toContain("guest@example.com");
  });

  it("labels an unexpected error as internal and masks contact data and tokens in its text", () => {
    const failure = describe42(
      new TypeError("cannot read guest anna@example.com +49 170 1234567 with Bearer eyJhbGciOi.eyJzdWIi.sig"),
    );
    expect(failure.error_type).toBe("internal_error");
    expect(failure.error_message).toBe(
      "Property 42: TypeError: cannot read guest [redacted] [redacted] with Bearer [redacted].",
    );
    expect(failure.remediation).toContain("report it");
  });

  it("describes a thrown non-error value without echoing it", () => {
    expect(describe42("secret-value").error_message).toBe(
      "Property 42: failed with a non-error value (string).",
    );
  });
});

describe("error_message: a short reason, never the upstream request or Hostaway's own text", () => {
  const hostawayText = "Reservation 42 was not found for listing /v1/reservations/42";
  const cases = [
    [
      new HostawayNotFoundError({ ...at, status: 404, detail: `not found (HTTP 404): ${hostawayText}` }),
      "Property 42: not found in Hostaway (HTTP 404).",
    ],
    [
      new HostawayAuthError({ ...at, status: 403, detail: "access token rejected again (HTTP 403)" }),
      "Property 42: Hostaway refused access (HTTP 403).",
    ],
    [
      new HostawayAuthError({
        method: "POST",
        path: "/accessTokens",
        status: 401,
        detail: "credentials rejected (HTTP 401)",
      }),
      "Property 42: Hostaway rejected the account id or secret key (HTTP 401).",
    ],
    [
      new HostawayValidationError({
        ...at,
        status: 400,
        detail: `request failed (HTTP 400): ${hostawayText}`,
      }),
      "Property 42: Hostaway rejected the request as invalid (HTTP 400).",
    ],
    [
      new HostawayValidationError({
        ...at,
        code: "HOSTAWAY_INVALID_ARGUMENT",
        detail: "invalid argument: listingId must be a positive whole number",
      }),
      "Property 42: invalid argument: listingId must be a positive whole number.",
    ],
    [
      new HostawayRateLimitError({ ...at, detail: `rate limit exceeded (HTTP 429): ${hostawayText}` }),
      "Property 42: Hostaway's rate limit was reached (HTTP 429).",
    ],
    [
      new HostawayTimeoutError({ ...at, detail: "no response within 30000 ms", sent: true }),
      "Property 42: Hostaway did not answer in time.",
    ],
    [
      new HostawayUpstreamError({ ...at, status: 503, detail: `HTTP 503: ${hostawayText}` }),
      "Property 42: Hostaway failed (HTTP 503).",
    ],
    [
      new HostawayUpstreamError({
        ...at,
        status: 200,
        code: "HOSTAWAY_MALFORMED_RESPONSE",
        detail: "response body is not valid JSON (HTTP 200)",
      }),
      "Property 42: Hostaway sent an unreadable answer (HTTP 200).",
    ],
    [
      new HostawayNetworkError({
        ...at,
        detail: "connection failed (ECONNRESET)",
        networkCode: "ECONNRESET",
      }),
      "Property 42: the connection to Hostaway failed (ECONNRESET).",
    ],
    [
      new HostawayResponseValidationError({ ...at, detail: "unexpected response shape", issues: [] }),
      "Property 42: Hostaway's answer did not have the expected shape.",
    ],
    [
      new HostawayAbortError({ ...at, detail: "aborted by the caller", sent: true }),
      "Property 42: the request was cancelled.",
    ],
    [new DOMException("stopped", "AbortError"), "Property 42: the request was cancelled."],
    [new Error("GET /listings/42: exploded"), "Property 42: Error: exploded."],
  ] as const;

  it.each(cases)("describes %s without its method, path or upstream text", (error, message) => {
    const failure = describe42(error);
    expect(failure.error_message).toBe(message);
    expect(failure.error_message).not.toMatch(/\/listings\/|\/reservations\/|GET |POST /);
  });
});

describe("describeItemFailure (a failure outside runBatch, worded alike)", () => {
  it("classifies, words and remedies one item as a batch would, with the caller's label and retry step", () => {
    const failure = describeItemFailure(
      7,
      new HostawayRateLimitError({ method: "GET", path: "/conversations", detail: "x", retryAfterMs: 4200 }),
      { label: "booking 7", retryStep: "search again with booking_id 7" },
    );
    expect(BatchFailureSchema.parse(failure)).toEqual({
      item_id: "7",
      error_type: "rate_limit",
      error_message: "Booking 7: Hostaway's rate limit was reached (HTTP 429).",
      remediation:
        "Hostaway's rate limit (15 requests per 10 s per IP, 20 per account) stopped booking 7. " +
        "Retry in 5 s; search again with booking_id 7.",
      retry_after_seconds: 5,
    });
  });

  it("classifies a zod error as validation_error, and a request still queued at the client's deadline as not attempted", () => {
    const zodError = z.object({ id: z.number() }).safeParse({ id: "x" }).error;
    expect(describeItemFailure(1, zodError)).toMatchObject({
      error_type: "validation_error",
      error_message: expect.stringMatching(/^Item 1: invalid input \(id: /),
    });
    const queued = describeItemFailure(
      2,
      new HostawayTimeoutError({ ...at, detail: "deadline passed", sent: false }),
    );
    expect(queued.error_message).toBe(
      "Item 2 was not attempted: the client's time limit passed while it waited for a free upstream slot.",
    );
    expect(queued.remediation).toContain("ids to retry: 2.");
    expect(
      describeItemFailure(3, new HostawayNotFoundError({ ...at, detail: "nf", status: 404 })).remediation,
    ).toBe("Item 3 does not exist. Check the id; check that the id exists in this Hostaway account.");
  });
});
