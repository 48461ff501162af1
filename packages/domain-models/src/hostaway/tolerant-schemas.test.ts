import { describe, expect, test } from "vitest";
import { z } from "zod";
import { HostawayAccessTokenSchema } from "./access-token.js";
import { HostawayCalendarDaySchema } from "./calendar-day.js";
import { HostawayConversationSchema } from "./conversation.js";
import { HostawayEnvelopeSchema, hostawayEnvelope } from "./envelope.js";
import { HostawayFinanceReportSchema } from "./finance-report.js";
import { HostawayListingSchema } from "./listing.js";
import { HostawayMessageSchema } from "./message.js";
import { HostawayReservationSchema } from "./reservation.js";

describe("tolerant object schemas", () => {
  test.each([
    ["listing", HostawayListingSchema],
    ["reservation", HostawayReservationSchema],
    ["conversation", HostawayConversationSchema],
    ["message", HostawayMessageSchema],
  ] as const)("a %s needs only its id; everything else may be missing", (_name, schema) => {
    expect(schema.parse({ id: 7 })).toEqual({ id: 7 });
    expect(schema.parse({ id: "7" }).id).toBe(7);
  });

  test.each([
    ["listing", HostawayListingSchema],
    ["reservation", HostawayReservationSchema],
    ["conversation", HostawayConversationSchema],
    ["message", HostawayMessageSchema],
  ] as const)("a %s without a readable id fails, naming `id`", (_name, schema) => {
    const result = schema.safeParse({ name: "x" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["id"]);
    expect(schema.safeParse({ id: "abc" }).success).toBe(false);
  });

  test("unknown fields are kept", () => {
    const listing = HostawayListingSchema.parse({ id: 1, brandNewField: { a: 1 } });
    expect((listing as Record<string, unknown>).brandNewField).toEqual({ a: 1 });
  });

  test("every optional field accepts null", () => {
    const reservation = HostawayReservationSchema.parse({
      id: 1,
      guestName: null,
      arrivalDate: null,
      reservationDate: null,
      isPaid: null,
      totalPrice: null,
      financeField: null,
    });
    expect(reservation).toMatchObject({
      guestName: null,
      arrivalDate: null,
      isPaid: null,
      financeField: null,
    });
  });

  test("enums are open: unknown statuses and channels pass through", () => {
    const reservation = HostawayReservationSchema.parse({
      id: 1,
      status: "awaitingGuestVerification",
      channelName: "someNewOta",
      channelId: "2099",
    });
    expect(reservation).toMatchObject({
      status: "awaitingGuestVerification",
      channelName: "someNewOta",
      channelId: 2099,
    });
    const message = HostawayMessageSchema.parse({
      id: 1,
      communicationType: "carrierPigeon",
      status: "queued",
    });
    expect(message).toMatchObject({ communicationType: "carrierPigeon", status: "queued" });
  });

  test("quirky values are normalised, odd ones become null rather than failing the object", () => {
    const listing = HostawayListingSchema.parse({
      id: "40160",
      price: "211.62",
      instantBookable: "1",
      personCapacity: "six",
      latestActivityOn: "2024-01-02 03:04:05",
      listingImages: [{ url: "https://x/1.jpg" }, "garbage"],
    });
    expect(listing).toMatchObject({
      id: 40160,
      price: 211.62,
      instantBookable: true,
      personCapacity: null,
      latestActivityOn: "2024-01-02T03:04:05Z",
    });
    expect(listing.listingImages).toEqual([{ url: "https://x/1.jpg" }]);
  });

  test("a conversation with a broken Reservation keeps the rest", () => {
    const conversation = HostawayConversationSchema.parse({ id: 1, reservationId: "2", Reservation: "oops" });
    expect(conversation).toMatchObject({ id: 1, reservationId: 2, Reservation: null });
  });

  test("a calendar day needs a real date", () => {
    expect(HostawayCalendarDaySchema.parse({ date: "2026-01-01" }).date).toBe("2026-01-01");
    const result = HostawayCalendarDaySchema.safeParse({ date: "2026-02-30", status: "available" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["date"]);
  });

  test("a finance report needs columns; missing rows become an empty list", () => {
    expect(HostawayFinanceReportSchema.parse({ columns: [] }).rows).toEqual([]);
    expect(HostawayFinanceReportSchema.safeParse({ rows: [] }).success).toBe(false);
  });

  test("the access token needs a token", () => {
    expect(HostawayAccessTokenSchema.safeParse({ token_type: "Bearer" }).success).toBe(false);
    expect(HostawayAccessTokenSchema.parse({ access_token: "t", expires_in: "3600" }).expires_in).toBe(3600);
  });
});

describe("envelope (REFERENCE.md §3, §4, §10.4)", () => {
  test("pagination fields are optional and a string count is a number", () => {
    expect(HostawayEnvelopeSchema.parse({ status: "success", result: [], count: "1" })).toMatchObject({
      count: 1,
    });
    expect(HostawayEnvelopeSchema.parse({ status: "success", result: [] }).count).toBeUndefined();
  });

  test("hostawayEnvelope types the result", () => {
    const schema = hostawayEnvelope(z.array(HostawayListingSchema));
    const parsed = schema.parse({ status: "success", result: [{ id: "1" }], limit: 100, offset: null });
    expect(parsed.result[0]?.id).toBe(1);
    expect(parsed).toMatchObject({ limit: 100, offset: null });
    expect(schema.safeParse({ status: "fail", result: "Listing not found" }).success).toBe(false);
  });
});
