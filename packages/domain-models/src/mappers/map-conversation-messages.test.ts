import { expect, test } from "vitest";
import { HostawayConversationSchema } from "../hostaway/conversation.js";
import { HostawayMessageSchema } from "../hostaway/message.js";
import { mapConversationMessages } from "./map-conversation-messages.js";

const conversation = HostawayConversationSchema.parse({
  id: 10,
  reservationId: "20",
  recipientName: "Recipient Name",
  Reservation: { channelName: "airbnbOfficial", guestName: "Guest Name", listingMapId: 30 },
});

const messages = [
  { id: 3, isIncoming: 1, communicationType: "channel", insertedOn: "2026-01-03 09:00:00" },
  { id: 1, isIncoming: 0, communicationType: "email", date: "2026-01-01 09:00:00" },
  { id: 4, isIncoming: 0, communicationType: "email" },
  { id: 2, isIncoming: 0, communicationType: "sms", date: "2026-01-03 09:00:00" },
].map((fields) => HostawayMessageSchema.parse(fields));

test("maps oldest first, ties broken by id, unknown times last", () => {
  expect(mapConversationMessages(conversation, messages).map((m) => m.id)).toEqual([1, 2, 3, 4]);
});

test("the conversation supplies platform, guest name and ids", () => {
  const incoming = mapConversationMessages(conversation, messages).find((m) => m.id === 3);
  expect(incoming).toMatchObject({
    channel: "platform",
    platform: "airbnb",
    sender_type: "guest",
    sender_name: "Guest Name",
    conversation_id: 10,
    booking_id: 20,
    listing_id: 30,
  });
});

test("without messages, the conversation's embedded latest message is used", () => {
  const withEmbedded = HostawayConversationSchema.parse({
    id: 10,
    conversationMessages: [{ id: 326, body: "hello guest", insertedOn: "2018-06-28 11:24:40" }],
  });
  expect(mapConversationMessages(withEmbedded).map((m) => m.content)).toEqual(["hello guest"]);
  expect(mapConversationMessages(HostawayConversationSchema.parse({ id: 1 }))).toEqual([]);
});

test("extra context applies to every message", () => {
  const bare = HostawayConversationSchema.parse({ id: 1 });
  const [mapped] = mapConversationMessages(bare, [HostawayMessageSchema.parse({ id: 5, isIncoming: 1 })], {
    guestName: "Anna",
  });
  expect(mapped?.sender_name).toBe("Anna");
});
