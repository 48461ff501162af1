import {
  HostawayAbortError,
  HostawayAuthError,
  HostawayNetworkError,
  HostawayNotFoundError,
  HostawayRateLimitError,
  HostawayValidationError,
} from "@hostaway-mcp/hostaway-client";
import { TimelineValidationError } from "@hostaway-mcp/message-timeline";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeFailure } from "./describe-failure.js";

const notFound = { problem: "Booking 1 does not exist.", nextStep: "call hostaway_search_bookings." };
const where = { method: "GET", path: "/reservations/1" } as const;

describe("describeFailure", () => {
  it("turns each kind of failure into a problem and a next step", () => {
    expect(
      describeFailure(new HostawayNotFoundError({ ...where, detail: "not found", status: 404 }), notFound),
    ).toEqual({
      errorType: "not_found",
      problem: notFound.problem,
      nextStep: notFound.nextStep,
      retryAfterSeconds: null,
    });
    expect(
      describeFailure(
        new HostawayRateLimitError({ ...where, detail: "rate limited", retryAfterMs: 2_500 }),
        notFound,
      ),
    ).toMatchObject({ errorType: "rate_limit", nextStep: "retry in 3 seconds.", retryAfterSeconds: 3 });
    expect(
      describeFailure(new HostawayRateLimitError({ ...where, detail: "rate limited" }), notFound),
    ).toMatchObject({
      retryAfterSeconds: 10,
    });
    expect(
      describeFailure(new HostawayAuthError({ ...where, detail: "forbidden", status: 403 }), notFound),
    ).toMatchObject({
      errorType: "unauthorized",
      nextStep: expect.stringContaining("HOSTAWAY_SECRET_KEY"),
    });
    expect(
      describeFailure(new HostawayValidationError({ ...where, detail: "bad filter", status: 400 }), notFound),
    ).toMatchObject({ errorType: "validation_error", problem: expect.stringContaining("bad filter") });
    expect(
      describeFailure(
        new HostawayNetworkError({ ...where, detail: "reset", networkCode: "ECONNRESET" }),
        notFound,
      ),
    ).toMatchObject({ errorType: "upstream_error" });
    expect(describeFailure(new Error("boom"), notFound)).toMatchObject({ errorType: "internal_error" });
  });

  it("reports cancellation as cancelled", () => {
    const controller = new AbortController();
    controller.abort();
    expect(describeFailure(new Error("aborted"), notFound, controller.signal).errorType).toBe("cancelled");
    expect(
      describeFailure(new HostawayAbortError({ ...where, detail: "aborted", sent: true }), notFound)
        .errorType,
    ).toBe("cancelled");
  });

  it("names the field of a bad argument found after schema validation", () => {
    const zodError = z.object({ cursor: z.string() }).safeParse({ cursor: 1 }).error;
    expect(describeFailure(zodError, notFound).problem).toMatch(/^Invalid argument `cursor`/);
    const timeline = new TimelineValidationError("criteria.end_date", "must be on or after start_date");
    expect(describeFailure(timeline, notFound)).toMatchObject({
      errorType: "validation_error",
      problem: "Invalid argument `end_date`: must be on or after start_date",
    });
  });
});
