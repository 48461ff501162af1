import { type Message, MessageSchema } from "@hostaway-mcp/domain-models";
import { describe, expect, it } from "vitest";
import { buildTimeline } from "./build-timeline.js";

function message(id: number, timestamp: string | null, overrides: Partial<Message> = {}): Message {
  return MessageSchema.parse({
    id,
    conversation_id: 1,
    booking_id: 7,
    listing_id: 40160,
    channel: "email",
    platform: null,
    sender_type: "guest",
    sender_name: "Anna",
    content: `message ${id}`,
    timestamp,
    delivery_status: "delivered",
    is_seen: false,
    attachments: [],
    ...overrides,
  });
}

const ids = (messages: Message[]) => messages.map((entry) => entry.id);

describe("buildTimeline", () => {
  it("orders messages by time, oldest first", () => {
    const timeline = buildTimeline([
      message(3, "2026-11-03T09:00:00Z"),
      message(1, "2026-11-01T09:00:00Z"),
      message(2, "2026-11-02T09:00:00Z"),
    ]);
    expect(ids(timeline.messages)).toEqual([1, 2, 3]);
    expect(timeline.total_count).toBe(3);
  });

  it("compares times as instants, not as text", () => {
    // "…00.5Z" sorts before "…00Z" as text, but is half a second later.
    const timeline = buildTimeline([
      message(1, "2026-11-01T09:00:00.500Z"),
      message(2, "2026-11-01T09:00:00Z"),
    ]);
    expect(ids(timeline.messages)).toEqual([2, 1]);
  });

  it("breaks ties on equal timestamps by id", () => {
    const same = "2026-11-01T09:00:00Z";
    const timeline = buildTimeline([message(30, same), message(10, same), message(20, same)]);
    expect(ids(timeline.messages)).toEqual([10, 20, 30]);
  });

  it("keeps one copy of a message repeated across pages (the first retrieved)", () => {
    const first = message(5, "2026-11-01T09:00:00Z", { content: "first copy" });
    const repeat = message(5, "2026-11-01T09:00:00Z", { content: "second copy" });
    const timeline = buildTimeline([first, message(6, "2026-11-01T10:00:00Z"), repeat]);
    expect(ids(timeline.messages)).toEqual([5, 6]);
    expect(timeline.messages[0]?.content).toBe("first copy");
    expect(timeline.total_count).toBe(2);
  });

  it("never drops a message without a time: it goes after the dated ones, in retrieval order", () => {
    const timeline = buildTimeline([
      message(9, null),
      message(2, "2026-11-02T09:00:00Z"),
      message(4, null),
      message(1, "2026-11-01T09:00:00Z"),
    ]);
    expect(ids(timeline.messages)).toEqual([1, 2, 9, 4]);
    expect(timeline.messages[2]?.timestamp).toBeNull();
    expect(timeline.messages[3]?.timestamp).toBeNull();
    expect(timeline.total_count).toBe(4);
  });

  it("lists each channel once, in order of first use", () => {
    const timeline = buildTimeline([
      message(1, "2026-11-04T09:00:00Z", { channel: "email" }),
      message(2, "2026-11-01T09:00:00Z", { channel: "platform", platform: "airbnb" }),
      message(3, "2026-11-02T09:00:00Z", { channel: "whatsapp" }),
      message(4, "2026-11-03T09:00:00Z", { channel: "platform", platform: "airbnb" }),
    ]);
    expect(timeline.channels_used).toEqual(["platform", "whatsapp", "email"]);
  });

  it("keeps emoji, accents and non-Latin text byte for byte", () => {
    const bodies = [
      "Grüße aus Köln 🏡",
      "¿Dónde está la llave? 🔑",
      "日本語のメッセージ",
      "👨‍👩‍👧‍👦 family of four",
    ];
    const timeline = buildTimeline(
      bodies.map((body, index) => message(index + 1, `2026-11-0${index + 1}T09:00:00Z`, { content: body })),
    );
    expect(timeline.messages.map((entry) => entry.content)).toEqual(bodies);
  });

  it("returns an empty timeline for no messages", () => {
    expect(buildTimeline([])).toEqual({ messages: [], total_count: 0, channels_used: [] });
  });

  it("does not reorder the caller's array", () => {
    const input = [message(2, "2026-11-02T09:00:00Z"), message(1, "2026-11-01T09:00:00Z")];
    buildTimeline(input);
    expect(ids(input)).toEqual([2, 1]);
  });
});
