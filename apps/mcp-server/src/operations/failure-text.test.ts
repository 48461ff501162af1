import { getBookingDetailsOperation, searchMessagesOperation } from "@hostaway-mcp/domain-models";
import {
  HostawayAbortError,
  HostawayAuthError,
  HostawayNetworkError,
  HostawayNotFoundError,
  HostawayRateLimitError,
  HostawayUpstreamError,
  HostawayValidationError,
} from "@hostaway-mcp/hostaway-client";
import { TimelineValidationError } from "@hostaway-mcp/message-timeline";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { failureText } from "./failure-text.js";

const where = { method: "GET", path: "/reservations/1" } as const;
const live = new AbortController().signal;
const text = (error: unknown, signal = live) =>
  failureText(getBookingDetailsOperation, { booking_id: 1 }, error, signal);

describe("failureText", () => {
  it("words a not-found through the operation's declaration, naming tools", () => {
    expect(text(new HostawayNotFoundError({ ...where, detail: "x", status: 404 }))).toEqual({
      kind: "not_found",
      text:
        "not_found: Booking 1 does not exist in this Hostaway account. Next step: call hostaway_search_bookings " +
        "to find valid booking ids.",
    });
  });

  it("says when to retry a rate limit, and what to check for rejected credentials", () => {
    expect(text(new HostawayRateLimitError({ ...where, detail: "x", retryAfterMs: 2_500 })).text).toMatch(
      /Next step: retry in 3 seconds\.$/,
    );
    expect(text(new HostawayRateLimitError({ ...where, detail: "x" })).text).toMatch(/retry in 10 seconds/);
    expect(text(new HostawayAuthError({ ...where, detail: "x", status: 403 })).text).toMatch(
      /HOSTAWAY_SECRET_KEY/,
    );
  });

  it("names the field of a bad argument, from zod, the timeline or the client", () => {
    const zod = z.object({ cursor: z.string() }).safeParse({ cursor: 1 }).error;
    expect(text(zod).text).toMatch(
      /^validation_error: Invalid argument `cursor`: .* Next step: fix `cursor`/,
    );
    const timeline = new TimelineValidationError("criteria.end_date", "must be on or after start_date");
    expect(failureText(searchMessagesOperation, {}, timeline, live).text).toBe(
      "validation_error: Invalid argument `end_date`: must be on or after start_date Next step: fix `end_date` " +
        "and call the tool again.",
    );
    const refused = new HostawayValidationError({ ...where, status: 422, detail: "Hostaway's own text" });
    expect(text(refused).text).toBe(
      "validation_error: Hostaway rejected the request as invalid (HTTP 422). Next step: check the arguments " +
        "against the tool's input schema and call again.",
    );
  });

  it("never relays Hostaway's text or the upstream path", () => {
    for (const error of [
      new HostawayUpstreamError({
        ...where,
        status: 200,
        code: "HOSTAWAY_FAIL_STATUS",
        detail: "Listing archived",
      }),
      new HostawayNetworkError({ ...where, detail: "reset", networkCode: "ECONNRESET" }),
      new HostawayUpstreamError({ ...where, status: 502, detail: "nginx says no" }),
    ]) {
      const { kind, text: said } = text(error);
      expect(kind).toBe("upstream_error");
      expect(said).not.toMatch(/archived|nginx|\/reservations/);
    }
  });

  it("reports a cancellation as cancelled, and a bug as internal", () => {
    const controller = new AbortController();
    controller.abort();
    expect(text(new Error("x"), controller.signal).kind).toBe("cancelled");
    expect(text(new HostawayAbortError({ ...where, detail: "x", sent: true })).kind).toBe("cancelled");
    expect(text(new TypeError("bug with secret details"))).toEqual({
      kind: "internal_error",
      text:
        "internal_error: An unexpected error occurred in the MCP server (details are in its log). Next step: " +
        "retry once; if it fails again, report it to the server's operator.",
    });
  });
});
