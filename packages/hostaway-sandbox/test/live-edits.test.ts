import { beforeEach, describe, expect, it } from "vitest";
import type { SandboxConversation, SandboxMessage, SandboxReservation } from "../src/index.js";
import { formatDateTime } from "../src/util/dates.js";
import { readExample } from "./support/examples.js";
import { useLiveSandbox } from "./support/live-sandbox.js";

const live = useLiveSandbox();
beforeEach(() => live.tick());

const nowText = () => formatDateTime(live.clock);

// biome-ignore lint/suspicious/noExplicitAny: response bodies are free-form JSON
async function conversationsOf(bookingId: number): Promise<any[]> {
  const response = await live.client.get(`/reservations/${bookingId}/conversations`);
  expect(response.status).toBe(200);
  return response.body.result;
}

async function reservation(id: number): Promise<SandboxReservation> {
  const response = await live.client.get(`/reservations/${id}`);
  expect(response.status).toBe(200);
  return response.body.result;
}

async function firstIds(query: string, limit = 1): Promise<number[]> {
  const response = await live.client.get(`/reservations?limit=${limit}&${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body.result as SandboxReservation[]).map((r) => r.id);
}

describe("addMessage", () => {
  it("records a guest message everywhere Hostaway would show it", async () => {
    const bookingId = live.sandbox.fixtures.bookings.sharedSurnameA;
    const [conversation] = await conversationsOf(bookingId);
    const before = await live.client.get(`/conversations/${conversation.id}/messages?limit=5`);
    const booking = live.sandbox.data.reservations.find((r) => r.id === bookingId) as SandboxReservation;
    expect(await firstIds("sortOrder=latestActivityDesc")).not.toEqual([bookingId]);

    const message = live.sandbox.addMessage({
      reservationId: bookingId,
      body: "Is early check-in possible?",
    });

    expect(message).toMatchObject({
      conversationId: conversation.id,
      reservationId: bookingId,
      listingMapId: booking.listingMapId,
      accountId: 10450,
      body: "Is early check-in possible?",
      isIncoming: 1,
      isSeen: 0,
      sentUsingHostaway: 0,
      status: "sent",
      communicationType: "email",
      communicationId: null,
      date: nowText(),
      sentChannelDate: null,
      insertedOn: nowText(),
      updatedOn: nowText(),
      attachments: [],
    });
    expect(message.hash).toMatch(/^[0-9a-f]{32}$/);
    for (const key of Object.keys(readExample("conversations.message.object.json")))
      expect(message).toHaveProperty(key);
    expect(message.id).toBeGreaterThan(Math.max(...live.sandbox.data.messages.slice(0, -1).map((m) => m.id)));

    const after = await live.client.get(`/conversations/${conversation.id}/messages?limit=5`);
    expect(after.body.count).toBe(before.body.count + 1);
    expect(after.body.result[0]).toEqual(message);
    expect(after.body.result.slice(1, 5)).toEqual(before.body.result.slice(0, 4));
    const one = await live.client.get(`/conversations/${conversation.id}/messages/${message.id}`);
    expect(one.body.result).toEqual(message);

    const updated = (await live.client.get(`/conversations/${conversation.id}`)).body.result;
    expect(updated).toMatchObject({ messageReceivedOn: nowText(), hasUnreadMessages: 1 });
    expect(updated.messageSentOn).toBe(conversation.messageSentOn);
    expect(updated.conversationMessages).toHaveLength(1);
    expect(updated.conversationMessages[0]).toMatchObject({
      id: message.id,
      body: message.body,
      isIncoming: 1,
    });
    expect(updated.Reservation.id).toBe(bookingId);

    expect((await reservation(bookingId)).latestActivityOn).toBe(nowText());
    expect(await firstIds("sortOrder=latestActivityDesc")).toEqual([bookingId]);
    expect(await firstIds("sortOrder=lastConversationMessageReceivedDesc")).toEqual([bookingId]);
    expect(await firstIds(`hasUnreadConversationMessages=1&match=anna schmidt`)).toEqual([bookingId]);
    const listing = (await live.client.get(`/listings/${booking.listingMapId}`)).body.result;
    expect(listing.latestActivityOn).toBe(nowText());
    const listings = await live.client.get("/listings?sortOrder=latestActivityDesc&limit=1");
    expect(listings.body.result[0].id).toBe(booking.listingMapId);
    const conversationList = await live.client.get("/conversations?limit=1");
    expect(conversationList.body.result[0].id).toBe(conversation.id);

    // live.sandbox.data shows the edit too.
    expect(live.sandbox.data.messages.at(-1)).toEqual(message);
    expect(live.sandbox.data.conversations.find((c) => c.id === conversation.id)?.messageReceivedOn).toBe(
      nowText(),
    );
    expect(booking.latestActivityOn).toBe(nowText());
  });

  it("records a host message in a given conversation with its own type and date", async () => {
    const bookingId = live.sandbox.fixtures.bookings.twoConversations;
    const conversations = await conversationsOf(bookingId);
    const channel = conversations.find((c) => c.type === "host-guest-channel");
    const at = formatDateTime(live.clock + 5_000);
    const message = live.sandbox.addMessage({
      conversationId: channel.id,
      reservationId: bookingId,
      body: "See you tomorrow!",
      isIncoming: false,
      communicationType: "sms",
      date: new Date(live.clock + 5_000).toISOString(),
    });
    expect(message).toMatchObject({
      isIncoming: 0,
      sentUsingHostaway: 1,
      communicationType: "sms",
      date: at,
      sentChannelDate: at,
      insertedOn: at,
      airbnbThreadMessageId: null,
    });
    const updated = (await live.client.get(`/conversations/${channel.id}`)).body.result;
    expect(updated.messageSentOn).toBe(at);
    expect(updated.messageReceivedOn).toBe(channel.messageReceivedOn);
    expect(updated.hasUnreadMessages).toBe(channel.hasUnreadMessages);
    expect(updated.conversationMessages[0].id).toBe(message.id);
    expect((await reservation(bookingId)).latestActivityOn).toBe(at);
    expect(await firstIds("sortOrder=lastConversationMessageSentDesc")).toEqual([bookingId]);
    // The other conversation of the booking is untouched.
    const other = conversations.find((c) => c.id !== channel.id);
    expect((await live.client.get(`/conversations/${other.id}`)).body.result).toEqual(other);
  });

  it("defaults to the conversation's usual communication type", async () => {
    const emoji = live.sandbox.addMessage({
      reservationId: live.sandbox.fixtures.bookings.emoji,
      body: "ありがとう 🙏",
    });
    expect(emoji.communicationType).toBe("whatsapp");
    const airbnb = live.sandbox.addMessage({
      reservationId: live.sandbox.fixtures.bookings.hundredMessages,
      body: "Hi",
    });
    expect(airbnb.communicationType).toBe("channel");
    expect(airbnb.airbnbThreadMessageId).toMatch(/^\d+$/);
    const list = await live.client.get(`/conversations/${airbnb.conversationId}/messages?limit=1`);
    expect(list.body).toMatchObject({ count: 101, result: [airbnb] });
  });

  it("keeps an older message in its place without moving the conversation's times back", async () => {
    const bookingId = live.sandbox.fixtures.bookings.sharedSurnameB;
    const [conversation] = await conversationsOf(bookingId);
    const booking = await reservation(bookingId);
    const message = live.sandbox.addMessage({
      conversationId: conversation.id,
      body: "(an old message, delivered late)",
      date: "2020-01-01 10:00:00",
    });
    expect(message.date).toBe("2020-01-01 10:00:00");
    const all = await live.client.get(`/conversations/${conversation.id}/messages?limit=100`);
    expect(all.body.result.at(-1).id).toBe(message.id);
    const updated = (await live.client.get(`/conversations/${conversation.id}`)).body.result;
    expect(updated.messageReceivedOn).toBe(conversation.messageReceivedOn);
    expect(updated.hasUnreadMessages).toBe(1);
    expect((await reservation(bookingId)).latestActivityOn).toBe(booking.latestActivityOn);
  });

  it("opens a conversation for a booking that has none", async () => {
    const bookingId = live.sandbox.fixtures.bookings.noMessages;
    const before = await live.client.get("/conversations?limit=1");
    const message = live.sandbox.addMessage({
      reservationId: bookingId,
      body: "Hello, is parking included?",
    });
    const conversations = await conversationsOf(bookingId);
    expect(conversations).toHaveLength(1);
    const booking = await reservation(bookingId);
    expect(conversations[0]).toMatchObject({
      id: message.conversationId,
      reservationId: bookingId,
      listingMapId: booking.listingMapId,
      recipientName: booking.guestName,
      hasUnreadMessages: 1,
      messageReceivedOn: nowText(),
      messageSentOn: null,
    });
    expect(conversations[0].hostEmail).toMatch(/^c-[0-9a-f]{32}@host\./);
    expect(["host-guest-email", "host-guest-channel"]).toContain(conversations[0].type);
    expect(message.communicationType).toBe(
      conversations[0].type === "host-guest-channel" ? "channel" : "email",
    );
    const after = await live.client.get("/conversations?limit=1");
    expect(after.body.count).toBe(before.body.count + 1);
    expect(after.body.result[0].id).toBe(message.conversationId);
    // The next message goes to the same conversation.
    const reply = live.sandbox.addMessage({
      reservationId: bookingId,
      body: "Yes, one spot.",
      isIncoming: false,
    });
    expect(reply.conversationId).toBe(message.conversationId);
    const conversation = live.sandbox.data.conversations.at(-1) as SandboxConversation;
    expect(conversation).toMatchObject({ id: message.conversationId, messageSentOn: nowText() });
  });

  it.each([
    [{ body: "x" }, 'needs a "conversationId" or a "reservationId"'],
    [{ reservationId: 1, body: "" }, '"body" must be a non-empty string'],
    [{ reservationId: 1 }, '"body" must be a non-empty string'],
    [{ reservationId: 9_999_999, body: "x" }, "reservation 9999999 does not exist"],
    [{ conversationId: 9_999_998, body: "x" }, "conversation 9999998 does not exist"],
    [{ reservationId: 1, body: "x", isIncoming: "yes" }, '"isIncoming" must be a boolean'],
    [{ reservationId: 1, body: "x", communicationType: "fax" }, '"communicationType" must be one of'],
    [{ reservationId: 1, body: "x", date: "yesterday" }, '"date" must be YYYY-MM-DD HH:MM:SS'],
  ])("refuses %j", (input, message) => {
    const count = live.sandbox.data.messages.length;
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    expect(() => live.sandbox.addMessage(input as any)).toThrow(message);
    expect(live.sandbox.data.messages.length).toBe(count);
  });

  it("refuses a conversation of another booking, and no input at all", () => {
    const conversation = live.sandbox.data.conversations[0] as SandboxConversation;
    const other = live.sandbox.data.reservations.find(
      (r) => r.id !== conversation.reservationId,
    ) as SandboxReservation;
    expect(() =>
      live.sandbox.addMessage({ conversationId: conversation.id, reservationId: other.id, body: "x" }),
    ).toThrow(`belongs to reservation ${conversation.reservationId}`);
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    expect(() => live.sandbox.addMessage(null as any)).toThrow(TypeError);
  });
});

describe("updateReservation", () => {
  it("patches the booking and shows it in get, list and the conversations' Reservation", async () => {
    const bookingId = live.sandbox.fixtures.bookings.accentedGuest;
    const before = await reservation(bookingId);
    const arrivalDate = "2026-12-10";
    const returned = live.sandbox.updateReservation(bookingId, {
      guestNote: "We bring a dog",
      status: "modified",
      arrivalDate,
      departureDate: "2026-12-14",
    });
    expect(returned).toMatchObject({
      id: bookingId,
      guestNote: "We bring a dog",
      status: "modified",
      arrivalDate,
      departureDate: "2026-12-14",
      nights: 4,
      updatedOn: nowText(),
      latestActivityOn: nowText(),
      guestName: before.guestName,
    });
    const got = await reservation(bookingId);
    expect(got).toEqual({ ...before, ...returned });
    expect(got).toEqual(returned);

    // Default order is updatedOn DESC: it comes first; also first by latest activity.
    expect(await firstIds("")).toEqual([bookingId]);
    expect(await firstIds("sortOrder=latestActivityDesc")).toEqual([bookingId]);
    const listed = await live.client.get("/reservations?match=garcía");
    expect(listed.body.result.find((r: SandboxReservation) => r.id === bookingId)).toMatchObject({
      guestNote: "We bring a dog",
      status: "modified",
      arrivalDate,
    });
    expect(
      await firstIds(
        `arrivalStartDate=${arrivalDate}&arrivalEndDate=${arrivalDate}&listingId=${got.listingMapId}`,
      ),
    ).toEqual([bookingId]);

    const [conversation] = await conversationsOf(bookingId);
    expect(conversation.Reservation).toMatchObject({
      guestNote: "We bring a dog",
      status: "modified",
      arrivalDate,
      nights: 4,
      updatedOn: nowText(),
      hostawayReservationId: String(bookingId),
    });
    const calendar = await live.client.get(
      `/listings/${got.listingMapId}/calendar?startDate=2026-12-10&endDate=2026-12-13`,
    );
    expect(calendar.body.result.map((day: { status: string }) => day.status)).toEqual(
      Array(4).fill("reserved"),
    );
    expect(live.sandbox.data.reservations.find((r) => r.id === bookingId)?.guestNote).toBe("We bring a dog");
  });

  it("keeps the conversations' copies of the guest and listing in step", async () => {
    const bookingId = live.sandbox.fixtures.bookings.emoji;
    const before = await reservation(bookingId);
    const otherListing = live.sandbox.fixtures.listingIds.find((id) => id !== before.listingMapId) as number;
    live.sandbox.updateReservation(bookingId, {
      guestName: "Yuki Tanaka",
      guestEmail: "yuki@example.jp",
      listingMapId: otherListing,
    });
    const [conversation] = await conversationsOf(bookingId);
    expect(conversation).toMatchObject({
      recipientName: "Yuki Tanaka",
      recipientEmail: "yuki@example.jp",
      listingMapId: otherListing,
    });
    expect(conversation.Reservation.listingMapId).toBe(otherListing);
    const messages = await live.client.get(`/conversations/${conversation.id}/messages?limit=100`);
    expect(messages.body.result.every((m: SandboxMessage) => m.listingMapId === otherListing)).toBe(true);
    expect(await firstIds("match=tanaka")).toEqual([bookingId]);
    expect(await firstIds(`listingId=${otherListing}&sortOrder=latestActivityDesc`)).toEqual([bookingId]);
    expect((await live.client.get(`/listings/${otherListing}`)).body.result.latestActivityOn).toBe(nowText());
  });

  it("lets the patch set the timestamps itself", async () => {
    const bookingId = live.sandbox.fixtures.bookings.similarNameGuest;
    const result = live.sandbox.updateReservation(bookingId, {
      isStarred: 1,
      updatedOn: "2026-01-01 00:00:00",
    });
    expect(result).toMatchObject({
      isStarred: 1,
      updatedOn: "2026-01-01 00:00:00",
      latestActivityOn: nowText(),
    });
    expect((await reservation(bookingId)).updatedOn).toBe("2026-01-01 00:00:00");
  });

  it.each([
    [9_999_999, {}, "reservation 9999999 does not exist"],
    [null, null, "the patch must be an object"],
    [null, [], "the patch must be an object"],
    [null, { id: 1 }, '"id" cannot change'],
    [null, { listingMapId: 999_999 }, "listing 999999 does not exist"],
    [null, { arrivalDate: "2026-02-30" }, '"arrivalDate" must be a date as YYYY-MM-DD'],
    [null, { departureDate: 20261201 }, '"departureDate" must be a date as YYYY-MM-DD'],
    [null, { arrivalDate: "2030-01-01" }, "is before"],
  ])("refuses %j %j", (id, patch, message) => {
    const target = id ?? (live.sandbox.fixtures.bookingIds[0] as number);
    const before = JSON.stringify(live.sandbox.data.reservations);
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    expect(() => live.sandbox.updateReservation(target, patch as any)).toThrow(message);
    expect(JSON.stringify(live.sandbox.data.reservations)).toBe(before);
  });
});

describe("POST /v1/conversations/{id}/messages", () => {
  it("records a sent host message, through the same path as addMessage", async () => {
    const bookingId = live.sandbox.fixtures.bookings.allChannels;
    const [conversation] = await conversationsOf(bookingId);
    const before = await live.client.get(`/conversations/${conversation.id}/messages?limit=1`);
    const response = await live.client.postJson(`/conversations/${conversation.id}/messages`, {
      body: "Your door code is 4821.",
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: "success" });
    const sent = response.body.result as SandboxMessage;
    expect(sent).toMatchObject({
      conversationId: conversation.id,
      reservationId: bookingId,
      body: "Your door code is 4821.",
      communicationType: "email",
      isIncoming: 0,
      sentUsingHostaway: 1,
      status: "sent",
      date: nowText(),
    });
    const after = await live.client.get(`/conversations/${conversation.id}/messages?limit=1`);
    expect(after.body.count).toBe(before.body.count + 1);
    expect(after.body.result).toEqual([sent]);
    const updated = (await live.client.get(`/conversations/${conversation.id}`)).body.result;
    expect(updated.messageSentOn).toBe(nowText());
    expect(updated.conversationMessages[0].id).toBe(sent.id);
    expect((await reservation(bookingId)).latestActivityOn).toBe(nowText());
    expect(live.sandbox.stats().byRoute["POST /v1/conversations/:id/messages"]).toBe(1);
  });

  it("takes communicationType, a text/plain JSON body (as the docs' examples send) and a form", async () => {
    const [conversation] = await conversationsOf(live.sandbox.fixtures.bookings.allChannels);
    const path = `/conversations/${conversation.id}/messages`;
    const channel = await live.client.postJson(path, { body: "via Airbnb", communicationType: "channel" });
    expect(channel.body.result).toMatchObject({ communicationType: "channel", body: "via Airbnb" });
    const plain = await live.client.send("POST", path, {
      token: live.client.token,
      body: JSON.stringify({ body: "plain", communicationType: "whatsapp" }),
      contentType: "text/plain",
    });
    expect(plain.body.result).toMatchObject({ communicationType: "whatsapp", body: "plain" });
    const form = await live.client.post(path, "body=from+a+form&communicationType=sms");
    expect(form.body.result).toMatchObject({ communicationType: "sms", body: "from a form" });
    const list = await live.client.get(`${path}?limit=3`);
    expect(list.body.result.map((m: SandboxMessage) => m.body)).toEqual([
      "from a form",
      "plain",
      "via Airbnb",
    ]);
  });

  it.each([
    [{}, '"body" is required'],
    [{ body: "" }, '"body" is required'],
    [{ body: 42 }, 'Invalid "body": expected a string, got 42'],
    [
      { body: "x", communicationType: "fax" },
      'Invalid "communicationType": expected one of email, channel, sms, whatsapp',
    ],
    [["body"], "must be a JSON object"],
  ])("answers 400 for %j", async (body, message) => {
    const [conversation] = await conversationsOf(live.sandbox.fixtures.bookings.allChannels);
    const count = live.sandbox.data.messages.length;
    const response = await live.client.postJson(`/conversations/${conversation.id}/messages`, body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ status: "fail", result: expect.stringContaining(message) });
    expect(live.sandbox.data.messages.length).toBe(count);
  });

  it("answers 400 for a body that is not JSON, 404 for an unknown conversation and 403 without a token", async () => {
    const [conversation] = await conversationsOf(live.sandbox.fixtures.bookings.allChannels);
    const path = `/conversations/${conversation.id}/messages`;
    const garbage = await live.client.send("POST", path, {
      token: live.client.token,
      body: "{body:",
      contentType: "text/plain",
    });
    expect(garbage.status).toBe(400);
    expect(garbage.body.result).toContain("must be JSON");
    const broken = await live.client.send("POST", path, {
      token: live.client.token,
      body: "{",
      contentType: "application/json",
    });
    expect(broken.status).toBe(400);
    const unknown = await live.client.postJson(
      `/conversations/${live.sandbox.fixtures.unknownConversationId}/messages`,
      {
        body: "x",
      },
    );
    expect(unknown.status).toBe(404);
    expect((await live.client.postJson(path, { body: "x" }, null)).status).toBe(403);
  });
});
