import { describe, expect, test } from "vitest";
import { HostawayConversationSchema } from "../hostaway/conversation.js";
import { HostawayMessageSchema } from "../hostaway/message.js";
import { HostawayReservationSchema } from "../hostaway/reservation.js";
import { MessageSchema } from "../wire/message.js";
import {
  mapDeliveryStatus,
  mapMessage,
  mapMessageChannel,
  mapSenderType,
  messageTimestamp,
  platformFromChannel,
} from "./map-message.js";

const message = (fields: Record<string, unknown>) =>
  HostawayMessageSchema.parse({ id: 1, body: "hi", ...fields });

describe("timestamp: date, else sentChannelDate, else insertedOn, as ISO UTC with Z", () => {
  test("date wins", () => {
    const m = message({
      date: "2026-01-02 03:04:05",
      sentChannelDate: "2026-01-02 03:05:00",
      insertedOn: "2026-01-01 00:00:00",
    });
    expect(mapMessage(m).timestamp).toBe("2026-01-02T03:04:05Z");
  });

  test("then sentChannelDate", () => {
    const m = message({
      date: null,
      sentChannelDate: "2026-01-02 03:05:00",
      insertedOn: "2026-01-01 00:00:00",
    });
    expect(mapMessage(m).timestamp).toBe("2026-01-02T03:05:00Z");
  });

  test("then insertedOn", () => {
    expect(mapMessage(message({ insertedOn: "2026-01-01 00:00:00" })).timestamp).toBe("2026-01-01T00:00:00Z");
  });

  test("an unreadable date falls through to the next one", () => {
    const m = message({ date: "0000-00-00 00:00:00", insertedOn: "2026-01-01 00:00:00" });
    expect(mapMessage(m).timestamp).toBe("2026-01-01T00:00:00Z");
  });

  test("null when none is known", () => {
    expect(mapMessage(message({})).timestamp).toBeNull();
    expect(messageTimestamp({})).toBeNull();
  });
});

describe("channel from communicationType", () => {
  test.each([
    ["email", "email"],
    ["sms", "sms"],
    ["whatsapp", "whatsapp"],
    ["WhatsApp", "whatsapp"],
    ["channel", "platform"],
    ["in_app", "in_app"],
    ["carrierPigeon", "other"],
    ["", "other"],
    [undefined, "other"],
    [null, "other"],
  ])("%j → %s", (type, expected) => {
    expect(mapMessageChannel(type)).toBe(expected);
  });
});

describe("platform of channel messages, from the reservation's channel", () => {
  test.each([
    ["airbnb", "airbnb"],
    ["airbnbOfficial", "airbnb"],
    ["bookingcom", "bookingcom"],
    ["homeaway", "vrbo"],
    ["vrboical", "vrbo"],
    ["expedia", "expedia"],
    ["marriott", "marriott"],
    ["google", "google"],
    ["direct", null],
    ["someNewOta", null],
  ])("channelName %s → %j", (channelName, expected) => {
    const m = message({ communicationType: "channel" });
    expect(mapMessage(m, { channelName }).platform).toBe(expected);
  });

  test("falls back on the channel id", () => {
    expect(platformFromChannel(null, 2018)).toBe("airbnb");
    expect(platformFromChannel(undefined, 2005)).toBe("bookingcom");
    expect(platformFromChannel("unknown", 2002)).toBe("vrbo");
    expect(platformFromChannel(null, 2000)).toBeNull();
    expect(platformFromChannel(null, null)).toBeNull();
  });

  test("read from the reservation or the conversation's Reservation", () => {
    const m = message({ communicationType: "channel" });
    const reservation = HostawayReservationSchema.parse({ id: 9, channelName: "bookingcom" });
    expect(mapMessage(m, { reservation }).platform).toBe("bookingcom");
    const conversation = HostawayConversationSchema.parse({ id: 5, Reservation: { channelId: 2018 } });
    expect(mapMessage(m, { conversation }).platform).toBe("airbnb");
  });

  test("null when unknown, and null for non-platform messages", () => {
    expect(mapMessage(message({ communicationType: "channel" })).platform).toBeNull();
    expect(
      mapMessage(message({ communicationType: "email" }), { channelName: "airbnb" }).platform,
    ).toBeNull();
  });
});

describe("sender_type", () => {
  test.each([
    [{ isIncoming: 1 }, "guest"],
    [{ isIncoming: 1, communicationId: 77 }, "guest"],
    [{ isIncoming: 0, communicationId: 77 }, "system"],
    [{ isIncoming: 0, communicationId: null }, "property_manager"],
    [{ isIncoming: "0" }, "property_manager"],
    [{}, "property_manager"],
  ])("%j → %s", (fields, expected) => {
    expect(mapSenderType(message(fields))).toBe(expected);
  });
});

describe("delivery_status", () => {
  test.each([
    [{ status: "failed" }, "failed"],
    [{ status: "failed", isSeen: 1 }, "failed"],
    [{ status: "awaiting" }, "scheduled"],
    [{ status: "paused" }, "scheduled"],
    [{ status: "cancelled_by_user" }, "cancelled"],
    [{ status: "cancelled_by_system" }, "cancelled"],
    [{ status: "sent", isSeen: 1 }, "read"],
    [{ status: "sent", isSeen: 0, isIncoming: 1 }, "delivered"],
    [{ status: "sent", isSeen: 0, isIncoming: 0 }, "sent"],
    [{ isSeen: 1 }, "read"],
    [{ isIncoming: 1 }, "delivered"],
    [{}, "sent"],
    [{ status: "someNewStatus" }, "sent"],
  ])("%j → %s", (fields, expected) => {
    expect(mapDeliveryStatus(message(fields))).toBe(expected);
  });
});

describe("sender_name", () => {
  test("the guest's name for incoming messages", () => {
    expect(mapMessage(message({ isIncoming: 1 }), { guestName: "José García" }).sender_name).toBe(
      "José García",
    );
  });

  test("taken from the reservation, then the conversation's recipient", () => {
    const reservation = HostawayReservationSchema.parse({
      id: 2,
      guestFirstName: "Anna",
      guestLastName: "Schmidt",
    });
    expect(mapMessage(message({ isIncoming: 1 }), { reservation }).sender_name).toBe("Anna Schmidt");
    const conversation = HostawayConversationSchema.parse({ id: 5, recipientName: "John Smith" });
    expect(mapMessage(message({ isIncoming: 1 }), { conversation }).sender_name).toBe("John Smith");
  });

  test("null for outgoing messages and when unknown", () => {
    expect(mapMessage(message({ isIncoming: 0 }), { guestName: "José" }).sender_name).toBeNull();
    expect(mapMessage(message({ isIncoming: 1 })).sender_name).toBeNull();
  });
});

describe("ids, body and attachments", () => {
  test("ids come from the message, then the context", () => {
    const conversation = HostawayConversationSchema.parse({
      id: 1406,
      reservationId: 2,
      Reservation: { listingMapId: 40160 },
    });
    expect(mapMessage(message({}), { conversation })).toMatchObject({
      conversation_id: 1406,
      booking_id: 2,
      listing_id: 40160,
    });
    expect(
      mapMessage(message({ conversationId: 9, reservationId: 8, listingMapId: 7 }), { conversation }),
    ).toMatchObject({ conversation_id: 9, booking_id: 8, listing_id: 7 });
    const reservation = HostawayReservationSchema.parse({ id: 31, listingMapId: 0 });
    expect(mapMessage(message({}), { reservation })).toMatchObject({ booking_id: 31, listing_id: null });
  });

  test("a missing body is empty text; unicode and emoji are kept verbatim", () => {
    expect(mapMessage(HostawayMessageSchema.parse({ id: 3 })).content).toBe("");
    expect(mapMessage(message({ body: "Привет 👋 ¿qué tal?" })).content).toBe("Привет 👋 ¿qué tal?");
  });

  test("attachments: is_image from isImage, else from the MIME type", () => {
    const m = message({
      attachments: [
        { name: "a.pdf", url: "https://x/a.pdf", mimeType: "application/pdf", isImage: 0 },
        { name: "b.png", url: "https://x/b.png", mimeType: "image/png", isImage: null },
        { name: "c", url: "https://x/c" },
      ],
    });
    expect(mapMessage(m).attachments.map((a) => a.is_image)).toEqual([false, true, null]);
  });

  test("every mapping validates against the strict schema", () => {
    const m = message({
      isIncoming: 1,
      isSeen: 1,
      communicationType: "channel",
      date: "2026-01-01 10:00:00",
    });
    expect(
      MessageSchema.safeParse(mapMessage(m, { channelName: "airbnbOfficial", guestName: "G" })).success,
    ).toBe(true);
  });
});
