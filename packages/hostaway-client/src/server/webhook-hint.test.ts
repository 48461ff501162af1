import { describe, expect, it } from "vitest";
import { interpretWebhook } from "./webhook-hint.js";

describe("interpretWebhook", () => {
  it("expires a message's conversation and booking (the envelope public receivers see)", () => {
    const hint = interpretWebhook({
      object: "conversationMessage",
      event: "message.received",
      accountId: 10450,
      data: { id: 991, conversationId: 1406, reservationId: 4711, body: "Hello", isIncoming: 1 },
    });
    expect(hint).toEqual({
      kind: "expire",
      event: "message.received",
      invalidation: { conversationId: 1406, bookingId: 4711 },
      expired: ["conversation:1406", "booking:4711"],
    });
  });

  it("accepts eventType and payload.data, and ids sent as strings", () => {
    const hint = interpretWebhook({
      eventType: "message.received",
      payload: { data: { conversationId: "1406", reservationId: "4711" } },
    });
    expect(hint).toMatchObject({ kind: "expire", invalidation: { conversationId: 1406, bookingId: 4711 } });
  });

  it("expires a reservation by its Hostaway id (not its channel reservationId), its calendar and, when new, the lists", () => {
    const reservation = { id: 4711, reservationId: "HMABCDEF", listingMapId: 40160, guestName: "Anna" };
    expect(
      interpretWebhook({ object: "reservation", event: "reservation.updated", data: reservation }),
    ).toEqual({
      kind: "expire",
      event: "reservation.updated",
      invalidation: { bookingId: 4711, calendarOf: 40160 },
      expired: ["booking:4711", "calendar:40160"],
    });
    expect(interpretWebhook({ event: "reservation.created", data: reservation })).toMatchObject({
      invalidation: { bookingId: 4711, calendarOf: 40160, reservationLists: true },
      expired: ["booking:4711", "calendar:40160", "reservation lists"],
    });
  });

  it("falls back to objectId: the unified log's {object, objectId, event} triple", () => {
    expect(
      interpretWebhook({ object: "reservation", objectId: 77, event: "reservation.updated" }),
    ).toMatchObject({
      invalidation: { bookingId: 77 },
    });
    expect(
      interpretWebhook({ object: "conversation", objectId: 12, event: "message.received" }),
    ).toMatchObject({
      invalidation: { conversationId: 12 },
    });
    // A message's own id is not a conversation's.
    expect(
      interpretWebhook({ object: "conversationMessage", objectId: 991, event: "message.received" }),
    ).toMatchObject({
      kind: "ignored",
    });
  });

  it.each([
    ["null", null],
    ["an array", [1, 2]],
    ["a string", "test"],
    ["no event", { object: "reservation", data: { id: 1 } }],
    ["an unknown event", { event: "listing.updated", data: { id: 1 } }],
    ["a test ping", { event: "reservation.updated", data: "test" }],
    ["a reservation without an id", { event: "reservation.created", data: { id: -3 } }],
    ["a message without ids", { event: "message.received", data: { conversationId: 1.5 } }],
  ])("ignores %s", (_label, body) => {
    expect(interpretWebhook(body)).toMatchObject({ kind: "ignored", reason: expect.any(String) });
  });
});
