import { BookingSchema } from "@hostaway-mcp/domain-models";
import {
  HostawayRateLimitError,
  HostawayTimeoutError,
  HostawayUpstreamError,
} from "@hostaway-mcp/hostaway-client";
import { describe, expect, it } from "vitest";
import { fakeBookingSource, range } from "../test/fake-sources.js";
import { batchGetBookings } from "./batch-get-bookings.js";

describe("batchGetBookings", () => {
  it("answers 10 ids with 2 unknown as 8 bookings and 2 not_found, one request per distinct id", async () => {
    const { source, calls } = fakeBookingSource(range(1, 8));
    const ids = [1, 2, 3, 404, 4, 5, 3, 6, 7, 8, 405];
    const response = await batchGetBookings(source, ids);
    expect(calls.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 404, 405]);
    expect(response.successful_results.map((booking) => booking.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const booking of response.successful_results) expect(BookingSchema.parse(booking)).toEqual(booking);
    expect(response.successful_results[0]?.guest_name).toBe("Guest 1");
    expect(response.failed_items.map((failure) => [failure.item_id, failure.error_type])).toEqual([
      ["404", "not_found"],
      ["405", "not_found"],
    ]);
    expect(response.failed_items[0]?.remediation).toBe(
      "Booking 404 does not exist. Check the id; search the account's bookings (by guest, listing or dates) to find valid ids.",
    );
    expect(response.summary).toEqual({ total_attempted: 10, succeeded: 8, failed: 2, success_rate: 0.8 });
  });

  it("turns a 429, a timeout and a 500 into three classified failures beside seven bookings", async () => {
    const at = (id: number) => ({ method: "GET" as const, path: `/reservations/${id}` });
    const { source } = fakeBookingSource(range(1, 10), (id) => {
      if (id === 2) return new HostawayRateLimitError({ ...at(id), detail: "rate limited" });
      if (id === 5) return new HostawayTimeoutError({ ...at(id), detail: "timed out", sent: true });
      if (id === 8) return new HostawayUpstreamError({ ...at(id), detail: "HTTP 500", status: 500 });
      return undefined;
    });
    const response = await batchGetBookings(source, range(1, 10));
    expect(response.successful_results).toHaveLength(7);
    expect(response.failed_items.map((failure) => [failure.item_id, failure.error_type])).toEqual([
      ["2", "rate_limit"],
      ["5", "timeout"],
      ["8", "upstream_error"],
    ]);
    expect(response.failed_items[0]?.remediation).toContain("ids to retry: 2, 5.");
    expect(response.summary.succeeded + response.summary.failed).toBe(response.summary.total_attempted);
  });

  it("rejects options that are not an object", async () => {
    const { source } = fakeBookingSource([1]);
    await expect(batchGetBookings(source, [1], "fast" as never)).rejects.toThrow(
      'batchGetBookings: options must be an object, got "fast"',
    );
  });
});
