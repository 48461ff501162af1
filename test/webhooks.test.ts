// Hostaway's webhook at both HTTP edges (issue 11): the sandbox delivers real events with Basic auth to
// `POST /webhooks/hostaway`, and the next history call shows what changed, at once. Each edge starts as its binary
// does, with the read cache on (its default) and the webhook credentials in its environment.
import type { ConversationThread } from "@hostaway-mcp/domain-models";
import { type Sandbox, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  answerText,
  type EdgeName,
  type StartedEdge,
  startEdge,
  upstreamEnvOf,
} from "./support/edge-servers.js";

const KEY = "webhook-table-key-0123456789";
const HOOK = { login: "hostaway-hook", password: "hook-password-0123456789" };
const EDGES: EdgeName[] = ["rest", "mcp"];
const basic = (login: string, password: string) =>
  `Basic ${Buffer.from(`${login}:${password}`).toString("base64")}`;

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ rateLimits: false });
});
afterEach(async () => {
  await sandbox.flushWebhooks();
  sandbox.configureWebhook(null);
});
afterAll(async () => {
  await sandbox?.close();
});

async function started(name: EdgeName, env: Record<string, string> = {}): Promise<StartedEdge> {
  const result = await startEdge(name, { ...upstreamEnvOf(sandbox), API_KEYS: KEY, ...env });
  if (result.kind === "exit") throw new Error(`${name} did not start: ${result.stderr}`);
  return result.edge;
}

/** A booking's history through the edge (REST route or MCP tool), as the wire thread. */
async function history(edge: StartedEdge, bookingId: number): Promise<ConversationThread> {
  const headers = edge.name === "rest" ? { "x-api-key": KEY } : { authorization: `Bearer ${KEY}` };
  const answer = await answerText(
    await edge.operation(
      "hostaway_get_conversation_history",
      { booking_id: bookingId, limit: 1000 },
      headers,
    ),
  );
  expect(answer.status).toBe(200);
  if (edge.name === "rest") return answer.body as ConversationThread;
  return (answer.body as { result: { structuredContent: ConversationThread } }).result.structuredContent;
}

const post = (edge: StartedEdge, body: string, headers: Record<string, string>) =>
  edge.raw({
    method: "POST",
    path: "/webhooks/hostaway",
    headers: { "content-type": "application/json", ...headers },
    body,
  });

describe.each(EDGES)("the %s edge's webhook receiver", (name) => {
  describe("configured", () => {
    let edge: StartedEdge;
    beforeAll(async () => {
      edge = await started(name, {
        HOSTAWAY_WEBHOOK_LOGIN: HOOK.login,
        HOSTAWAY_WEBHOOK_PASSWORD: HOOK.password,
      });
    });
    afterAll(() => edge?.close());

    it("expires a booking's thread on message.received: the next history call shows the new message", async () => {
      const bookingId = sandbox.fixtures.bookings.twoConversations;
      const before = await history(edge, bookingId);
      sandbox.configureWebhook({ url: `${edge.url}/webhooks/hostaway`, ...HOOK });
      const added = sandbox.addMessage({ reservationId: bookingId, body: `Late arrival via ${name}?` });
      await sandbox.flushWebhooks();
      expect(sandbox.webhookDeliveries().at(-1)).toMatchObject({ event: "message.received", status: 200 });

      const after = await history(edge, bookingId);
      expect(after.total_count).toBe(before.total_count + 1);
      expect(after.messages.at(-1)).toMatchObject({ id: added.id, content: `Late arrival via ${name}?` });
      expect(Date.parse(after.as_of)).toBeGreaterThanOrEqual(Date.parse(before.as_of));
    });

    it("expires a reservation on reservation.updated (guest renamed: the thread's context follows)", async () => {
      const bookingId = sandbox.fixtures.bookings.emoji;
      await history(edge, bookingId);
      sandbox.configureWebhook({ url: `${edge.url}/webhooks/hostaway`, ...HOOK });
      sandbox.updateReservation(bookingId, { guestName: `Renamed ${name}` });
      await sandbox.flushWebhooks();
      expect(sandbox.webhookDeliveries().at(-1)).toMatchObject({ event: "reservation.updated", status: 200 });
      expect((await history(edge, bookingId)).guest_name).toBe(`Renamed ${name}`);
    });

    it("refuses wrong credentials with 401, and API keys are no substitute", async () => {
      const wrong = await post(edge, "{}", { authorization: basic(HOOK.login, "wrong-password") });
      expect(wrong.status).toBe(401);
      expect(wrong.headers["www-authenticate"]).toMatch(/^Basic /);
      const keyed = await post(edge, "{}", { authorization: `Bearer ${KEY}` });
      expect(keyed.status).toBe(401);
      expect(edge.logs()).not.toContain(HOOK.password);
    });

    it("acknowledges garbage and unknown events with 200", async () => {
      const auth = { authorization: basic(HOOK.login, HOOK.password) };
      for (const body of ["not json at all", '{"event":"listing.created","data":{"id":1}}', "[1,2"]) {
        const answer = await post(edge, body, auth);
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.body)).toMatchObject({ status: "ok" });
      }
      // The server lives on and answers its API.
      expect((await history(edge, sandbox.fixtures.bookings.emoji)).booking_id).toBe(
        sandbox.fixtures.bookings.emoji,
      );
    });

    it("refuses a body over 1 MB with 413", async () => {
      const big = JSON.stringify({ event: "message.received", pad: "x".repeat(1024 * 1024) });
      const answer = await post(edge, big, { authorization: basic(HOOK.login, HOOK.password) });
      expect(answer.status).toBe(413);
    });
  });

  describe("not configured", () => {
    let edge: StartedEdge;
    beforeAll(async () => {
      edge = await started(name);
    });
    afterAll(() => edge?.close());

    it("answers 404, even to the right credentials", async () => {
      const answer = await post(edge, '{"event":"message.received"}', {
        authorization: basic(HOOK.login, HOOK.password),
      });
      expect(answer.status).toBe(404);
    });

    it("serves a cached history within the fresh window: the webhook is what makes a change visible at once", async () => {
      const bookingId = sandbox.fixtures.bookings.hundredMessages;
      const before = await history(edge, bookingId);
      sandbox.addMessage({ reservationId: bookingId, body: "unseen for up to 15 s" });
      const soon = await history(edge, bookingId);
      expect(soon.total_count).toBe(before.total_count);
      expect(soon.as_of).toBe(before.as_of);
    });
  });
});

describe("REST freshness headers", () => {
  let edge: StartedEdge;
  beforeAll(async () => {
    edge = await started("rest");
  });
  afterAll(() => edge?.close());

  it("marks an answer read upstream fwd=miss, and one served from cache a hit with its Age", async () => {
    const path = `/api/listings/${sandbox.fixtures.listingIds[3]}`;
    const first = await edge.raw({ path, headers: { "x-api-key": KEY } });
    expect(first.status).toBe(200);
    expect(first.headers["cache-status"]).toBe("hostaway-client; fwd=miss; stored");
    expect(first.headers.age).toBeUndefined();

    const second = await edge.raw({ path, headers: { "x-api-key": KEY } });
    expect(second.headers["cache-status"]).toBe("hostaway-client; hit");
    expect(Number(second.headers.age)).toBeGreaterThanOrEqual(0);
    expect(JSON.parse(second.body)).toEqual(JSON.parse(first.body));
  });

  it("sends no cache headers when nothing was read (input refused before any request)", async () => {
    const refused = await edge.raw({ path: "/api/listings/0", headers: { "x-api-key": KEY } });
    expect(refused.status).toBe(400);
    expect(refused.headers["cache-status"]).toBeUndefined();
  });
});
