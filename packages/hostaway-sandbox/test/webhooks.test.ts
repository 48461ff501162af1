import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type WebhookDelivery } from "../src/index.js";
import { useLiveSandbox } from "./support/live-sandbox.js";
import { refusedUrl, WebhookReceiver } from "./support/webhook-receiver.js";

const live = useLiveSandbox();
let receiver: WebhookReceiver;

beforeEach(async () => {
  live.tick();
  receiver = await WebhookReceiver.start();
});
afterEach(async () => {
  await live.sandbox.flushWebhooks();
  live.sandbox.configureWebhook(null);
  await receiver.close();
});

const basic = (login: string, password: string) =>
  `Basic ${Buffer.from(`${login}:${password}`).toString("base64")}`;
const newDeliveries = (before: number): WebhookDelivery[] => live.sandbox.webhookDeliveries().slice(before);

describe("webhook delivery", () => {
  it("POSTs message.received with Basic auth and the message, after addMessage has returned", async () => {
    live.sandbox.configureWebhook({ url: receiver.url, login: "hook-user", password: "s3cret" });
    const before = live.sandbox.webhookDeliveries().length;
    const message = live.sandbox.addMessage({
      reservationId: live.sandbox.fixtures.bookings.sharedSurnameA,
      body: "Hallo!",
    });
    expect(receiver.received).toHaveLength(0);
    expect(newDeliveries(before)).toEqual([]);

    await live.sandbox.flushWebhooks();
    expect(receiver.received).toHaveLength(1);
    const [hook] = receiver.received;
    expect(hook?.method).toBe("POST");
    expect(hook?.path).toBe("/hooks/hostaway");
    expect(hook?.headers["content-type"]).toBe("application/json");
    expect(hook?.headers.authorization).toBe(basic("hook-user", "s3cret"));
    expect(hook?.json).toEqual({
      object: "conversationMessage",
      event: "message.received",
      accountId: 10450,
      data: message,
    });
    expect(hook?.json.data).toMatchObject({
      id: message.id,
      conversationId: message.conversationId,
      reservationId: live.sandbox.fixtures.bookings.sharedSurnameA,
      listingMapId: message.listingMapId,
      body: "Hallo!",
      isIncoming: 1,
      communicationType: "email",
    });
    expect(newDeliveries(before)).toEqual([
      { event: "message.received", objectId: message.id, status: 200, at: live.clock, attempt: 1 },
    ]);
  });

  it("POSTs reservation.updated with the full reservation", async () => {
    live.sandbox.configureWebhook({ url: receiver.url, login: "hook-user", password: "s3cret" });
    const bookingId = live.sandbox.fixtures.bookings.accentedGuest;
    live.sandbox.updateReservation(bookingId, { status: "cancelled", cancelledBy: "guest" });
    await live.sandbox.flushWebhooks();
    const current = (await live.client.get(`/reservations/${bookingId}`)).body.result;
    expect(receiver.received.map((r) => r.json)).toEqual([
      { object: "reservation", event: "reservation.updated", accountId: 10450, data: current },
    ]);
    expect(current).toMatchObject({
      status: "cancelled",
      cancelledBy: "guest",
      hostProxyEmail: expect.any(String),
    });
    expect(live.sandbox.webhookDeliveries().at(-1)).toMatchObject({
      event: "reservation.updated",
      objectId: bookingId,
      status: 200,
    });
  });

  it("fires for messages sent through POST /v1/conversations/{id}/messages, in the order of the edits", async () => {
    live.sandbox.configureWebhook({ url: receiver.url });
    const bookingId = live.sandbox.fixtures.bookings.twoConversations;
    const [conversation] = (await live.client.get(`/reservations/${bookingId}/conversations`)).body.result;
    const first = live.sandbox.addMessage({ conversationId: conversation.id, body: "one" });
    const sent = await live.client.postJson(`/conversations/${conversation.id}/messages`, { body: "two" });
    live.sandbox.updateReservation(bookingId, { guestNote: "three" });
    await live.sandbox.flushWebhooks();
    expect(
      receiver.received.map((r) => [r.json.event, r.json.data.id, r.json.data.body ?? r.json.data.guestNote]),
    ).toEqual([
      ["message.received", first.id, "one"],
      ["message.received", sent.body.result.id, "two"],
      ["reservation.updated", bookingId, "three"],
    ]);
    expect(receiver.received[1]?.json.data).toMatchObject({ isIncoming: 0, sentUsingHostaway: 1 });
    // No login/password configured: no Authorization header.
    expect(receiver.received.every((r) => r.headers.authorization === undefined)).toBe(true);
  });

  it("sends Basic auth only when both login and password are set", async () => {
    live.sandbox.configureWebhook({ url: receiver.url, login: "only-login" });
    live.sandbox.addMessage({ reservationId: live.sandbox.fixtures.bookings.emoji, body: "a" });
    await live.sandbox.flushWebhooks();
    expect(receiver.received[0]?.headers.authorization).toBeUndefined();
  });

  it("stops after configureWebhook(null)", async () => {
    live.sandbox.configureWebhook({ url: receiver.url });
    live.sandbox.configureWebhook(null);
    const before = live.sandbox.webhookDeliveries().length;
    live.sandbox.addMessage({ reservationId: live.sandbox.fixtures.bookings.emoji, body: "b" });
    await live.sandbox.flushWebhooks();
    expect(receiver.received).toHaveLength(0);
    expect(newDeliveries(before)).toEqual([]);
  });
});

describe("failing receivers", () => {
  it("records a non-2xx answer and does not retry by default", async () => {
    receiver.statuses = [500];
    live.sandbox.configureWebhook({ url: receiver.url });
    const before = live.sandbox.webhookDeliveries().length;
    const message = live.sandbox.addMessage({
      reservationId: live.sandbox.fixtures.bookings.emoji,
      body: "c",
    });
    await live.sandbox.flushWebhooks();
    expect(receiver.received).toHaveLength(1);
    expect(newDeliveries(before)).toEqual([
      { event: "message.received", objectId: message.id, status: 500, at: live.clock, attempt: 1 },
    ]);
  });

  it("records a refused connection as an error, never throwing at the edit", async () => {
    live.sandbox.configureWebhook({ url: await refusedUrl() });
    const before = live.sandbox.webhookDeliveries().length;
    const message = live.sandbox.addMessage({
      reservationId: live.sandbox.fixtures.bookings.emoji,
      body: "d",
    });
    expect(message.body).toBe("d");
    await live.sandbox.flushWebhooks();
    const [delivery] = newDeliveries(before);
    expect(delivery).toMatchObject({
      event: "message.received",
      objectId: message.id,
      status: "error",
      attempt: 1,
    });
    expect(delivery?.error).toMatch(/ECONNREFUSED/);
  });

  it("records a receiver that does not answer within timeoutMs", async () => {
    receiver.hang = true;
    live.sandbox.configureWebhook({ url: receiver.url, timeoutMs: 50 });
    const before = live.sandbox.webhookDeliveries().length;
    live.sandbox.updateReservation(live.sandbox.fixtures.bookings.emoji, { isPinned: 1 });
    await live.sandbox.flushWebhooks();
    expect(newDeliveries(before)).toEqual([
      expect.objectContaining({ status: "error", error: "no answer within 50 ms" }),
    ]);
  });

  it("retries transient failures (5xx, 429, no answer) when asked, but not other 4xx", async () => {
    receiver.statuses = [503, 429, 200];
    live.sandbox.configureWebhook({ url: receiver.url, retries: 3, retryDelayMs: 5 });
    let before = live.sandbox.webhookDeliveries().length;
    live.sandbox.addMessage({ reservationId: live.sandbox.fixtures.bookings.emoji, body: "e" });
    await live.sandbox.flushWebhooks();
    expect(newDeliveries(before).map((d) => [d.attempt, d.status])).toEqual([
      [1, 503],
      [2, 429],
      [3, 200],
    ]);
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);

    receiver.statuses = [400];
    before = live.sandbox.webhookDeliveries().length;
    live.sandbox.addMessage({ reservationId: live.sandbox.fixtures.bookings.emoji, body: "f" });
    await live.sandbox.flushWebhooks();
    expect(newDeliveries(before).map((d) => d.status)).toEqual([400]);

    live.sandbox.configureWebhook({ url: await refusedUrl(), retries: 1 });
    before = live.sandbox.webhookDeliveries().length;
    live.sandbox.addMessage({ reservationId: live.sandbox.fixtures.bookings.emoji, body: "g" });
    await live.sandbox.flushWebhooks();
    expect(newDeliveries(before).map((d) => [d.attempt, d.status])).toEqual([
      [1, "error"],
      [2, "error"],
    ]);
  });
});

describe("deliverWebhook", () => {
  it("sends any body after the queued deliveries and resolves with the status", async () => {
    live.sandbox.configureWebhook({ url: receiver.url, login: "hook-user", password: "s3cret" });
    const before = live.sandbox.webhookDeliveries().length;
    const message = live.sandbox.addMessage({
      reservationId: live.sandbox.fixtures.bookings.emoji,
      body: "h",
    });
    receiver.statuses = [200, 401, 202, 200];
    const stale = live.sandbox.deliverWebhook({
      object: "reservation",
      event: "reservation.updated",
      data: { id: 1 },
    });
    expect(await stale).toBe(401);
    expect(await live.sandbox.deliverWebhook("{not json", { login: "x", password: "y" })).toBe(202);
    expect(await live.sandbox.deliverWebhook(new TextEncoder().encode('"test"'), {})).toBe(200);

    expect(receiver.received.map((r) => r.body.slice(0, 20))).toEqual([
      JSON.stringify({ object: "conversationMessage", event: "message.received" }).slice(0, 20),
      '{"object":"reservati',
      "{not json",
      '"test"',
    ]);
    expect(receiver.received[0]?.json.data.id).toBe(message.id);
    expect(receiver.received.map((r) => r.headers.authorization)).toEqual([
      basic("hook-user", "s3cret"),
      basic("hook-user", "s3cret"),
      basic("x", "y"),
      undefined,
    ]);
    expect(receiver.received.every((r) => r.headers["content-type"] === "application/json")).toBe(true);
    // Only the fired event is recorded; deliverWebhook answers for itself.
    expect(newDeliveries(before)).toHaveLength(1);
  });

  it("rejects when no webhook is configured or nothing answers", async () => {
    await expect(live.sandbox.deliverWebhook({})).rejects.toThrow("No webhook is configured");
    live.sandbox.configureWebhook({ url: await refusedUrl() });
    await expect(live.sandbox.deliverWebhook({})).rejects.toThrow(/Webhook delivery failed: .*ECONNREFUSED/);
    live.sandbox.configureWebhook({ url: (await refusedUrl()).replace("http:", "https:") });
    await expect(live.sandbox.deliverWebhook({})).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe("configureWebhook", () => {
  it.each([
    [{ url: "not a url" }, "absolute http(s) URL"],
    [{ url: "ftp://example.com/hooks" }, "http: or https: URL"],
    [{ url: "http://127.0.0.1/", login: 42 }, "login must be a string"],
    [{ url: "http://127.0.0.1/", password: {} }, "password must be a string"],
    [{ url: "http://127.0.0.1/", timeoutMs: 0 }, "timeoutMs must be an integer ≥ 1"],
    [{ url: "http://127.0.0.1/", retries: -1 }, "retries must be an integer ≥ 0"],
    [{ url: "http://127.0.0.1/", retryDelayMs: 1.5 }, "retryDelayMs must be an integer ≥ 0"],
    ["http://127.0.0.1/", "takes { url, login?, password? } or null"],
  ])("refuses %j", (config, message) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    expect(() => live.sandbox.configureWebhook(config as any)).toThrow(message);
  });
});

describe("close()", () => {
  it("ends a hanging delivery and a retry wait, recording them as errors", async () => {
    const own = await startSandbox({ rateLimits: false });
    receiver.hang = true;
    own.configureWebhook({ url: receiver.url });
    own.addMessage({ reservationId: own.fixtures.bookings.emoji, body: "hanging" });
    own.addMessage({ reservationId: own.fixtures.bookings.emoji, body: "queued" });
    while (receiver.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await own.close();
    expect(own.webhookDeliveries().map((d) => [d.status, d.error])).toEqual([
      ["error", "the sandbox closed"],
      ["error", "the sandbox closed"],
    ]);
    expect(receiver.received).toHaveLength(1);

    const retrying = await startSandbox({ rateLimits: false });
    receiver.hang = false;
    receiver.statuses = [500];
    retrying.configureWebhook({ url: receiver.url, retries: 5, retryDelayMs: 60_000 });
    retrying.addMessage({ reservationId: retrying.fixtures.bookings.emoji, body: "retry later" });
    while (retrying.webhookDeliveries().length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const started = Date.now();
    await retrying.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(retrying.webhookDeliveries().map((d) => d.status)).toEqual([500]);
    await expect(retrying.deliverWebhook({})).rejects.toThrow("the sandbox closed");
  });
});
