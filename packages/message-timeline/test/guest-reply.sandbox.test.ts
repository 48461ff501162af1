// Replying to a guest (issue 14) through the library: draft → send against the sandbox, every refusal, one send
// however many times a draft is sent (in one process and over two replicas sharing Redis), and audit lines that
// never hold the text.
import { createHostawayClient, type HostawayClient, RedisLink } from "@hostaway-mcp/hostaway-client";
import { type Sandbox, startRedisServer, startSandbox, type TestRedis } from "@hostaway-mcp/hostaway-sandbox";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createMemoryDraftStore,
  createRedisDraftStore,
  createReplyOperations,
  type DraftStore,
  GuestReplyRefusal,
  prepareGuestReply,
  type ReplyAuditLine,
  sendGuestReply,
} from "../src/index.js";

let sandbox: Sandbox;
let client: HostawayClient;
const POST = "POST /v1/conversations/:id/messages";

beforeAll(async () => {
  sandbox = await startSandbox({ rateLimits: false });
  client = createHostawayClient({
    ...sandbox.credentials,
    baseUrl: sandbox.url,
    tokenActivationDelayMs: 0,
    rateLimit: { ip: 0, account: 0 },
  });
});
afterEach(() => sandbox.clearFaults());
afterAll(async () => {
  client.close();
  await sandbox.close();
});

/** A booking whose guest wrote at least once, and that guest's latest message. */
function bookingWithGuestMessage(skip = 0) {
  const incoming = sandbox.data.messages.filter((message) => message.isIncoming && message.status === "sent");
  const bookings = [...new Set(incoming.map((message) => message.reservationId))];
  const bookingId = bookings[skip] as number;
  return { bookingId };
}

const posts = () => sandbox.stats().byRoute[POST] ?? 0;

async function draftFor(drafts: DraftStore, caller = "key:a", skip = 0, content = "Check-in is from 3 pm.") {
  const { bookingId } = bookingWithGuestMessage(skip);
  return prepareGuestReply(client, { booking_id: bookingId, content }, { drafts, caller });
}

describe("draft and send", () => {
  it("previews the booking, channel and text, then sends exactly that text once in that conversation", async () => {
    const drafts = createMemoryDraftStore();
    const { draft } = await draftFor(drafts);
    expect(draft).toMatchObject({ content: "Check-in is from 3 pm.", draft_id: expect.any(String) });
    expect(draft.guest_name).toEqual(expect.any(String));
    expect(draft.listing_name).toEqual(expect.any(String));
    // The default channel: the one the guest last wrote on.
    expect(draft.channel).toBe(draft.guest_last_message?.channel);
    expect(draft.guest_last_message?.sender_type).toBe("guest");

    sandbox.resetStats();
    const { result } = await sendGuestReply(
      client,
      { draft_id: draft.draft_id, confirm: true },
      { drafts, caller: "key:a" },
    );
    expect(posts()).toBe(1);
    expect(result).toMatchObject({
      conversation_id: draft.conversation_id,
      already_sent: false,
      channel: draft.channel,
    });
    const sent = sandbox.data.messages.find((message) => message.id === result.message_id);
    expect(sent).toMatchObject({
      conversationId: draft.conversation_id,
      body: draft.content,
    });
    expect(Boolean(sent?.isIncoming)).toBe(false);
    const expectedType = draft.channel === "platform" ? "channel" : draft.channel;
    expect(sent?.communicationType).toBe(expectedType);

    // The read cache learned of it at once.
    const page = await client.conversations.messages(draft.conversation_id, { limit: 1000 });
    expect(page.items.map((message) => message.id)).toContain(result.message_id);

    // Again: nothing is sent, the same result comes back.
    const again = await sendGuestReply(
      client,
      { draft_id: draft.draft_id, confirm: true },
      { drafts, caller: "key:a" },
    );
    expect(again.result).toEqual({ ...result, already_sent: true });
    expect(posts()).toBe(1);
  });

  it("sends once when 20 sends of one draft arrive at the same time", async () => {
    const drafts = createMemoryDraftStore();
    const { draft } = await draftFor(drafts, "key:a", 1);
    sandbox.resetStats();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        sendGuestReply(client, { draft_id: draft.draft_id, confirm: true }, { drafts, caller: "key:a" }),
      ),
    );
    expect(posts()).toBe(1);
    expect(new Set(results.map(({ result }) => result.message_id)).size).toBe(1);
    expect(results.filter(({ result }) => !result.already_sent)).toHaveLength(1);
  });

  it("uses a channel the caller names when the booking's conversation carries it, and refuses one it does not", async () => {
    const drafts = createMemoryDraftStore();
    const bookingId = sandbox.fixtures.bookings.allChannels;
    const { draft } = await prepareGuestReply(
      client,
      { booking_id: bookingId, content: "Hi!", channel: "sms" },
      { drafts, caller: "key:a" },
    );
    expect(draft.channel).toBe("sms");
    const refusal = await prepareGuestReply(
      client,
      { booking_id: sandbox.fixtures.bookings.noMessages, content: "Hi!", channel: "whatsapp" },
      { drafts, caller: "key:a" },
    ).catch((error: unknown) => error);
    // A booking without any conversation has nothing to reply in.
    expect(GuestReplyRefusal.isInstance(refusal)).toBe(true);
    expect(refusal).toMatchObject({ reason: "no_conversation" });
  });
});

describe("refusals", () => {
  const refusalOf = (work: Promise<unknown>) =>
    work.then(
      () => undefined,
      (error: unknown) => error,
    );

  it("refuses empty text, text over 5,000 characters and unfilled placeholders, before any request", async () => {
    const drafts = createMemoryDraftStore();
    const { bookingId } = bookingWithGuestMessage();
    sandbox.resetStats();
    for (const content of ["  ", "x".repeat(5001), "Dear {{guest_name}}, welcome!"]) {
      const error = await refusalOf(
        prepareGuestReply(client, { booking_id: bookingId, content }, { drafts, caller: "k" }),
      );
      expect((error as { field?: string }).field).toBe("content");
    }
    expect(sandbox.stats().total).toBe(0);
  });

  it("refuses an unknown draft as not found", async () => {
    const error = await refusalOf(
      sendGuestReply(
        client,
        { draft_id: "nosuchdraft0000", confirm: true },
        { drafts: createMemoryDraftStore(), caller: "k" },
      ),
    );
    expect(error).toMatchObject({ reason: "unknown_draft", errorType: "not_found" });
  });

  it("refuses a draft of another caller, an expired draft, and a send without confirmation", async () => {
    let clock = Date.now();
    const drafts = createMemoryDraftStore(() => clock);
    const { bookingId } = bookingWithGuestMessage(3);
    const { draft } = await prepareGuestReply(
      client,
      { booking_id: bookingId, content: "See you soon." },
      { drafts, caller: "key:a", now: () => clock },
    );
    sandbox.resetStats();
    const send = (
      caller: string,
      confirm?: boolean,
      confirmFn?: () => Promise<"accepted" | "declined" | "unsupported">,
    ) =>
      refusalOf(
        sendGuestReply(
          client,
          { draft_id: draft.draft_id, ...(confirm === undefined ? {} : { confirm }) },
          { drafts, caller, now: () => clock, confirm: confirmFn },
        ),
      );
    expect(await send("key:b", true)).toMatchObject({ reason: "other_caller" });
    expect(await send("key:a")).toMatchObject({ reason: "not_confirmed" });
    expect(await send("key:a", undefined, async () => "declined")).toMatchObject({ reason: "declined" });
    clock += 10 * 60_000 + 1;
    expect(await send("key:a", true)).toMatchObject({ reason: "expired" });
    expect(posts()).toBe(0);
  });

  it("sends after an accepted elicitation without confirm: true", async () => {
    const drafts = createMemoryDraftStore();
    const { draft } = await draftFor(drafts, "key:a", 4);
    let asked = "";
    sandbox.resetStats();
    await sendGuestReply(
      client,
      { draft_id: draft.draft_id },
      {
        drafts,
        caller: "key:a",
        confirm: async (preview) => {
          asked = preview;
          return "accepted";
        },
      },
    );
    expect(asked).toContain(draft.content);
    expect(posts()).toBe(1);
  });

  it("refuses when the guest wrote again after the draft", async () => {
    const drafts = createMemoryDraftStore();
    const { draft } = await draftFor(drafts, "key:a", 5);
    sandbox.addMessage({
      conversationId: draft.conversation_id,
      body: "Actually, can we arrive at 11?",
      isIncoming: true,
    });
    sandbox.resetStats();
    const error = await refusalOf(
      sendGuestReply(client, { draft_id: draft.draft_id, confirm: true }, { drafts, caller: "key:a" }),
    );
    expect(error).toMatchObject({ reason: "guest_wrote_again" });
    expect(posts()).toBe(0);
  });

  it("reports a send whose answer timed out as an unknown outcome, and never sends that draft again", async () => {
    const drafts = createMemoryDraftStore();
    const impatient = createHostawayClient({
      ...sandbox.credentials,
      baseUrl: sandbox.url,
      tokenActivationDelayMs: 0,
      rateLimit: { ip: 0, account: 0 },
      timeoutMs: 300,
    });
    try {
      const { bookingId } = bookingWithGuestMessage(6);
      const { draft } = await prepareGuestReply(
        impatient,
        { booking_id: bookingId, content: "On my way." },
        { drafts, caller: "k" },
      );
      sandbox.injectFault({ method: "POST", path: "/v1/conversations/:id/messages", kind: "hang" });
      sandbox.resetStats();
      const first = await refusalOf(
        sendGuestReply(impatient, { draft_id: draft.draft_id, confirm: true }, { drafts, caller: "k" }),
      );
      expect(first).toMatchObject({ reason: "unknown_outcome" });
      expect((first as Error).message).toMatch(/check the conversation/i);
      sandbox.clearFaults();
      const second = await refusalOf(
        sendGuestReply(impatient, { draft_id: draft.draft_id, confirm: true }, { drafts, caller: "k" }),
      );
      expect(second).toMatchObject({ reason: "unknown_outcome" });
      expect(posts()).toBe(1);
    } finally {
      impatient.close();
    }
  });
});

describe("audit", () => {
  it("writes a line for each draft, send and refusal, with the text's length and hash but never the text", async () => {
    const lines: ReplyAuditLine[] = [];
    const drafts = createMemoryDraftStore();
    const operations = createReplyOperations({ drafts, audit: (line) => lines.push(line) });
    const prepare = operations.hostaway_prepare_guest_reply;
    const send = operations.hostaway_send_guest_reply;
    const context = { refer: (name: string) => name, caller: "key:audit" };
    const text = "The door code is 4711, welcome!";
    const { bookingId } = bookingWithGuestMessage(7);
    const draft = await prepare?.(client, { booking_id: bookingId, content: text }, context);
    await send?.(client, { draft_id: draft.draft_id }, context).catch(() => undefined);
    await send?.(client, { draft_id: draft.draft_id, confirm: true }, context);
    await send?.(client, { draft_id: draft.draft_id, confirm: true }, context);
    expect(lines.map((line) => `${line.action}:${line.outcome}`)).toEqual([
      "draft:drafted",
      "send:refused",
      "send:sent",
      "send:already_sent",
    ]);
    const serialized = JSON.stringify(lines);
    expect(serialized).not.toContain("door code");
    expect(serialized).not.toContain("4711, welcome");
    expect(lines[2]).toMatchObject({
      caller: "key:audit",
      booking_id: bookingId,
      text_length: text.length,
      draft_id: draft.draft_id,
    });
    expect(lines[2]?.text_sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("two replicas sharing Redis", () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it("see one draft and send it once, however the 20 sends are spread over them", async () => {
    const links = [new RedisLink({ url: redis.url }), new RedisLink({ url: redis.url })];
    try {
      const [a, b] = links.map((link) => createRedisDraftStore(link)) as [DraftStore, DraftStore];
      const { draft } = await draftFor(a, "key:a", 8);
      sandbox.resetStats();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          sendGuestReply(
            client,
            { draft_id: draft.draft_id, confirm: true },
            { drafts: index % 2 ? a : b, caller: "key:a" },
          ),
        ),
      );
      expect(posts()).toBe(1);
      expect(new Set(results.map(({ result }) => result.message_id)).size).toBe(1);
    } finally {
      await Promise.all(links.map((link) => link.close()));
    }
  });
});
