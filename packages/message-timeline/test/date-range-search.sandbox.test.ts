import { createHostawayClient, type HostawayClient } from "@hostaway-mcp/hostaway-client";
import { type Sandbox, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchMessages } from "../src/index.js";

/**
 * Issue 12's complete date-range search, through the real client against the sandbox: "the last 7 days" returns
 * every matching message of every booking, compared with the sandbox's own data, and a search its deadline cuts
 * says exactly which bookings it did not read, and is completed by a second call from the cache.
 */

let sandbox: Sandbox;
const clients: HostawayClient[] = [];
const ANCHOR = "2026-11-20T12:00:00Z";

beforeAll(async () => {
  sandbox = await startSandbox({ rateLimits: false, anchorDate: ANCHOR });
});
afterAll(async () => {
  for (const client of clients) client.close();
  await sandbox?.close();
});

function client(): HostawayClient {
  const created = createHostawayClient({
    ...sandbox.credentials,
    baseUrl: sandbox.url,
    tokenActivationDelayMs: 0,
    rateLimit: { ip: 0, account: 0 },
  });
  clients.push(created);
  return created;
}

const day = (offsetDays: number) =>
  new Date(Date.parse(ANCHOR) + offsetDays * 86_400_000).toISOString().slice(0, 10);
const criteria = { start_date: day(-7), end_date: day(0), limit: 1000 };

/** The sandbox's own sent messages in the range, by booking: what a complete answer must hold. */
function truth(): Map<number, Set<number>> {
  const from = Date.parse(`${criteria.start_date}T00:00:00Z`);
  const to = Date.parse(`${criteria.end_date}T00:00:00Z`) + 86_400_000;
  const byBooking = new Map<number, Set<number>>();
  for (const message of sandbox.data.messages) {
    if (message.status !== "sent") continue;
    const raw = message.date ?? message.sentChannelDate ?? message.insertedOn;
    const at = Date.parse(`${String(raw).replace(" ", "T")}Z`);
    if (at < from || at >= to) continue;
    const ids = byBooking.get(message.reservationId) ?? new Set<number>();
    ids.add(message.id);
    byBooking.set(message.reservationId, ids);
  }
  return byBooking;
}

/** Every booking's returned message ids (the answer may page messages; limit 1000 holds them all). */
function answered(result: Awaited<ReturnType<typeof searchMessages>>): Map<number, Set<number>> {
  return new Map(
    result.successful_results.map((thread) => [
      thread.booking_id,
      new Set(thread.messages.map((message) => message.id)),
    ]),
  );
}

describe("a date-range search", () => {
  it("returns every matching message of all bookings with a message in the last 7 days", async () => {
    const expected = truth();
    expect(expected.size).toBeGreaterThanOrEqual(100);
    const result = await searchMessages(client(), criteria);
    expect(result.failed_items).toEqual([]);
    expect(answered(result)).toEqual(expected);
    expect(result.note).toBeNull();
  });

  it("reads the account's conversation list once instead of one list per booking", async () => {
    sandbox.resetStats();
    await searchMessages(client(), criteria);
    const routes = sandbox.stats().byRoute;
    // Conversations: a size read plus the account's pages of 100, not one read per booking.
    const conversationPages = Math.ceil(sandbox.data.conversations.length / 100);
    expect(routes["GET /v1/conversations"]).toBe(conversationPages + 1);
    // Messages: only conversations active since the start date are read.
    expect(routes["GET /v1/conversations/:id/messages"]).toBeLessThanOrEqual(truth().size + 10);
  });

  it("says exactly which bookings its deadline left unread; a second call completes it from the cache", async () => {
    const reader = client();
    await reader.authenticate();
    // Ten bookings' message pages hang: the deadline cuts exactly those, whatever the machine's speed.
    const stuck = [...truth().keys()].slice(0, 10);
    for (const conversation of sandbox.data.conversations.filter((c) => stuck.includes(c.reservationId))) {
      sandbox.injectFault({ path: `/v1/conversations/${conversation.id}/messages`, kind: "hang" });
    }
    sandbox.resetStats();
    try {
      const cut = await searchMessages(reader, criteria, { deadlineMs: 2000 });
      expect(cut.failed_items).toEqual([]);
      const unread =
        /before reading (\d+) of the (\d+) bookings that could hold matching messages: bookings ([\d, ]+)\./.exec(
          cut.note ?? "",
        );
      expect(unread, cut.note ?? "no note").not.toBeNull();
      const unreadIds = (unread?.[3] ?? "").split(", ").map(Number);
      expect([...unreadIds].sort()).toEqual([...stuck].sort());
      expect(cut.note).toContain("Ask again with the same criteria");
      // Nothing returned is wrong, and nothing unread is returned.
      const returned = answered(cut);
      for (const id of unreadIds) expect(returned.has(id)).toBe(false);
      for (const [bookingId, ids] of returned) expect(ids).toEqual(truth().get(bookingId));

      sandbox.clearFaults();
      sandbox.resetStats();
      const complete = await searchMessages(reader, criteria);
      expect(complete.note).toBeNull();
      expect(answered(complete)).toEqual(truth());
      // The second call reads only what the first did not: the stuck bookings' message pages (plus the
      // reservation pages once they are no longer fresh); the bookings already read cost nothing.
      const stuckConversations = sandbox.data.conversations.filter((c) =>
        stuck.includes(c.reservationId),
      ).length;
      expect(sandbox.stats().total).toBeLessThanOrEqual(stuckConversations + 2);
    } finally {
      sandbox.clearFaults();
    }
  });
});
