import type { Booking, PartialFailureResponse } from "@hostaway-mcp/domain-models";
import type { Progress } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, textOf } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  // No retries, so an injected fault reaches the tool as it is.
  h = await startHarness({ client: { retry: { maxAttempts: 1 }, timeoutMs: 1_000 } });
});
afterAll(async () => h?.close());

describe("a bad argument to any tool is an isError result naming the field", () => {
  const cases: Array<[tool: string, args: Record<string, unknown>, field: RegExp]> = [
    ["hostaway_list_properties", { limit: 0 }, /limit/],
    ["hostaway_get_property_details", { listing_id: "abc" }, /listing_id/],
    [
      "hostaway_check_availability",
      { listing_id: 1, start_date: "2026-02-30", end_date: "2026-03-02" },
      /start_date/,
    ],
    ["hostaway_search_bookings", { arrival_start: "tomorrow" }, /arrival_start/],
    ["hostaway_get_booking_details", { booking_id: -4 }, /booking_id/],
    ["hostaway_get_guest_info", {}, /booking_id/],
    [
      "hostaway_get_financial_report",
      { start_date: "2026-01-01", end_date: "2026-01-31", date_type: "x" },
      /date_type/,
    ],
    ["hostaway_search_messages", { booking_id: 1, channels: ["pigeon"] }, /channels/],
    ["hostaway_get_conversation_history", { booking_id: 1, limit: 5000 }, /limit/],
    ["hostaway_batch_get_properties", { property_ids: [] }, /property_ids/],
    [
      "hostaway_batch_get_bookings",
      { booking_ids: Array.from({ length: 51 }, (_, i) => i + 1) },
      /booking_ids/,
    ],
  ];

  it.each(cases)("%s", async (tool, args, field) => {
    h.sandbox.resetStats();
    const result = await h.call(tool, args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(field);
    // Rejected before any upstream request.
    expect(h.sandbox.stats().total).toBe(0);
  });

  it("names an unknown argument", async () => {
    const result = await h.call("hostaway_get_booking_details", { booking_id: 1, include_everything: true });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/include_everything/);
  });

  it("names __proto__, constructor and prototype as unknown arguments", async () => {
    for (const name of ["__proto__", "constructor", "prototype"]) {
      h.sandbox.resetStats();
      // JSON.parse keeps "__proto__" as an own key, as it arrives over stdio or HTTP.
      const args = JSON.parse(`{"booking_id": 1, "${name}": {"limit": 5}}`) as Record<string, unknown>;
      const result = await h.call("hostaway_get_booking_details", args);
      expect(result.isError).toBe(true);
      expect(textOf(result)).toContain(`"${name}" is not a parameter of this operation`);
      expect(h.sandbox.stats().total).toBe(0);
    }
  });

  it("lists the allowed values of an enum", async () => {
    const result = await h.call("hostaway_get_financial_report", {
      start_date: "2026-01-01",
      end_date: "2026-01-31",
      date_type: "checkin",
    });
    expect(textOf(result)).toMatch(/arrivalDate.*departureDate.*reservationDate/);
  });
});

describe("upstream failures", () => {
  const bookingId = () => h.sandbox.fixtures.bookingIds[0] as number;

  it("a rate limit says when to retry", async () => {
    const fault = h.sandbox.injectFault({
      path: "/v1/reservations/:id",
      kind: "rate_limit",
      retryAfterSeconds: 7,
      times: 1,
    });
    const result = await h.call("hostaway_get_booking_details", { booking_id: bookingId() });
    fault.remove();
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^rate_limit: .*Next step: retry in 7 seconds\.$/);
  });

  it("a 5xx is an upstream_error with a retry hint", async () => {
    const fault = h.sandbox.injectFault({ path: "/v1/listings/:id", kind: "status", status: 503, times: 1 });
    const result = await h.call("hostaway_get_property_details", {
      listing_id: h.sandbox.fixtures.listingIds[0],
    });
    fault.remove();
    expect(textOf(result)).toMatch(/^upstream_error: Hostaway failed.*Next step: retry in a minute/);
  });

  it("a hung request is a timeout", async () => {
    const fault = h.sandbox.injectFault({ path: "/v1/reservations/:id", kind: "hang", times: 1 });
    const result = await h.call("hostaway_get_booking_details", { booking_id: bookingId() });
    fault.remove();
    expect(textOf(result)).toMatch(/^timeout: Hostaway did not answer in time/);
  });

  it("a batch keeps going when one item fails, and classifies the failure", async () => {
    const [first, second, third] = h.sandbox.fixtures.bookingIds as [number, number, number];
    const fault = h.sandbox.injectFault({ path: `/v1/reservations/${second}`, kind: "status", status: 500 });
    const answer = await h.ok<PartialFailureResponse<Booking>>("hostaway_batch_get_bookings", {
      booking_ids: [first, second, third],
    });
    fault.remove();
    expect(answer.successful_results.map((booking) => booking.id)).toEqual([first, third]);
    expect(answer.failed_items).toMatchObject([{ item_id: String(second), error_type: "upstream_error" }]);
    expect(answer.summary).toMatchObject({ total_attempted: 3, succeeded: 2, failed: 1 });
  });

  it("rejected credentials are unauthorized, with the variables to check and no secret", async () => {
    const wrong = await startHarness({ client: { secretKey: "not-the-secret", retry: { maxAttempts: 1 } } });
    try {
      const result = await wrong.call("hostaway_get_booking_details", { booking_id: bookingId() });
      expect(textOf(result)).toMatch(/^unauthorized: .*HOSTAWAY_SECRET_KEY/);
      expect(textOf(result)).not.toContain("not-the-secret");
    } finally {
      await wrong.close();
    }
  });
});

describe("cancellation", () => {
  it("closes the upstream socket when the MCP client cancels the call", async () => {
    const slow = await startHarness({ client: { timeoutMs: 60_000, retry: { maxAttempts: 1 } } });
    // The sandbox hands us the hanging request, so the test sees its socket close: the proof that the
    // cancellation reached Hostaway's side, not only our audit line.
    let upstreamClosed: Promise<void> | undefined;
    const hang = slow.sandbox.injectFault({
      path: "/v1/reservations/:id",
      kind: "hang",
      times: 1,
      match: (request) => {
        upstreamClosed = new Promise((resolve) => request.socket.once("close", () => resolve()));
        return true;
      },
    });
    try {
      const controller = new AbortController();
      const call = slow.mcp.callTool(
        { name: "hostaway_get_guest_info", arguments: { booking_id: slow.sandbox.fixtures.bookingIds[0] } },
        undefined,
        { signal: controller.signal },
      );
      await waitFor(() => upstreamClosed !== undefined); // the reservation request hangs in the sandbox
      let closedEarly = false;
      void upstreamClosed?.then(() => {
        closedEarly = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(closedEarly).toBe(false); // the request is really hanging, not answered

      controller.abort("user stopped"); // the SDK sends notifications/cancelled
      await expect(call).rejects.toThrow(/user stopped/);
      // Without the abort reaching the socket, it would stay open for the client's 60 s timeout.
      await waitFor(() => closedEarly);
      await waitFor(() => slow.auditLines.length > 0);
      expect(slow.auditLines).toMatchObject([{ tool: "hostaway_get_guest_info", outcome: "cancelled" }]);
      expect(hang.hits).toBe(1);
      expect(slow.sandbox.stats().byRoute["GET /v1/reservations/:id"]).toBe(1); // not retried
    } finally {
      hang.remove();
      await slow.close();
    }
  });
});

describe("progress notifications", () => {
  it("reports progress during a batch when the client sends a progress token", async () => {
    const ids = h.sandbox.fixtures.bookingIds.slice(0, 5);
    const updates: Progress[] = [];
    const result = await h.call("hostaway_batch_get_bookings", { booking_ids: ids }, (progress) =>
      updates.push(progress),
    );
    expect(result.isError).toBeFalsy();
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.at(-1)).toMatchObject({ progress: 5, total: 5 });
    const values = updates.map((update) => update.progress);
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  it("reports progress during a message search", async () => {
    const updates: Progress[] = [];
    const result = await h.call("hostaway_search_messages", { guest_name: "schmidt" }, (progress) =>
      updates.push(progress),
    );
    expect(result.isError).toBeFalsy();
    expect(updates.length).toBeGreaterThan(0);
    const last = updates.at(-1);
    expect(last?.progress).toBe(last?.total);
  });

  it("sends nothing without a progress token", async () => {
    const notifications: unknown[] = [];
    h.mcp.fallbackNotificationHandler = async (notification) => {
      notifications.push(notification);
    };
    await h.call("hostaway_batch_get_bookings", { booking_ids: h.sandbox.fixtures.bookingIds.slice(0, 3) });
    h.mcp.fallbackNotificationHandler = undefined;
    expect(notifications).toEqual([]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
