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
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { BatchItemError } from "./batch-item-error.js";
import { classifyError } from "./classify-error.js";

const at = { method: "GET" as const, path: "/listings/7", detail: "failed" };

describe("classifyError", () => {
  it.each([
    ["HostawayAuthError", new HostawayAuthError({ ...at, status: 403 }), "unauthorized"],
    ["HostawayNotFoundError", new HostawayNotFoundError({ ...at, status: 404 }), "not_found"],
    ["HostawayValidationError", new HostawayValidationError({ ...at, status: 400 }), "validation_error"],
    ["HostawayRateLimitError", new HostawayRateLimitError({ ...at, retryAfterMs: 1000 }), "rate_limit"],
    ["HostawayTimeoutError", new HostawayTimeoutError({ ...at, sent: true }), "timeout"],
    [
      "HostawayNetworkError",
      new HostawayNetworkError({ ...at, networkCode: "ECONNRESET" }),
      "upstream_error",
    ],
    ["HostawayUpstreamError", new HostawayUpstreamError({ ...at, status: 502 }), "upstream_error"],
    [
      "HostawayResponseValidationError",
      new HostawayResponseValidationError({ ...at, issues: [] }),
      "upstream_error",
    ],
    [
      "HostawayAbortError from a timeout signal",
      new HostawayAbortError({ ...at, sent: false, reason: new DOMException("t", "TimeoutError") }),
      "timeout",
    ],
  ])("uses the client's own errorType for a %s", (_name, error, expected) => {
    expect(classifyError(error)).toBe(expected);
  });

  it("trusts the brand, not the prototype (a second copy of the client)", () => {
    const foreign = Object.assign(new Error("x"), {
      [Symbol.for("hostaway-mcp.error")]: true,
      errorType: "rate_limit",
    });
    expect(classifyError(foreign)).toBe("rate_limit");
  });

  it("takes the type a worker chose through BatchItemError", () => {
    expect(classifyError(new BatchItemError("not_found", "missing"))).toBe("not_found");
    expect(BatchItemError.isInstance(new Error("plain"))).toBe(false);
  });

  it("treats cancellations and timeouts as timeout", () => {
    expect(classifyError(new DOMException("aborted", "AbortError"))).toBe("timeout");
    expect(classifyError(new DOMException("slow", "TimeoutError"))).toBe("timeout");
    const controller = new AbortController();
    controller.abort();
    expect(classifyError(controller.signal.reason)).toBe("timeout");
  });

  it("treats a zod error as validation_error", () => {
    const result = z.object({ id: z.number() }).safeParse({ id: "x" });
    expect(classifyError(result.error)).toBe("validation_error");
  });

  it("calls anything else an internal_error", () => {
    expect(classifyError(new TypeError("x is undefined"))).toBe("internal_error");
    expect(classifyError("a string")).toBe("internal_error");
    expect(classifyError(undefined)).toBe("internal_error");
    expect(classifyError({ name: 42 })).toBe("internal_error");
  });
});
