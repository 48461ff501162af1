import { describe, expect, it } from "vitest";
import { expressPath, operationAt, referByRoute, undecodablePathField } from "./routes.js";

describe("routes", () => {
  it("turns OpenAPI paths into Express paths", () => {
    expect(expressPath("/api/bookings/{id}/guest")).toBe("/api/bookings/:id/guest");
  });

  it("names another operation by its route, and an unknown one by its name", () => {
    expect(referByRoute("hostaway_search_bookings")).toBe("GET /api/bookings");
    expect(referByRoute("hostaway_nothing")).toBe("hostaway_nothing");
  });

  it("finds the operation a raw path belongs to, and the path parameter a bad escape broke", () => {
    expect(operationAt("/api/bookings/12/guest")).toMatchObject({
      operation: { name: "hostaway_get_guest_info" },
      segments: { id: "12" },
    });
    expect(operationAt("/api/nowhere")).toBeUndefined();
    expect(undecodablePathField("/api/bookings/%E0%A4%A/guest")).toBe("booking_id");
    expect(undecodablePathField("/api/bookings/12/guest")).toBeUndefined();
    expect(undecodablePathField("/api/nowhere/%ZZ")).toBeUndefined();
  });
});
