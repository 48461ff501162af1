import { ConversationThreadSchema, type HostawayMessage } from "@hostaway-mcp/domain-models";
import { HostawayNotFoundError } from "@hostaway-mcp/hostaway-client";
import { describe, expect, it } from "vitest";
import { FakeSource, messageSeries, type RawReservation } from "../test/fake-source.js";
import { getConversationHistory } from "./get-conversation-history.js";
import { TimelineValidationError } from "./timeline-validation-error.js";

const anna: RawReservation = {
  id: 7,
  guestName: "Anna Schmidt",
  listingMapId: 40160,
  listingName: "Sea View Loft",
  channelName: "airbnbOfficial",
  arrivalDate: "2026-11-10",
  departureDate: "2026-11-14",
};

describe("getConversationHistory", () => {
  it("merges two conversations of one booking into one timeline, oldest first", async () => {
    const source = new FakeSource(
      [anna],
      [
        {
          id: 100,
          reservationId: 7,
          messages: [
            { id: 1, date: "2026-11-01 09:00:00", body: "email one" },
            { id: 3, date: "2026-11-01 11:00:00", body: "email two" },
          ],
        },
        {
          id: 200,
          reservationId: 7,
          messages: [
            { id: 2, date: "2026-11-01 10:00:00", body: "airbnb one", communicationType: "channel" },
            { id: 4, date: "2026-11-01 12:00:00", body: "airbnb two", communicationType: "channel" },
          ],
        },
      ],
    );
    const thread = await getConversationHistory(source, 7);
    expect(ConversationThreadSchema.parse(thread)).toEqual(thread);
    expect(thread.messages.map((message) => message.content)).toEqual([
      "email one",
      "airbnb one",
      "email two",
      "airbnb two",
    ]);
    expect(thread.conversation_ids).toEqual([100, 200]);
    expect(thread.channels_used).toEqual(["email", "platform"]);
    expect(thread.messages[1]).toMatchObject({
      channel: "platform",
      platform: "airbnb",
      conversation_id: 200,
    });
    expect(thread).toMatchObject({ total_count: 4, offset: 0, limit: 50, has_more: false });
  });

  it("says how current it is: as_of is the oldest read behind its messages, or the call time without readAt", async () => {
    const conversations = [
      { id: 100, reservationId: 7, messages: messageSeries(3, 1) },
      { id: 200, reservationId: 7, messages: messageSeries(2, 10) },
    ];
    const listedAt = Date.parse("2026-11-20T12:00:30Z");
    const pageAt = (call: { method: string; id: number }) =>
      call.method === "conversations.list"
        ? listedAt
        : call.id === 200
          ? Date.parse("2026-11-20T12:00:05Z") // a cached page, proven current 25 s before the list
          : listedAt;
    const cached = await getConversationHistory(new FakeSource([anna], conversations, { readAt: pageAt }), 7);
    expect(cached.as_of).toBe("2026-11-20T12:00:05.000Z");

    const before = Date.now();
    const live = await getConversationHistory(new FakeSource([anna], conversations), 7);
    const asOf = Date.parse(live.as_of);
    expect(asOf).toBeGreaterThanOrEqual(before);
    expect(asOf).toBeLessThanOrEqual(Date.now());
    expect(ConversationThreadSchema.parse(live).as_of).toMatch(/Z$/);
  });

  it("takes the booking context from the conversation's embedded Reservation, without a reservation lookup", async () => {
    const source = new FakeSource([anna], [{ id: 100, reservationId: 7, messages: messageSeries(3, 1) }]);
    const thread = await getConversationHistory(source, 7);
    expect(thread).toMatchObject({
      booking_id: 7,
      guest_name: "Anna Schmidt",
      listing_id: 40160,
      listing_name: "Sea View Loft",
      arrival_date: "2026-11-10",
      departure_date: "2026-11-14",
      channel_name: "airbnbOfficial",
    });
    expect(source.count("reservations.get")).toBe(0);
    expect(source.calls.map((call) => call.method)).toEqual(["conversations.list", "conversations.messages"]);
  });

  it("falls back on the reservation when the conversation embeds none", async () => {
    const source = new FakeSource([anna], [{ id: 100, reservationId: 7, messages: messageSeries(2, 1) }], {
      omitEmbeddedReservation: true,
    });
    const thread = await getConversationHistory(source, 7);
    expect(thread.guest_name).toBe("Anna Schmidt");
    expect(source.count("reservations.get")).toBe(1);
  });

  it("never copies the guest's email or phone into the thread", async () => {
    const source = new FakeSource([anna], [{ id: 100, reservationId: 7, messages: messageSeries(2, 1) }]);
    const json = JSON.stringify(await getConversationHistory(source, 7));
    expect(json).not.toContain("guest@example.com");
    expect(json).not.toContain("170 0000000");
  });

  it("returns an empty thread for a booking without any conversation", async () => {
    const source = new FakeSource([anna], []);
    const thread = await getConversationHistory(source, 7);
    expect(thread).toMatchObject({
      booking_id: 7,
      guest_name: "Anna Schmidt",
      conversation_ids: [],
      channels_used: [],
      total_count: 0,
      has_more: false,
      messages: [],
    });
  });

  it("rethrows the source's not-found error for an unknown booking", async () => {
    const source = new FakeSource([anna], []);
    const failure = getConversationHistory(source, 999);
    await expect(failure).rejects.toBeInstanceOf(HostawayNotFoundError);
    await expect(failure).rejects.toMatchObject({ errorType: "not_found" });
  });

  it("pages a 250-message thread (limit 60) with no gap and no duplicate", async () => {
    const source = new FakeSource(
      [anna],
      [{ id: 100, reservationId: 7, messages: messageSeries(250, 1000) }],
    );
    const seen: number[] = [];
    let offset = 0;
    for (;;) {
      const page = await getConversationHistory(source, 7, { limit: 60, offset });
      expect(page.total_count).toBe(250);
      seen.push(...page.messages.map((message) => message.id));
      if (!page.has_more) break;
      offset += page.messages.length;
    }
    expect(seen).toEqual(Array.from({ length: 250 }, (_, index) => 1000 + index));
  });

  it("reads the remaining pages of every conversation concurrently once the counts are known", async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const source = new FakeSource([anna], [{ id: 100, reservationId: 7, messages: messageSeries(250, 1) }], {
      async beforeCall(call) {
        if (call.method !== "conversations.messages") return;
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
      },
    });
    const thread = await getConversationHistory(source, 7, { limit: 1000 });
    expect(thread.total_count).toBe(250);
    const offsets = source.calls
      .filter((call) => call.method === "conversations.messages")
      .map((call) => (call.query as { offset: number }).offset);
    expect(offsets).toEqual([0, 100, 200]);
    expect(mostInFlight).toBe(2);
  });

  it("leaves no gap when the upstream caps pages below 100", async () => {
    const source = new FakeSource([anna], [{ id: 100, reservationId: 7, messages: messageSeries(130, 1) }], {
      pageCap: 40,
    });
    const thread = await getConversationHistory(source, 7, { limit: 1000 });
    expect(thread.messages.map((message) => message.id)).toEqual(
      Array.from({ length: 130 }, (_, i) => i + 1),
    );
  });

  it("walks pages until a short one when the upstream sends no count", async () => {
    const source = new FakeSource([anna], [{ id: 100, reservationId: 7, messages: messageSeries(230, 1) }], {
      omitMessageCount: true,
    });
    const thread = await getConversationHistory(source, 7, { limit: 1000 });
    expect(thread.total_count).toBe(230);
    expect(source.count("conversations.messages")).toBe(3);
  });

  it("removes a message repeated across pages (offsets shifted by a new message)", async () => {
    const source = new FakeSource([anna], [{ id: 100, reservationId: 7, messages: messageSeries(150, 1) }], {
      rewriteMessagePage(call, items, all) {
        // Page 2 starts with the last message of page 1 again, as if a new message had arrived meanwhile.
        const offset = (call.query as { offset: number }).offset;
        return offset === 100 ? [all[99] as HostawayMessage, ...items] : items;
      },
    });
    const thread = await getConversationHistory(source, 7, { limit: 1000 });
    expect(thread.total_count).toBe(150);
    expect(new Set(thread.messages.map((message) => message.id)).size).toBe(150);
  });

  it("keeps messages without any time, after the dated ones, with timestamp null", async () => {
    const source = new FakeSource(
      [anna],
      [
        {
          id: 100,
          reservationId: 7,
          messages: [
            { id: 1, date: null, insertedOn: null, body: "undated" },
            { id: 2, date: null, insertedOn: "2026-11-01 08:00:00", body: "inserted only" },
            { id: 3, date: "2026-11-01 09:00:00", body: "dated" },
          ],
        },
      ],
    );
    const thread = await getConversationHistory(source, 7);
    expect(thread.messages.map((message) => [message.content, message.timestamp])).toEqual([
      ["inserted only", "2026-11-01T08:00:00Z"],
      ["dated", "2026-11-01T09:00:00Z"],
      ["undated", null],
    ]);
  });

  it("preserves emoji and accented text", async () => {
    const bodies = ["Hola José, ¿qué tal? 😀", "Müller — Grüße 🇩🇪", "Спасибо! 🙏"];
    const source = new FakeSource(
      [anna],
      [
        {
          id: 100,
          reservationId: 7,
          messages: bodies.map((body, index) => ({
            id: index + 1,
            body,
            date: `2026-11-0${index + 1} 09:00:00`,
          })),
        },
      ],
    );
    const thread = await getConversationHistory(source, 7);
    expect(thread.messages.map((message) => message.content)).toEqual(bodies);
  });

  it("asks for scheduled messages only when told to", async () => {
    const messages = [
      { id: 1, date: "2026-11-01 09:00:00", status: "sent" },
      { id: 2, date: "2026-11-02 09:00:00", status: "awaiting", isIncoming: 0 as const, communicationId: 5 },
      { id: 3, date: "2026-11-03 09:00:00", status: "failed", isIncoming: 0 as const },
    ];
    const source = new FakeSource([anna], [{ id: 100, reservationId: 7, messages }]);
    const sentOnly = await getConversationHistory(source, 7);
    expect(sentOnly.messages.map((message) => message.id)).toEqual([1]);
    const all = await getConversationHistory(source, 7, { includeScheduled: true });
    expect(all.messages.map((message) => message.delivery_status)).toEqual([
      "delivered",
      "scheduled",
      "failed",
    ]);
    const queries = source.calls.filter((call) => call.method === "conversations.messages");
    expect(queries.map((call) => call.query)).toEqual([
      { limit: 100, offset: 0 },
      { includeScheduledMessages: true, limit: 100, offset: 0 },
    ]);
  });

  it("ignores a conversation that belongs to another reservation", async () => {
    const source = new FakeSource([anna], [{ id: 100, reservationId: 7, messages: messageSeries(2, 1) }]);
    const list = source.conversations.list;
    source.conversations.list = async (query, options) => {
      const page = await list(query, options);
      const stray = { ...(page.items[0] as (typeof page.items)[number]), id: 999, reservationId: 8 };
      return { items: [...page.items, stray], count: page.items.length + 1 };
    };
    const thread = await getConversationHistory(source, 7);
    expect(thread.conversation_ids).toEqual([100]);
  });

  it("passes the caller's signal to every request", async () => {
    const controller = new AbortController();
    const source = new FakeSource([anna], [{ id: 100, reservationId: 7, messages: messageSeries(2, 1) }]);
    await getConversationHistory(source, 7, { signal: controller.signal });
    expect(source.calls.every((call) => call.signal === controller.signal)).toBe(true);
    controller.abort();
    await expect(getConversationHistory(source, 7, { signal: controller.signal })).rejects.toThrow();
  });

  it.each([
    ["bookingId", 0, {}],
    ["bookingId", 1.5, {}],
    ["limit", 7, { limit: 0 }],
    ["limit", 7, { limit: 1001 }],
    ["limit", 7, { limit: 2.5 }],
    ["offset", 7, { offset: -1 }],
    ["includeScheduled", 7, { includeScheduled: "yes" as unknown as boolean }],
  ])("rejects a bad %s before any request", async (field, bookingId, options) => {
    const source = new FakeSource([anna], []);
    const failure = getConversationHistory(source, bookingId, options);
    await expect(failure).rejects.toBeInstanceOf(TimelineValidationError);
    await expect(failure).rejects.toMatchObject({ field, errorType: "validation_error" });
    expect(source.calls).toEqual([]);
  });

  it("accepts the limit bounds 1 and 1000", async () => {
    const source = new FakeSource([anna], [{ id: 100, reservationId: 7, messages: messageSeries(3, 1) }]);
    expect((await getConversationHistory(source, 7, { limit: 1 })).messages).toHaveLength(1);
    expect((await getConversationHistory(source, 7, { limit: 1000 })).messages).toHaveLength(3);
  });

  it("returns an empty page past the end, still reporting the thread's size", async () => {
    const source = new FakeSource([anna], [{ id: 100, reservationId: 7, messages: messageSeries(3, 1) }]);
    const thread = await getConversationHistory(source, 7, { offset: 10 });
    expect(thread).toMatchObject({ total_count: 3, offset: 10, has_more: false, messages: [] });
  });
});
