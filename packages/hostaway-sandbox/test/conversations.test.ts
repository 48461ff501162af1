import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, type SandboxMessage, startSandbox } from "../src/index.js";
import { readExample } from "./support/examples.js";
import { SandboxClient } from "./support/sandbox-client.js";

let sandbox: Sandbox;
let client: SandboxClient;

beforeAll(async () => {
  sandbox = await startSandbox({ rateLimits: false });
  client = new SandboxClient(sandbox);
  await client.authenticate();
});
afterAll(() => sandbox.close());

// biome-ignore lint/suspicious/noExplicitAny: response bodies are free-form JSON
async function conversationsOf(bookingId: number): Promise<any[]> {
  const response = await client.get(`/reservations/${bookingId}/conversations`);
  expect(response.status).toBe(200);
  return response.body.result;
}

async function messagesOf(conversationId: number, query = ""): Promise<SandboxMessage[]> {
  const items: SandboxMessage[] = [];
  for (let offset = 0; ; offset += 100) {
    const response = await client.get(
      `/conversations/${conversationId}/messages?limit=100&offset=${offset}&${query}`,
    );
    expect(response.status).toBe(200);
    items.push(...response.body.result);
    if (offset + 100 >= response.body.count) return items;
  }
}

const timeOf = (m: SandboxMessage) => m.date ?? m.sentChannelDate ?? m.insertedOn;

describe("conversation objects", () => {
  it("have the documented shape, with the capital-R Reservation and its string hostawayReservationId", async () => {
    const bookingId = sandbox.fixtures.bookings.hundredMessages;
    const [conversation] = await conversationsOf(bookingId);
    const example = readExample("conversations.object.json");
    for (const key of Object.keys(example)) expect(conversation).toHaveProperty(key);
    for (const key of Object.keys(example.Reservation)) expect(conversation.Reservation).toHaveProperty(key);
    for (const key of Object.keys(example.conversationMessages[0])) {
      expect(conversation.conversationMessages[0]).toHaveProperty(key);
    }
    expect(conversation.Reservation.hostawayReservationId).toBe(String(bookingId));
    expect(conversation.Reservation.id).toBe(bookingId);
    expect(conversation.reservationId).toBe(bookingId);
    const booking = sandbox.data.reservations.find((r) => r.id === bookingId);
    expect(conversation.recipientName).toBe(booking?.guestName);
  });

  it("embed the latest sent message in conversationMessages", async () => {
    const [conversation] = await conversationsOf(sandbox.fixtures.bookings.scheduledAndFailed);
    const [newest] = await messagesOf(conversation.id);
    expect(conversation.conversationMessages).toHaveLength(1);
    expect(conversation.conversationMessages[0].id).toBe(newest?.id);
    expect(conversation.conversationMessages[0]).not.toHaveProperty("status");
  });

  it("are listed by reservationId with paging, and fetched by id", async () => {
    const bookingId = sandbox.fixtures.bookings.twoConversations;
    const listed = await client.get(`/conversations?reservationId=${bookingId}&limit=1`);
    expect(listed.body).toMatchObject({ count: 2, limit: 1, offset: 0, totalPages: 2 });
    const one = await client.get(`/conversations/${listed.body.result[0].id}`);
    expect(one.body.result.id).toBe(listed.body.result[0].id);
    const everything = await client.get("/conversations?limit=1000");
    expect(everything.body.limit).toBe(100);
    expect(everything.body.count).toBe(sandbox.data.conversations.length);
    expect((await client.get(`/conversations/${sandbox.fixtures.unknownConversationId}`)).status).toBe(404);
    expect(
      (await client.get(`/reservations/${sandbox.fixtures.unknownBookingId}/conversations`)).status,
    ).toBe(404);
  });
});

describe("messages", () => {
  it("come newest first, with count the total, and only sent ones by default", async () => {
    const [conversation] = await conversationsOf(sandbox.fixtures.bookings.scheduledAndFailed);
    const sent = await messagesOf(conversation.id);
    expect(sent.every((m) => m.status === "sent")).toBe(true);
    const every = await messagesOf(conversation.id, "includeScheduledMessages=1");
    expect(every.length).toBe(sent.length + 3);
    expect(new Set(every.map((m) => m.status))).toEqual(
      new Set(["sent", "awaiting", "failed", "cancelled_by_user"]),
    );
    const keys = every.map((m) => `${m.insertedOn}#${String(m.id).padStart(12, "0")}`);
    expect(keys).toEqual([...keys].sort().reverse());
  });

  it("have the documented fields, zone-less UTC datetimes and 0/1 flags", async () => {
    const example = readExample("conversations.message.object.json");
    const [conversation] = await conversationsOf(sandbox.fixtures.bookings.allChannels);
    const messages = await messagesOf(conversation.id);
    const datetime = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
    for (const message of messages) {
      for (const key of Object.keys(example)) expect(message).toHaveProperty(key);
      expect(message.insertedOn).toMatch(datetime);
      if (message.date !== null) expect(message.date).toMatch(datetime);
      expect([0, 1]).toContain(message.isIncoming);
      expect([0, 1]).toContain(message.isSeen);
    }
  });

  it("are fetched one by one, and only within their own conversation", async () => {
    const [first] = await conversationsOf(sandbox.fixtures.bookings.emoji);
    const [second] = await conversationsOf(sandbox.fixtures.bookings.allChannels);
    const [message] = await messagesOf(first.id);
    const one = await client.get(`/conversations/${first.id}/messages/${message?.id}`);
    expect(one.body.result).toEqual(message);
    expect((await client.get(`/conversations/${second.id}/messages/${message?.id}`)).status).toBe(404);
    expect(
      (await client.get(`/conversations/${first.id}/messages/${sandbox.fixtures.unknownMessageId}`)).status,
    ).toBe(404);
  });
});

describe("fixtures (docs/architecture.md)", () => {
  it.each([
    ["hundredMessages", 100],
    ["twoHundredFiftyMessages", 250],
  ] as const)(
    "%s: one conversation with exactly %i sent messages, paged newest first",
    async (name, count) => {
      const conversations = await conversationsOf(sandbox.fixtures.bookings[name]);
      expect(conversations).toHaveLength(1);
      const first = await client.get(`/conversations/${conversations[0].id}/messages?limit=100`);
      expect(first.body).toMatchObject({ count, limit: 100, totalPages: Math.ceil(count / 100) });
      const messages = await messagesOf(conversations[0].id, "includeScheduledMessages=1");
      expect(messages).toHaveLength(count);
      expect(messages.every((m) => m.status === "sent")).toBe(true);
      expect(new Set(messages.map((m) => m.id)).size).toBe(count);
      expect(new Set(messages.map((m) => m.isIncoming))).toEqual(new Set([0, 1]));
    },
  );

  it("twoConversations: an email and a channel conversation whose messages interleave", async () => {
    const conversations = await conversationsOf(sandbox.fixtures.bookings.twoConversations);
    expect(conversations).toHaveLength(2);
    const threads = await Promise.all(conversations.map((c) => messagesOf(c.id)));
    const types = threads.map((thread) => new Set(thread.map((m) => m.communicationType)));
    expect(types).toEqual(expect.arrayContaining([new Set(["email"]), new Set(["channel"])]));
    const merged = threads
      .flatMap((thread, i) => thread.map((m) => ({ i, time: timeOf(m) })))
      .sort((a, b) => a.time.localeCompare(b.time));
    const switches = merged.filter((m, k) => k > 0 && merged[k - 1]?.i !== m.i).length;
    expect(switches).toBeGreaterThanOrEqual(4);
  });

  it("noMessages: a booking with no conversation at all", async () => {
    expect(await conversationsOf(sandbox.fixtures.bookings.noMessages)).toEqual([]);
    const listed = await client.get(`/conversations?reservationId=${sandbox.fixtures.bookings.noMessages}`);
    expect(listed.body).toMatchObject({ count: 0, result: [] });
  });

  it("scheduledAndFailed: awaiting, failed, cancelled_by_user and automation messages", async () => {
    const [conversation] = await conversationsOf(sandbox.fixtures.bookings.scheduledAndFailed);
    const messages = await messagesOf(conversation.id, "includeScheduledMessages=1");
    const awaiting = messages.find((m) => m.status === "awaiting");
    expect(awaiting?.communicationId).not.toBeNull();
    expect(timeOf(awaiting as SandboxMessage) > "2026-11-20 12:00:00").toBe(true);
    expect(messages.some((m) => m.status === "failed" && m.communicationType === "sms")).toBe(true);
    expect(messages.some((m) => m.status === "cancelled_by_user")).toBe(true);
    expect(
      messages.some((m) => m.status === "sent" && m.communicationId !== null && m.isIncoming === 0),
    ).toBe(true);
  });

  it("accentedGuest and similarNameGuest: José García and Jose Garcia Lopez, with messages", async () => {
    const { accentedGuest, similarNameGuest } = sandbox.fixtures.bookings;
    const guest = (id: number) => sandbox.data.reservations.find((r) => r.id === id)?.guestName;
    expect(guest(accentedGuest)).toBe("José García");
    expect(guest(similarNameGuest)).toBe("Jose Garcia Lopez");
    for (const id of [accentedGuest, similarNameGuest]) {
      const [conversation] = await conversationsOf(id);
      expect((await messagesOf(conversation.id)).length).toBeGreaterThan(0);
    }
  });

  it("sharedSurnameA/B: Anna Schmidt and Lukas Schmidt, each with messages", async () => {
    const { sharedSurnameA, sharedSurnameB } = sandbox.fixtures.bookings;
    const names = [sharedSurnameA, sharedSurnameB].map(
      (id) => sandbox.data.reservations.find((r) => r.id === id)?.guestName,
    );
    expect(names).toEqual(["Anna Schmidt", "Lukas Schmidt"]);
    for (const id of [sharedSurnameA, sharedSurnameB]) {
      const [conversation] = await conversationsOf(id);
      expect((await messagesOf(conversation.id)).length).toBeGreaterThan(0);
    }
  });

  it("emoji: messages with emoji and non-Latin text survive the round trip", async () => {
    const [conversation] = await conversationsOf(sandbox.fixtures.bookings.emoji);
    const bodies = (await messagesOf(conversation.id)).map((m) => m.body).join("\n");
    expect(bodies).toContain("👨‍👩‍👧‍👦");
    expect(bodies).toMatch(/\p{Script=Hiragana}|\p{Script=Katakana}/u);
    expect(bodies).toMatch(/\p{Script=Cyrillic}/u);
    expect(bodies).toMatch(/\p{Script=Arabic}/u);
  });

  it("allChannels: email, sms, whatsapp and channel in one Airbnb booking, with date fallbacks", async () => {
    const bookingId = sandbox.fixtures.bookings.allChannels;
    expect(sandbox.data.reservations.find((r) => r.id === bookingId)?.channelId).toBe(2018);
    const [conversation] = await conversationsOf(bookingId);
    const messages = await messagesOf(conversation.id);
    expect(new Set(messages.map((m) => m.communicationType))).toEqual(
      new Set(["email", "sms", "whatsapp", "channel"]),
    );
    expect(messages.some((m) => m.date === null && m.sentChannelDate !== null)).toBe(true);
    expect(messages.some((m) => m.date === null && m.sentChannelDate === null)).toBe(true);
    expect(messages.some((m) => m.attachments.length > 0)).toBe(true);
  });
});
