import { describe, expect, test } from "vitest";
import type { z } from "zod";
import { BatchBookingsRequestSchema, BatchPropertiesRequestSchema } from "./batch.js";
import { BookingDetailsRequestSchema, GuestInfoRequestSchema } from "./booking-details.js";
import { CheckAvailabilityRequestSchema } from "./check-availability.js";
import { ConversationHistoryRequestSchema } from "./conversation-history.js";
import { FinancialReportRequestSchema } from "./financial-report.js";
import { ListPropertiesRequestSchema } from "./list-properties.js";
import { PropertyDetailsRequestSchema } from "./property-details.js";
import { SearchBookingsRequestSchema } from "./search-bookings.js";
import { SearchMessagesRequestSchema } from "./search-messages.js";

/** The issues of a failed parse as `path: message` lines. */
function issues(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("ListPropertiesRequestSchema", () => {
  test("defaults and query-string numbers", () => {
    expect(ListPropertiesRequestSchema.parse({})).toEqual({ limit: 20 });
    expect(ListPropertiesRequestSchema.parse({ limit: "100", city: "Berlin" })).toEqual({
      limit: 100,
      city: "Berlin",
    });
  });

  test.each([[0], [101], [2.5], ["ten"], [""]])("limit %j is refused with the allowed range", (limit) => {
    expect(issues(ListPropertiesRequestSchema, { limit })).toEqual([
      "limit: limit must be a whole number from 1 to 100",
    ]);
  });

  test("unknown fields are refused (strict)", () => {
    expect(issues(ListPropertiesRequestSchema, { limt: 5 })[0]).toMatch(/limt/);
  });

  test("an empty cursor is refused", () => {
    expect(issues(ListPropertiesRequestSchema, { cursor: "" })[0]).toMatch(/^cursor: /);
  });
});

describe("ids", () => {
  test.each([
    [PropertyDetailsRequestSchema, "listing_id"],
    [BookingDetailsRequestSchema, "booking_id"],
    [GuestInfoRequestSchema, "booking_id"],
  ] as const)("%#: %s must be a positive whole number", (schema, field) => {
    expect(schema.parse({ [field]: "42" })).toEqual({ [field]: 42 });
    for (const bad of [0, -3, 1.5, "abc", null]) {
      expect(issues(schema, { [field]: bad })).toEqual([
        `${field}: ${field} must be a positive whole number (a Hostaway id)`,
      ]);
    }
    expect(issues(schema, {})).toHaveLength(1);
  });
});

describe("CheckAvailabilityRequestSchema", () => {
  const valid = { listing_id: 1, start_date: "2026-02-01", end_date: "2026-02-28" };

  test("accepts a range, including a single day and 366 days", () => {
    expect(CheckAvailabilityRequestSchema.parse(valid)).toEqual(valid);
    expect(CheckAvailabilityRequestSchema.safeParse({ ...valid, end_date: "2026-02-01" }).success).toBe(true);
    expect(CheckAvailabilityRequestSchema.safeParse({ ...valid, end_date: "2027-02-02" }).success).toBe(true);
  });

  test("refuses unreal dates, backwards ranges and ranges over 366 days", () => {
    expect(issues(CheckAvailabilityRequestSchema, { ...valid, start_date: "2026-02-30" })).toEqual([
      "start_date: start_date must be a real calendar date written YYYY-MM-DD",
    ]);
    expect(issues(CheckAvailabilityRequestSchema, { ...valid, end_date: "28/02/2026" })[0]).toMatch(
      /^end_date: /,
    );
    expect(issues(CheckAvailabilityRequestSchema, { ...valid, end_date: "2026-01-31" })).toEqual([
      "end_date: end_date must be on or after start_date",
    ]);
    expect(issues(CheckAvailabilityRequestSchema, { ...valid, end_date: "2027-02-03" })).toEqual([
      "end_date: end_date must be at most 366 days after start_date",
    ]);
  });
});

describe("SearchBookingsRequestSchema", () => {
  test("every filter, open channel and status", () => {
    const input = {
      guest_name: "García",
      guest_email: "guest@example.com",
      listing_id: "40160",
      arrival_start: "2026-01-01",
      arrival_end: "2026-01-31",
      departure_start: "2026-01-02",
      departure_end: "2026-02-28",
      channel: "someNewOta",
      status: "awaitingGuestVerification",
      limit: "5",
      cursor: "abc",
    };
    expect(SearchBookingsRequestSchema.parse(input)).toEqual({ ...input, listing_id: 40160, limit: 5 });
  });

  test("refuses backwards ranges and a bad email", () => {
    expect(
      issues(SearchBookingsRequestSchema, { arrival_start: "2026-02-01", arrival_end: "2026-01-01" }),
    ).toEqual(["arrival_end: arrival_end must be on or after arrival_start"]);
    expect(
      issues(SearchBookingsRequestSchema, { departure_start: "2026-02-01", departure_end: "2026-01-01" }),
    ).toEqual(["departure_end: departure_end must be on or after departure_start"]);
    expect(issues(SearchBookingsRequestSchema, { guest_email: "not-an-email" })).toEqual([
      "guest_email: guest_email must be an email address",
    ]);
  });
});

describe("FinancialReportRequestSchema", () => {
  test("defaults date_type to arrivalDate; listing ids from a list or comma text", () => {
    expect(FinancialReportRequestSchema.parse({ start_date: "2026-01-01", end_date: "2026-01-31" })).toEqual({
      start_date: "2026-01-01",
      end_date: "2026-01-31",
      date_type: "arrivalDate",
    });
    const parsed = FinancialReportRequestSchema.parse({
      start_date: "2026-01-01",
      end_date: "2026-01-31",
      listing_ids: "1, 2,3",
      date_type: "reservationDate",
    });
    expect(parsed.listing_ids).toEqual([1, 2, 3]);
    expect(
      FinancialReportRequestSchema.parse({
        start_date: "2026-01-01",
        end_date: "2026-01-31",
        listing_ids: ["4", 5],
      }).listing_ids,
    ).toEqual([4, 5]);
  });

  test("refuses more than 50 listings, a bad date_type and a backwards range", () => {
    const range = { start_date: "2026-01-01", end_date: "2026-01-31" };
    expect(
      issues(FinancialReportRequestSchema, {
        ...range,
        listing_ids: Array.from({ length: 51 }, (_, i) => i + 1),
      }),
    ).toEqual(["listing_ids: listing_ids must hold 0 to 50 items"]);
    expect(issues(FinancialReportRequestSchema, { ...range, date_type: "checkIn" })[0]).toMatch(
      /^date_type: .*arrivalDate.*departureDate.*reservationDate/,
    );
    expect(
      issues(FinancialReportRequestSchema, { start_date: "2026-02-01", end_date: "2026-01-01" }),
    ).toEqual(["end_date: end_date must be on or after start_date"]);
    expect(issues(FinancialReportRequestSchema, { ...range, listing_ids: "1,x" })).toEqual([
      "listing_ids.1: listing_ids must be a positive whole number (a Hostaway id)",
    ]);
  });
});

describe("SearchMessagesRequestSchema (= MessageSearchCriteria)", () => {
  test("defaults limit 50 and offset 0; channels from a list or comma text", () => {
    expect(SearchMessagesRequestSchema.parse({ guest_name: "Schmidt" })).toEqual({
      guest_name: "Schmidt",
      limit: 50,
      offset: 0,
    });
    expect(SearchMessagesRequestSchema.parse({ booking_id: 1, channels: "email,platform" }).channels).toEqual(
      ["email", "platform"],
    );
  });

  test("needs at least one criterion (channels alone is not one)", () => {
    const message =
      "booking_id: give at least one search criterion: booking_id, guest_name, start_date or end_date";
    expect(issues(SearchMessagesRequestSchema, {})).toEqual([message]);
    expect(issues(SearchMessagesRequestSchema, { channels: ["email"] })).toEqual([message]);
    expect(SearchMessagesRequestSchema.safeParse({ end_date: "2026-01-01" }).success).toBe(true);
  });

  test("end_date must not precede start_date", () => {
    expect(issues(SearchMessagesRequestSchema, { start_date: "2026-01-02", end_date: "2026-01-01" })).toEqual(
      ["end_date: end_date must be on or after start_date"],
    );
  });

  test("limit 1..1000, offset ≥ 0, known channels only", () => {
    expect(issues(SearchMessagesRequestSchema, { booking_id: 1, limit: 1001 })).toEqual([
      "limit: limit must be a whole number from 1 to 1000",
    ]);
    expect(SearchMessagesRequestSchema.safeParse({ booking_id: 1, limit: 1000 }).success).toBe(true);
    expect(issues(SearchMessagesRequestSchema, { booking_id: 1, offset: -1 })).toEqual([
      "offset: offset must be a whole number of at least 0",
    ]);
    expect(issues(SearchMessagesRequestSchema, { booking_id: 1, channels: ["fax"] })[0]).toMatch(
      /^channels.0: .*email.*sms.*whatsapp.*platform.*in_app.*other/,
    );
    expect(issues(SearchMessagesRequestSchema, { booking_id: 1, channels: [] })).toEqual([
      "channels: channels must hold 1 to 6 items",
    ]);
    expect(issues(SearchMessagesRequestSchema, { booking_id: 1, channels: { email: true } })).toEqual([
      "channels: channels must be a list",
    ]);
  });
});

describe("ConversationHistoryRequestSchema", () => {
  test("defaults", () => {
    expect(ConversationHistoryRequestSchema.parse({ booking_id: 7 })).toEqual({
      booking_id: 7,
      limit: 50,
      offset: 0,
      include_scheduled: false,
    });
  });

  test.each([
    ["true", true],
    ["1", true],
    [true, true],
    ["false", false],
    ["0", false],
    [false, false],
  ])("include_scheduled %j → %j", (input, expected) => {
    expect(
      ConversationHistoryRequestSchema.parse({ booking_id: 7, include_scheduled: input }).include_scheduled,
    ).toBe(expected);
  });

  test("refuses a non-boolean include_scheduled", () => {
    expect(issues(ConversationHistoryRequestSchema, { booking_id: 7, include_scheduled: "yes" })).toEqual([
      "include_scheduled: include_scheduled must be true or false",
    ]);
  });
});

describe("batch requests", () => {
  test("1 to 50 positive ids", () => {
    expect(BatchPropertiesRequestSchema.parse({ property_ids: [1, "2"] })).toEqual({ property_ids: [1, 2] });
    expect(BatchBookingsRequestSchema.parse({ booking_ids: "3,4" })).toEqual({ booking_ids: [3, 4] });
    expect(BatchBookingsRequestSchema.parse({ booking_ids: 9 })).toEqual({ booking_ids: [9] });
    expect(issues(BatchPropertiesRequestSchema, { property_ids: [] })).toEqual([
      "property_ids: property_ids must hold 1 to 50 items",
    ]);
    expect(
      issues(BatchBookingsRequestSchema, { booking_ids: Array.from({ length: 51 }, (_, i) => i + 1) }),
    ).toEqual(["booking_ids: booking_ids must hold 1 to 50 items"]);
    expect(issues(BatchBookingsRequestSchema, { booking_ids: [1, -2] })).toEqual([
      "booking_ids.1: booking_ids must be a positive whole number (a Hostaway id)",
    ]);
    expect(issues(BatchBookingsRequestSchema, {})).toHaveLength(1);
  });
});
