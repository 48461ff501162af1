import { BatchFailureSchema } from "@hostaway-mcp/domain-models";
import {
  HostawayAuthError,
  HostawayRateLimitError,
  HostawayValidationError,
} from "@hostaway-mcp/hostaway-client";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { classifyError } from "./classify-error.js";
import { describeFailure, type FailureContext } from "./describe-failure.js";
import type { ItemFailure } from "./item-outcome.js";
import { maxMessageLength, redactMessage } from "./redact.js";

const context: FailureContext = {
  label: "property 42",
  notFoundHint: "list valid property ids with hostaway_list_properties",
  retryIds: [42],
  batchRateLimitWaitSeconds: 0,
  itemTimeoutMs: undefined,
  deadlineMs: undefined,
};

function failed(error: unknown): ItemFailure {
  return { ok: false, error, errorType: classifyError(error), notAttempted: false, stopCause: undefined };
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
    expect(failure.error_message).toMatch(
      /^Property 42: the data did not match the expected shape \(id: .*; address\.city: /,
    );
    expect(failure.error_message).not.toContain("guest@example.com");
  });

  it("labels an unexpected error as internal and masks contact data and tokens in its text", () => {
    const failure = describe42(
      new TypeError("cannot read guest anna@example.com +49 170 1234567 with Bearer eyJhbGciOi.eyJzdWIi.sig"),
    );
    expect(failure.error_type).toBe("internal_error");
    expect(failure.error_message).toBe(
      "Property 42: TypeError: cannot read guest [email] [phone] with Bearer [redacted]",
    );
    expect(failure.remediation).toContain("report it");
  });

  it("describes a thrown non-error value without echoing it", () => {
    expect(describe42("secret-value").error_message).toBe(
      "Property 42: failed with a non-error value (string).",
    );
  });
});

describe("redactMessage", () => {
  it("masks secrets in key=value form and bare JWTs", () => {
    expect(redactMessage("POST /accessTokens client_secret=abc123&grant=x")).toBe(
      "POST /accessTokens client_secret=[redacted]&grant=x",
    );
    expect(redactMessage('{"secretKey": "s3cr3t"} eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiIxIn0.c2ln')).toBe(
      '{"secretKey": "[redacted]"} [token]',
    );
  });

  it("keeps ids and dates, which are not phone numbers", () => {
    expect(redactMessage("GET /reservations/143523935 on 2026-11-20 12:00:00")).toBe(
      "GET /reservations/143523935 on 2026-11-20 12:00:00",
    );
  });

  it("cuts long text", () => {
    const text = redactMessage("x".repeat(1000));
    expect(text).toHaveLength(maxMessageLength);
    expect(text.endsWith("…")).toBe(true);
  });
});
