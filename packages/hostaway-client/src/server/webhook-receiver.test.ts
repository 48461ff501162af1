import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { Invalidation } from "../create-client.js";
import {
  createWebhookReceiver,
  MAX_WEBHOOK_BODY_BYTES,
  type WebhookReceiverOptions,
} from "./webhook-receiver.js";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

const CREDENTIALS = { login: "hook-user", password: "s3cret-hook-password" };
const basic = (login: string, password: string) =>
  `Basic ${Buffer.from(`${login}:${password}`).toString("base64")}`;
const GOOD = basic(CREDENTIALS.login, CREDENTIALS.password);

async function receiver(overrides: Partial<WebhookReceiverOptions> = {}) {
  const expired: Invalidation[] = [];
  const logs: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const handler = createWebhookReceiver({
    credentials: CREDENTIALS,
    invalidate: async (what) => {
      expired.push(what);
    },
    logger: {
      debug: (fields, message) => logs.push({ level: "debug", fields, message }),
      warn: (fields, message) => logs.push({ level: "warn", fields, message }),
    },
    ...overrides,
  });
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/hostaway`;
  const post = async (body: unknown, headers: Record<string, string> = { authorization: GOOD }) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    return {
      status: response.status,
      headers: response.headers,
      // biome-ignore lint/suspicious/noExplicitAny: answers are free-form JSON
      body: (await response.json()) as any,
    };
  };
  return { url, post, expired, logs };
}

const MESSAGE_EVENT = {
  object: "conversationMessage",
  event: "message.received",
  data: {
    id: 5,
    conversationId: 1406,
    reservationId: 4711,
    body: "Do you have a crib?",
    guestEmail: "anna@example.com",
  },
};

describe("createWebhookReceiver", () => {
  it("expires the message's conversation and booking, and answers 200 naming only ids", async () => {
    const { post, expired, logs } = await receiver();
    const answer = await post(MESSAGE_EVENT);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      status: "ok",
      event: "message.received",
      expired: ["conversation:1406", "booking:4711"],
    });
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(expired).toEqual([{ conversationId: 1406, bookingId: 4711 }]);
    // Neither the message text nor the guest's contact data reach a log line.
    expect(JSON.stringify(logs)).not.toMatch(/crib|anna@example/);
  });

  it("treats duplicates and out-of-order deliveries alike: each only expires entries again", async () => {
    const { post, expired } = await receiver();
    const updated = { event: "reservation.updated", data: { id: 4711, listingMapId: 40160 } };
    const created = { event: "reservation.created", data: { id: 4711, listingMapId: 40160 } };
    for (const event of [MESSAGE_EVENT, updated, created, MESSAGE_EVENT, updated]) {
      expect((await post(event)).status).toBe(200);
    }
    expect(expired).toHaveLength(5);
    expect(expired[2]).toEqual({ bookingId: 4711, calendarOf: 40160, reservationLists: true });
  });

  it("acknowledges garbage and unknown events with 200, logging them at debug", async () => {
    const { post, expired, logs } = await receiver();
    for (const body of [
      "{not json",
      "",
      "[]",
      JSON.stringify({ event: "listing.deleted" }),
      "\u0000\u0001",
    ]) {
      const answer = await post(body);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ status: "ok", ignored: expect.any(String) });
    }
    expect(expired).toEqual([]);
    expect(logs.filter((line) => line.level === "debug")).toHaveLength(5);
  });

  it("refuses wrong or missing credentials with 401 and a Basic challenge, expiring nothing", async () => {
    const { post, expired } = await receiver();
    for (const headers of [
      {} as Record<string, string>,
      { authorization: basic("hook-user", "wrong") },
      { authorization: "Bearer x" },
    ]) {
      const answer = await post(MESSAGE_EVENT, headers);
      expect(answer.status).toBe(401);
      expect(answer.headers.get("www-authenticate")).toMatch(/^Basic realm="hostaway-webhook"/);
      expect(answer.body.error).toMatchObject({ type: "unauthorized" });
    }
    expect(expired).toEqual([]);
  });

  it("limits guessing per address (429), yet the right credentials still pass", async () => {
    const { post } = await receiver({ failedAuthLimit: 2 });
    const wrong = { authorization: basic("hook-user", "guess") };
    expect((await post(MESSAGE_EVENT, wrong)).status).toBe(401);
    expect((await post(MESSAGE_EVENT, wrong)).status).toBe(401);
    const limited = await post(MESSAGE_EVENT, wrong);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await post(MESSAGE_EVENT)).status).toBe(200);
  });

  it("answers 404 when not configured, whatever is sent", async () => {
    const { post, url } = await receiver({ credentials: undefined });
    expect((await post(MESSAGE_EVENT)).status).toBe(404);
    expect((await fetch(url)).status).toBe(404);
  });

  it("answers 405 with Allow: POST for another method", async () => {
    const { url } = await receiver();
    const response = await fetch(url, { method: "PUT", headers: { authorization: GOOD }, body: "{}" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });

  it("refuses a body over 1 MB with 413, stated or streamed", async () => {
    const { post, url, expired } = await receiver();
    const big = JSON.stringify({ ...MESSAGE_EVENT, padding: "x".repeat(MAX_WEBHOOK_BODY_BYTES) });
    expect((await post(big)).status).toBe(413);
    // Chunked, without Content-Length: counted as it arrives.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 12; i++) controller.enqueue(new Uint8Array(100 * 1024));
        controller.close();
      },
    });
    const streamed = await fetch(url, {
      method: "POST",
      headers: { authorization: GOOD },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(expired).toEqual([]);
  });

  it("answers without waiting for an expiry that hangs, and 200 when it fails, never throwing", async () => {
    // The expiry never settles: an answer at all shows the receiver stops waiting (after answerWithinMs, 800 ms
    // by default, so Hostaway hears back within its 1 s).
    const hanging = await receiver({ invalidate: () => new Promise(() => {}), answerWithinMs: 20 });
    const slow = await hanging.post(MESSAGE_EVENT);
    expect(slow.status).toBe(200);
    expect(hanging.logs.some((line) => line.level === "warn")).toBe(true);

    const failing = await receiver({
      invalidate: async () => {
        throw new Error("store down: redis://user:secret@host");
      },
    });
    const answer = await failing.post(MESSAGE_EVENT);
    expect(answer.status).toBe(200);
    expect(JSON.stringify(failing.logs)).not.toContain("secret");
  });
});
