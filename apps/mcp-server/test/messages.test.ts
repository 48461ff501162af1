import type { ConversationThread, PartialFailureResponse } from "@hostaway-mcp/domain-models";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, textOf } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const sentMessagesOf = (bookingId: number) =>
  h.sandbox.data.messages.filter(
    (message) => message.reservationId === bookingId && message.status === "sent",
  );

const isChronological = (thread: ConversationThread) =>
  thread.messages.every(
    (message, index, all) =>
      index === 0 || Date.parse(all[index - 1]?.timestamp ?? "") <= Date.parse(message.timestamp ?? ""),
  );

describe("hostaway_get_conversation_history", () => {
  it("merges a booking's two conversations into one chronological timeline", async () => {
    const bookingId = h.sandbox.fixtures.bookings.twoConversations;
    const expected = sentMessagesOf(bookingId);
    const conversations = new Set(expected.map((message) => message.conversationId));
    expect(conversations.size).toBe(2);

    const thread = await h.ok<ConversationThread>("hostaway_get_conversation_history", {
      booking_id: bookingId,
      limit: 1000,
    });
    expect(thread.booking_id).toBe(bookingId);
    expect(thread.conversation_ids.sort()).toEqual([...conversations].sort());
    expect(thread.total_count).toBe(expected.length);
    expect(thread.has_more).toBe(false);
    expect(thread.messages.map((message) => message.id).sort()).toEqual(expected.map((m) => m.id).sort());
    expect(isChronological(thread)).toBe(true);
    // Both conversations' messages interleave in time, so the merge is not a concatenation.
    const order = thread.messages.map((message) => message.conversation_id);
    const switches = order.filter((id, index) => index > 0 && id !== order[index - 1]).length;
    expect(switches).toBeGreaterThan(1);
    expect(new Set(thread.channels_used)).toEqual(new Set(["email", "platform"]));
    const reservation = h.sandbox.data.reservations.find((r) => r.id === bookingId);
    expect(thread.guest_name).toBe(reservation?.guestName);
  });

  it("pages the 250-message thread with no gap or duplicate, within the response budget", async () => {
    const bookingId = h.sandbox.fixtures.bookings.twoHundredFiftyMessages;
    const ids: number[] = [];
    let offset = 0;
    let calls = 0;
    let trimmedOnce = false;
    for (;;) {
      const result = await h.call("hostaway_get_conversation_history", {
        booking_id: bookingId,
        limit: 100,
        offset,
      });
      expect(result.isError).toBeFalsy();
      const text = textOf(result);
      expect(text.length).toBeLessThanOrEqual(25_000);
      const thread = result.structuredContent as ConversationThread;
      expect(JSON.parse(text)).toEqual(thread);
      expect(thread.total_count).toBe(250);
      expect(thread.offset).toBe(offset);
      if (thread.messages.length < 100 && thread.has_more) {
        trimmedOnce = true;
        expect(result.content[1]).toMatchObject({ type: "text", text: expect.stringMatching(/offset=\d+/) });
      }
      ids.push(...thread.messages.map((message) => message.id));
      offset += thread.messages.length;
      calls += 1;
      if (!thread.has_more || calls > 50) break;
    }
    expect(ids).toHaveLength(250);
    expect(new Set(ids).size).toBe(250);
    expect(ids.sort()).toEqual(
      sentMessagesOf(bookingId)
        .map((m) => m.id)
        .sort(),
    );
    // 100 messages of this thread do not fit in 25,000 characters, so pages shrink rather than overflow.
    expect(trimmedOnce).toBe(true);
  });

  it("returns scheduled and failed messages only when asked", async () => {
    const bookingId = h.sandbox.fixtures.bookings.scheduledAndFailed;
    const sentOnly = await h.ok<ConversationThread>("hostaway_get_conversation_history", {
      booking_id: bookingId,
    });
    expect(new Set(sentOnly.messages.map((message) => message.delivery_status))).not.toContain("scheduled");
    const all = await h.ok<ConversationThread>("hostaway_get_conversation_history", {
      booking_id: bookingId,
      include_scheduled: true,
    });
    const statuses = new Set(all.messages.map((message) => message.delivery_status));
    expect(statuses).toContain("scheduled");
    expect(statuses).toContain("failed");
    expect(all.total_count).toBe(h.sandbox.data.messages.filter((m) => m.reservationId === bookingId).length);
  });

  it("keeps emoji and non-Latin guest text intact, as data", async () => {
    const bookingId = h.sandbox.fixtures.bookings.emoji;
    const thread = await h.ok<ConversationThread>("hostaway_get_conversation_history", {
      booking_id: bookingId,
      limit: 1000,
    });
    const bodies = new Map(sentMessagesOf(bookingId).map((message) => [message.id, message.body]));
    for (const message of thread.messages) expect(message.content).toBe(bodies.get(message.id));
    expect(thread.messages.some((message) => /\p{Extended_Pictographic}/u.test(message.content))).toBe(true);
  });

  it("answers a booking without messages with an empty thread, and an unknown booking with not_found", async () => {
    const empty = await h.ok<ConversationThread>("hostaway_get_conversation_history", {
      booking_id: h.sandbox.fixtures.bookings.noMessages,
    });
    expect(empty).toMatchObject({ total_count: 0, messages: [], has_more: false });

    const before = h.auditLines.length;
    const unknown = await h.call("hostaway_get_conversation_history", {
      booking_id: h.sandbox.fixtures.unknownBookingId,
    });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toMatch(/^not_found: .*hostaway_search_bookings/);
    expect(h.auditLines.slice(before)).toMatchObject([{ outcome: "not_found" }]);
  });

  it("writes an audit line per access, never with message content", async () => {
    const bookingId = h.sandbox.fixtures.bookings.hundredMessages;
    const before = h.auditLines.length;
    await h.ok("hostaway_get_conversation_history", { booking_id: bookingId, limit: 5 });
    const lines = h.auditLines.slice(before);
    expect(lines).toMatchObject([
      { audit: true, tool: "hostaway_get_conversation_history", booking_id: bookingId, caller: "stdio" },
    ]);
    expect(Object.keys(lines[0] ?? {}).sort()).toEqual([
      "audit",
      "booking_id",
      "caller",
      "outcome",
      "time",
      "tool",
    ]);
  });
});

describe("hostaway_search_messages", () => {
  type SearchResult = PartialFailureResponse<ConversationThread>;

  it("tells two guests sharing a surname apart: one thread each, with their own messages", async () => {
    const { sharedSurnameA, sharedSurnameB } = h.sandbox.fixtures.bookings;
    const before = h.auditLines.length;
    const result = await h.ok<SearchResult>("hostaway_search_messages", {
      guest_name: "Schmidt",
      limit: 1000,
    });
    const threads = new Map(result.successful_results.map((thread) => [thread.booking_id, thread]));
    for (const bookingId of [sharedSurnameA, sharedSurnameB]) {
      const thread = threads.get(bookingId);
      expect(thread, `thread of ${bookingId}`).toBeDefined();
      expect(thread?.messages.map((m) => m.id).sort()).toEqual(
        sentMessagesOf(bookingId)
          .map((m) => m.id)
          .sort(),
      );
    }
    expect(threads.get(sharedSurnameA)?.guest_name).not.toBe(threads.get(sharedSurnameB)?.guest_name);
    expect(result.summary.succeeded).toBe(result.successful_results.length);
    const audited = h.auditLines.slice(before).map((line) => line.booking_id);
    expect(audited).toEqual(expect.arrayContaining([sharedSurnameA, sharedSurnameB]));
  });

  it("finds an accented guest without the accent", async () => {
    const { accentedGuest } = h.sandbox.fixtures.bookings;
    const result = await h.ok<SearchResult>("hostaway_search_messages", { guest_name: "jose garcia" });
    expect(result.successful_results.map((thread) => thread.booking_id)).toContain(accentedGuest);
  });

  it("narrows one booking's messages to a channel", async () => {
    const bookingId = h.sandbox.fixtures.bookings.allChannels;
    const result = await h.ok<SearchResult>("hostaway_search_messages", {
      booking_id: bookingId,
      channels: ["whatsapp"],
      limit: 1000,
    });
    expect(result.successful_results).toHaveLength(1);
    const expected = sentMessagesOf(bookingId).filter((m) => m.communicationType === "whatsapp");
    expect(result.successful_results[0]?.messages.map((m) => m.id).sort()).toEqual(
      expected.map((m) => m.id).sort(),
    );
  });

  it("answers a complete search with a null note in one text block", async () => {
    const result = await h.call("hostaway_search_messages", {
      booking_id: h.sandbox.fixtures.bookings.twoConversations,
      limit: 1000,
    });
    const answer = result.structuredContent as SearchResult;
    expect(answer.note).toBeNull();
    expect(result.content).toEqual([{ type: "text", text: JSON.stringify(answer) }]);
  });

  it("reads every booking of a search over years, and its note only says how to page on", async () => {
    const answer = await h.ok<SearchResult>("hostaway_search_messages", {
      start_date: "2020-01-01",
      end_date: "2030-12-31",
    });
    // Complete: no bound stopped it; the note names the offset the 25,000-character budget left off at.
    expect(answer.note).not.toMatch(/stopped at its bounds|ran out of/);
    expect(answer.note).toMatch(/call again with the same criteria and offset=\d+/);
    const withMessages = new Set(
      h.sandbox.data.messages
        .filter((message) => message.status === "sent")
        .map((message) => message.reservationId),
    );
    expect(answer.summary.succeeded).toBe(withMessages.size);
    // Every failed item is a real booking, and the counts cover real bookings only.
    for (const failure of answer.failed_items) expect(failure.item_id).toMatch(/^\d+$/);
    expect(answer.summary.total_attempted).toBe(answer.summary.succeeded + answer.summary.failed);
    // The budget lists only the threads with a message in the answer; the note says the rest are counted.
    const listed = answer.successful_results.length;
    expect(listed).toBeGreaterThan(0);
    expect(answer.successful_results.every((thread) => thread.messages.length > 0)).toBe(true);
    expect(answer.note).toContain(
      `${withMessages.size - listed} matching threads hold no message of this answer and are not listed`,
    );
  });

  it("rejects a search without any criterion, naming the field", async () => {
    const result = await h.call("hostaway_search_messages", { channels: ["email"] });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/at least one search criterion/);
  });
});
