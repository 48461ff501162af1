import { encodeCursor } from "@hostaway-mcp/domain-models";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const ids = (count: number) => Array.from({ length: count }, (_, i) => i + 1).join(",");
const foreignCursor = encodeCursor({ something: "else" });

/** [route, query or path suffix, the field the 400 must name] */
const cases: ReadonlyArray<readonly [string, string, string]> = [
  // GET /api/listings
  ["listings", "/api/listings?foo=1", "foo"],
  ["listings", "/api/listings?limit=0", "limit"],
  ["listings", "/api/listings?limit=101", "limit"],
  ["listings", "/api/listings?limit=ten", "limit"],
  ["listings", "/api/listings?limit=2.5", "limit"],
  ["listings", "/api/listings?limit=5&limit=6", "limit"],
  ["listings", "/api/listings?cursor=not*a*cursor", "cursor"],
  ["listings", `/api/listings?cursor=${foreignCursor}`, "cursor"],
  ["listings", `/api/listings?cursor=${encodeCursor({ list: "bookings", afterId: 5 })}`, "cursor"],
  ["listings", "/api/listings?city=", "city"],
  // GET /api/listings/{id}
  ["listing", "/api/listings/abc", "listing_id"],
  ["listing", "/api/listings/0", "listing_id"],
  ["listing", "/api/listings/-4", "listing_id"],
  ["listing", "/api/listings/1.5", "listing_id"],
  ["listing", "/api/listings/40160?verbose=1", "verbose"],
  ["listing", "/api/listings/40160?listing_id=2", "listing_id"],
  // GET /api/listings/{id}/calendar
  ["calendar", "/api/listings/40160/calendar?end_date=2026-12-01", "start_date"],
  ["calendar", "/api/listings/40160/calendar?start_date=2026-12-01", "end_date"],
  ["calendar", "/api/listings/40160/calendar?start_date=2026-02-30&end_date=2026-03-02", "start_date"],
  ["calendar", "/api/listings/40160/calendar?start_date=12/01/2026&end_date=2026-12-02", "start_date"],
  ["calendar", "/api/listings/40160/calendar?start_date=2026-12-10&end_date=2026-12-01", "end_date"],
  ["calendar", "/api/listings/40160/calendar?start_date=2026-01-01&end_date=2027-06-01", "end_date"],
  ["calendar", "/api/listings/x/calendar?start_date=2026-12-01&end_date=2026-12-02", "listing_id"],
  ["calendar", "/api/listings/40160/calendar?start_date=2026-12-01&end_date=2026-12-02&nights=2", "nights"],
  // GET /api/bookings
  ["bookings", "/api/bookings?guest_email=not-an-email", "guest_email"],
  ["bookings", "/api/bookings?arrival_start=2026-13-01", "arrival_start"],
  ["bookings", "/api/bookings?arrival_start=2026-12-10&arrival_end=2026-12-01", "arrival_end"],
  ["bookings", "/api/bookings?departure_start=2026-12-10&departure_end=2026-12-01", "departure_end"],
  ["bookings", "/api/bookings?channel=myspace", "channel"],
  ["bookings", "/api/bookings?listing_id=abc", "listing_id"],
  ["bookings", "/api/bookings?limit=0", "limit"],
  ["bookings", "/api/bookings?limit=101", "limit"],
  ["bookings", "/api/bookings?cursor=%%%", "cursor"],
  ["bookings", `/api/bookings?cursor=${encodeCursor({ offset: 20 })}`, "cursor"],
  ["bookings", `/api/bookings?cursor=${encodeCursor({ list: "listings", offset: 20 })}`, "cursor"],
  ["bookings", "/api/bookings?guestName=Anna", "guestName"],
  ["bookings", "/api/bookings?guest_name=", "guest_name"],
  // GET /api/bookings/{id}, /guest
  ["booking", "/api/bookings/abc", "booking_id"],
  ["booking", "/api/bookings/0", "booking_id"],
  ["booking", "/api/bookings/12?expand=guest", "expand"],
  ["guest", "/api/bookings/abc/guest", "booking_id"],
  ["guest", "/api/bookings/1/guest?email=1", "email"],
  // GET /api/financial/report
  ["financial", "/api/financial/report?end_date=2026-12-01", "start_date"],
  ["financial", "/api/financial/report?start_date=2026-12-01", "end_date"],
  ["financial", "/api/financial/report?start_date=2026-12-10&end_date=2026-12-01", "end_date"],
  [
    "financial",
    "/api/financial/report?start_date=2026-12-01&end_date=2026-12-31&date_type=checkin",
    "date_type",
  ],
  [
    "financial",
    "/api/financial/report?start_date=2026-12-01&end_date=2026-12-31&listing_ids=a,b",
    "listing_ids[0]",
  ],
  [
    "financial",
    `/api/financial/report?start_date=2026-12-01&end_date=2026-12-31&listing_ids=${ids(51)}`,
    "listing_ids",
  ],
  ["financial", "/api/financial/report?start_date=2026-12-01&end_date=2026-12-31&currency=EUR", "currency"],
  // GET /api/messages
  ["messages", "/api/messages", "booking_id"],
  ["messages", "/api/messages?channels=email", "booking_id"],
  ["messages", "/api/messages?booking_id=1&channels=fax", "channels[0]"],
  ["messages", "/api/messages?booking_id=abc", "booking_id"],
  ["messages", "/api/messages?booking_id=1&limit=0", "limit"],
  ["messages", "/api/messages?booking_id=1&limit=1001", "limit"],
  ["messages", "/api/messages?booking_id=1&offset=-1", "offset"],
  ["messages", "/api/messages?start_date=2026-12-10&end_date=2026-12-01", "end_date"],
  ["messages", "/api/messages?start_date=yesterday", "start_date"],
  ["messages", "/api/messages?booking_id=1&query=hello", "query"],
  // GET /api/messages/conversation/{booking_id}
  ["conversation", "/api/messages/conversation/abc", "booking_id"],
  ["conversation", "/api/messages/conversation/1?limit=0", "limit"],
  ["conversation", "/api/messages/conversation/1?limit=1001", "limit"],
  ["conversation", "/api/messages/conversation/1?offset=-5", "offset"],
  ["conversation", "/api/messages/conversation/1?include_scheduled=maybe", "include_scheduled"],
  ["conversation", "/api/messages/conversation/1?booking_id=2", "booking_id"],
  ["conversation", "/api/messages/conversation/1?order=desc", "order"],
  // GET /api/batch/properties
  ["batch properties", "/api/batch/properties", "property_ids"],
  ["batch properties", "/api/batch/properties?property_ids=", "property_ids"],
  ["batch properties", `/api/batch/properties?property_ids=${ids(51)}`, "property_ids"],
  ["batch properties", "/api/batch/properties?property_ids=1,two,3", "property_ids[1]"],
  ["batch properties", "/api/batch/properties?property_ids=1,-2", "property_ids[1]"],
  ["batch properties", "/api/batch/properties?ids=1", "ids"],
  // GET /api/batch/bookings
  ["batch bookings", "/api/batch/bookings", "booking_ids"],
  ["batch bookings", `/api/batch/bookings?booking_ids=${ids(51)}`, "booking_ids"],
  ["batch bookings", "/api/batch/bookings?booking_ids=abc", "booking_ids[0]"],
  ["batch bookings", "/api/batch/bookings?booking_ids=1&property_ids=2", "property_ids"],
];

describe("bad input is a 400 that names the field, and never reaches Hostaway", () => {
  it.each(cases)("%s: %s → 400 naming %s", async (_route, path, field) => {
    h.sandbox.resetStats();
    const { status, body, headers } = await h.get(path);
    expect(status).toBe(400);
    expect(headers.get("content-type")).toContain("application/json");
    expect(body.error.type).toBe("validation_error");
    expect(body.error.details.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: expect.stringContaining(field.split("[")[0]!) }),
      ]),
    );
    const fields = body.error.details.issues.map((issue: { field: string }) => issue.field);
    expect(fields).toContain(field);
    expect(body.error.message).toContain(field.split("[")[0]);
    expect(Array.isArray(body.error.details.allowed)).toBe(true);
    expect(h.sandbox.stats().total).toBe(0);
  });

  it("lists the allowed parameters for an unknown one", async () => {
    const { body } = await h.get("/api/listings?page=2");
    expect(body.error.details.allowed).toEqual(["limit", "cursor", "city", "match"]);
    expect(body.error.message).toContain(
      '"page" is not a parameter of this operation (allowed: limit, cursor, city, match)',
    );
  });

  it("says what is allowed", async () => {
    const limit = await h.get("/api/bookings?limit=500");
    expect(limit.body.error.message).toContain("from 1 to 100");
    const channel = await h.get("/api/bookings?channel=myspace");
    expect(channel.body.error.message).toContain("airbnbOfficial");
    expect(channel.body.error.details.issues[0].field).toBe("channel");
    const tooMany = await h.get(`/api/batch/bookings?booking_ids=${ids(51)}`);
    expect(tooMany.body.error.message).toContain("1 to 50");
  });

  it("names __proto__, constructor and prototype as unknown parameters, once or repeated", async () => {
    for (const name of ["__proto__", "constructor", "prototype"]) {
      for (const query of [`${name}=1`, `${name}=1&${name}=2`, `limit=5&${name}=x`]) {
        h.sandbox.resetStats();
        const { status, body } = await h.get(`/api/listings?${query}`);
        expect(status, query).toBe(400);
        expect(body.error.details.issues, query).toEqual([
          {
            field: name,
            message: `"${name}" is not a parameter of this operation (allowed: limit, cursor, city, match)`,
          },
        ]);
        expect(h.sandbox.stats().total).toBe(0);
      }
    }
    // On a route with path parameters and list fields too.
    const { status, body } = await h.get("/api/batch/bookings?booking_ids=1,2&__proto__=1&__proto__=2");
    expect(status).toBe(400);
    expect(body.error.details.issues.map((issue: { field: string }) => issue.field)).toEqual(["__proto__"]);
  });

  it("answers a malformed percent-encoding in a path id with 400 naming the field", async () => {
    for (const path of [
      "/api/bookings/%E0%A4%A",
      "/api/bookings/%E0%A4%A/guest",
      "/api/listings/%ZZ/calendar",
    ]) {
      const { status, body } = await h.get(path);
      expect(status, path).toBe(400);
      expect(body.error.type).toBe("validation_error");
      expect(body.error.details.issues[0].field, path).toBe(
        path.includes("listings") ? "listing_id" : "booking_id",
      );
    }
  });

  it.each([
    ["/api/listings?limit=1.0", "limit"],
    ["/api/listings?limit=00001", "limit"],
    ["/api/bookings/007", "booking_id"],
    ["/api/batch/properties?property_ids=1,,2", "property_ids"],
  ])("refuses the non-canonical input %s naming %s", async (path, field) => {
    const { status, body } = await h.get(path);
    expect(status).toBe(400);
    expect(body.error.details.issues[0].field).toBe(field);
  });
});
