import { ConversationThreadSchema, partialFailureResponseSchema } from "@hostaway-mcp/domain-models";
import {
  describeError,
  HostawayAuthError,
  HostawayNotFoundError,
  HostawayRateLimitError,
  HostawayTimeoutError,
  HostawayUpstreamError,
  HostawayValidationError,
} from "@hostaway-mcp/hostaway-client";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { FakeError, FakeSource, type RawConversation, type RawReservation } from "../test/fake-source.js";
import type { MessageSource } from "./message-source.js";
import { searchMessages } from "./search-messages.js";
import { TimelineValidationError } from "./timeline-validation-error.js";

const ResponseSchema = partialFailureResponseSchema(ConversationThreadSchema);

const guests: RawReservation[] = [
  { id: 1, guestName: "José García", listingName: "Casa Azul", latestActivityOn: "2026-11-05 10:00:00" },
  {
    id: 2,
    guestName: "Jose Garcia Lopez",
    listingName: "Loft Norte",
    latestActivityOn: "2026-11-04 10:00:00",
  },
  {
    id: 3,
    guestName: "Anna Schmidt",
    listingName: "Harbour Flat",
    arrivalDate: "2026-11-02",
    latestActivityOn: "2026-11-03 10:00:00",
  },
  {
    id: 4,
    guestName: "Lukas Schmidt",
    listingName: "Old Town Studio",
    arrivalDate: "2026-12-01",
    latestActivityOn: "2026-11-02 10:00:00",
  },
  { id: 5, guestName: "Mary Jones", latestActivityOn: "2026-10-01 10:00:00" },
];

const conversations: RawConversation[] = [
  {
    id: 11,
    reservationId: 1,
    messages: [
      { id: 101, date: "2026-11-05 09:00:00", body: "¿Dónde está la llave? 🔑" },
      { id: 102, date: "2026-11-05 10:00:00", body: "En la caja.", isIncoming: 0 },
    ],
  },
  { id: 12, reservationId: 2, messages: [{ id: 201, date: "2026-11-04 10:00:00", body: "Hola" }] },
  {
    id: 13,
    reservationId: 3,
    messages: [
      { id: 301, date: "2026-11-03 10:00:00", body: "Anna here", communicationType: "whatsapp" },
      { id: 302, date: "2026-11-01 10:00:00", body: "Anna by email" },
    ],
  },
  { id: 14, reservationId: 4, messages: [{ id: 401, date: "2026-11-02 10:00:00", body: "Lukas here" }] },
  { id: 15, reservationId: 5, messages: [{ id: 501, date: "2026-10-01 10:00:00", body: "Old news" }] },
];

const source = (options = {}) => new FakeSource(guests, conversations, options);
/**
 * The same account where neither the reservations (`listingName: ""`, as in the docs' example) nor the
 * conversations name the listing: a listing read must.
 */
const unnamedSource = (options = {}) =>
  new FakeSource(
    guests.map((guest) => ({ ...guest, listingName: "" })),
    conversations,
    { omitEmbeddedReservation: true, ...options },
  );

describe("searchMessages: criteria", () => {
  it.each([
    ["booking_id", {}],
    ["end_date", { start_date: "2026-11-05", end_date: "2026-11-04" }],
    ["start_date", { start_date: "2026-02-30" }],
    ["limit", { booking_id: 1, limit: 0 }],
    ["limit", { booking_id: 1, limit: 1001 }],
    ["channels", { booking_id: 1, channels: ["fax"] }],
  ])("rejects bad criteria naming %s, before any request", async (field, criteria) => {
    const fake = source();
    const failure = searchMessages(fake, criteria);
    await expect(failure).rejects.toBeInstanceOf(TimelineValidationError);
    await expect(failure).rejects.toMatchObject({ errorType: "validation_error" });
    const error = (await failure.catch((caught: unknown) => caught)) as TimelineValidationError;
    expect(error.field.startsWith(field)).toBe(true);
    expect(error.message).toContain(field);
    expect(fake.calls).toEqual([]);
  });

  it("rejects channels alone: they only narrow a search", async () => {
    await expect(searchMessages(source(), { channels: ["email"] })).rejects.toMatchObject({
      field: "booking_id",
    });
  });

  it.each([
    ["maxBookings", { maxBookings: 0 }],
    ["maxReservationPages", { maxReservationPages: 1.5 }],
    ["concurrency", { concurrency: -1 }],
  ])("rejects a bad %s option", async (field, options) => {
    await expect(searchMessages(source(), { booking_id: 1 }, options)).rejects.toMatchObject({ field });
  });
});

describe("searchMessages: by booking", () => {
  it("returns the booking's thread with its context", async () => {
    const fake = source();
    const result = await searchMessages(fake, { booking_id: 3 });
    expect(ResponseSchema.parse(result)).toEqual(result);
    expect(result.summary).toEqual({ total_attempted: 1, succeeded: 1, failed: 0, success_rate: 1 });
    expect(result.successful_results[0]).toMatchObject({
      booking_id: 3,
      guest_name: "Anna Schmidt",
      listing_name: "Harbour Flat",
      total_count: 2,
      channels_used: ["email", "whatsapp"],
    });
    expect(result.successful_results[0]?.messages.map((message) => message.id)).toEqual([302, 301]);
    expect(fake.count("reservations.list")).toBe(0);
  });

  it("gives each thread its own as_of: the oldest read behind that booking's messages", async () => {
    const at = (iso: string) => Date.parse(iso);
    const fake = source({
      readAt: (call: { method: string; id: number }) =>
        call.method === "conversations.messages" ? at("2026-11-20T10:00:00Z") : at("2026-11-20T10:00:09Z"),
    });
    const result = await searchMessages(fake, { booking_id: 3 });
    expect(result.successful_results[0]?.as_of).toBe("2026-11-20T10:00:00.000Z");
  });

  it("reports an unknown booking as a not_found failure, not a throw", async () => {
    const result = await searchMessages(source(), { booking_id: 999 });
    expect(result.successful_results).toEqual([]);
    expect(result.failed_items).toEqual([
      expect.objectContaining({ item_id: "999", error_type: "not_found", retry_after_seconds: null }),
    ]);
    expect(result.failed_items[0]?.remediation).toContain("999");
    expect(result.failed_items[0]?.error_message).toBe("Booking 999: not found in Hostaway (HTTP 404).");
    expect(result.failed_items[0]?.error_message).not.toContain("/reservations/");
    expect(result.summary).toEqual({ total_attempted: 1, succeeded: 0, failed: 1, success_rate: 0 });
  });

  it("combines booking_id with guest_name: another guest's booking is no match", async () => {
    const result = await searchMessages(source(), { booking_id: 3, guest_name: "Lukas" });
    expect(result.successful_results).toEqual([]);
    expect(result.summary.total_attempted).toBe(0);
  });

  it("combines booking_id with channels", async () => {
    const result = await searchMessages(source(), { booking_id: 3, channels: ["whatsapp"] });
    expect(result.successful_results[0]?.messages.map((message) => message.id)).toEqual([301]);
    expect(result.successful_results[0]?.channels_used).toEqual(["whatsapp"]);
  });
});

describe("searchMessages: by guest name", () => {
  it('finds "José García" when asked for "jose" (case- and accent-insensitive)', async () => {
    const result = await searchMessages(source(), { guest_name: "jose" });
    expect(result.successful_results.map((thread) => thread.guest_name)).toEqual([
      "José García",
      "Jose Garcia Lopez",
    ]);
  });

  it("also sends the accent-stripped query upstream, and filters loosely matched names locally", async () => {
    const fake = source();
    const list = fake.reservations.list;
    const matches: unknown[] = [];
    // An upstream whose `match` is accent-sensitive and loose: it only finds "Jose…" for "Jose", plus a stranger.
    fake.reservations.list = async (query, options) => {
      matches.push(query);
      const page = await list({ ...query, match: undefined }, options);
      const items = page.items.filter((reservation) =>
        query.match === "Jose García"
          ? false
          : (reservation.guestName ?? "").startsWith("Jose") || reservation.id === 5,
      );
      return { items, count: items.length };
    };
    const result = await searchMessages(fake, { guest_name: "José  García" });
    expect(matches).toEqual([
      { match: "José García", limit: 100 },
      { match: "Jose Garcia", limit: 100 },
    ]);
    expect(result.successful_results.map((thread) => thread.booking_id)).toEqual([2]);
  });

  it("says so when the page bound leaves the accent-stripped query unasked", async () => {
    const fake = source();
    const result = await searchMessages(fake, { guest_name: "José" }, { maxReservationPages: 1 });
    expect(fake.count("reservations.list")).toBe(1);
    expect(result.successful_results.map((thread) => thread.booking_id)).toEqual([1, 2]);
    expect(result.note).toContain(
      "Hostaway's guest-name search went past 1 page of reservations; bookings beyond them were not searched",
    );
  });

  it("gives two guests sharing a surname two threads, told apart by their context", async () => {
    const result = await searchMessages(source(), { guest_name: "schmidt" });
    expect(result.successful_results).toHaveLength(2);
    const [anna, lukas] = result.successful_results;
    expect(anna).toMatchObject({ booking_id: 3, guest_name: "Anna Schmidt", listing_name: "Harbour Flat" });
    expect(lukas).toMatchObject({
      booking_id: 4,
      guest_name: "Lukas Schmidt",
      listing_name: "Old Town Studio",
    });
    expect(anna?.arrival_date).not.toBe(lukas?.arrival_date);
    expect(anna?.messages.every((message) => message.booking_id === 3)).toBe(true);
    expect(lukas?.messages.every((message) => message.booking_id === 4)).toBe(true);
  });

  it("reads each found booking's messages without looking the reservation up again", async () => {
    const fake = source();
    await searchMessages(fake, { guest_name: "schmidt" });
    expect(fake.count("reservations.get")).toBe(0);
    expect(fake.count("conversations.list")).toBe(2);
  });

  it("lists a matching guest's booking without messages as an empty thread", async () => {
    const fake = new FakeSource([{ id: 9, guestName: "Quiet Guest" }], []);
    const result = await searchMessages(fake, { guest_name: "quiet" });
    expect(result.successful_results).toEqual([
      expect.objectContaining({ booking_id: 9, total_count: 0, messages: [], has_more: false }),
    ]);
  });

  it("skips bookings whose latest activity is older than start_date, without reading them", async () => {
    const fake = source();
    const result = await searchMessages(fake, { guest_name: "schmidt", start_date: "2026-11-03" });
    expect(result.successful_results.map((thread) => thread.booking_id)).toEqual([3]);
    expect(result.successful_results[0]?.messages.map((message) => message.id)).toEqual([301]);
    expect(fake.calls.some((call) => call.method === "conversations.list" && call.id === 4)).toBe(false);
  });

  it("finds a guest by first and last name when Hostaway sends no full name", async () => {
    const fake = new FakeSource(
      [{ id: 9, guestName: null, guestFirstName: "Émile", guestLastName: "Zola", latestActivityOn: null }],
      [],
    );
    const list = fake.reservations.list;
    fake.reservations.list = (query, options) => list({ ...query, match: undefined }, options);
    const result = await searchMessages(fake, { guest_name: "emile zola" });
    expect(result.successful_results[0]).toMatchObject({ booking_id: 9, guest_name: "Émile Zola" });
  });
});

describe("searchMessages: by date range", () => {
  const day = (id: number, date: string) => ({ id, date, body: `at ${date}` });
  const edges = () =>
    new FakeSource(
      [{ id: 1, guestName: "Edge Case", latestActivityOn: "2026-11-06 00:00:00" }],
      [
        {
          id: 10,
          reservationId: 1,
          messages: [
            day(1, "2026-11-02 23:59:59"),
            day(2, "2026-11-03 00:00:00"),
            day(3, "2026-11-05 23:59:59"),
            day(4, "2026-11-06 00:00:00"),
          ],
        },
      ],
    );

  it("includes 00:00:00 of start_date and 23:59:59 of end_date, and nothing a second outside", async () => {
    const result = await searchMessages(edges(), { start_date: "2026-11-03", end_date: "2026-11-05" });
    expect(result.successful_results[0]?.messages.map((message) => message.timestamp)).toEqual([
      "2026-11-03T00:00:00Z",
      "2026-11-05T23:59:59Z",
    ]);
  });

  it("accepts a single-day range and an open end", async () => {
    const single = await searchMessages(edges(), { start_date: "2026-11-03", end_date: "2026-11-03" });
    expect(single.successful_results[0]?.messages.map((message) => message.id)).toEqual([2]);
    const openEnd = await searchMessages(edges(), { start_date: "2026-11-06" });
    expect(openEnd.successful_results[0]?.messages.map((message) => message.id)).toEqual([4]);
    const openStart = await searchMessages(edges(), { end_date: "2026-11-02" });
    expect(openStart.successful_results[0]?.messages.map((message) => message.id)).toEqual([1]);
  });

  it("walks reservations by latest activity and stops at the first older than start_date", async () => {
    const many: RawReservation[] = Array.from({ length: 250 }, (_, index) => ({
      id: index + 1,
      guestName: `Guest ${index + 1}`,
      // Booking 250 is the most recently active, one day apart going back.
      latestActivityOn: new Date(Date.parse("2026-11-20T12:00:00Z") - (250 - (index + 1)) * 86_400_000)
        .toISOString()
        .slice(0, 19)
        .replace("T", " "),
    }));
    const threads: RawConversation[] = many.map((reservation) => ({
      id: 10_000 + reservation.id,
      reservationId: reservation.id,
      messages: [{ id: 20_000 + reservation.id, date: reservation.latestActivityOn ?? null, body: "hi" }],
    }));
    const fake = new FakeSource(many, threads, { pageCap: 100 });
    const result = await searchMessages(fake, { start_date: "2026-11-16", end_date: "2026-11-18" });
    expect(result.successful_results.map((thread) => thread.booking_id)).toEqual([248, 247, 246]);
    expect(result.summary).toMatchObject({ succeeded: 3, failed: 0 });
    // One page of reservations suffices; only the five bookings active since start_date are read.
    expect(fake.count("reservations.list")).toBe(1);
    expect(fake.calls.find((call) => call.method === "reservations.list")?.query).toMatchObject({
      sortOrder: "latestActivityDesc",
    });
    expect(fake.count("conversations.list")).toBe(5);
  });

  it("follows the afterId cursor across pages, asking Hostaway for reservations active since the start date", async () => {
    const many: RawReservation[] = Array.from({ length: 150 }, (_, index) => ({
      id: index + 1,
      guestName: `Guest ${index + 1}`,
      latestActivityOn: "2026-11-10 10:00:00",
    }));
    const fake = new FakeSource(many, []);
    const result = await searchMessages(
      fake,
      { start_date: "2026-11-01", end_date: "2026-11-30" },
      { maxBookings: 200, concurrency: 20 },
    );
    const queries = fake.calls
      .filter((call) => call.method === "reservations.list")
      .map((call) => call.query);
    expect(queries).toEqual([
      { sortOrder: "latestActivityDesc", latestActivityStart: "2026-11-01", limit: 100 },
      { sortOrder: "latestActivityDesc", latestActivityStart: "2026-11-01", limit: 100, afterId: 51 },
    ]);
    // No booking has a message in the range, so none is a match.
    expect(result.summary).toEqual({ total_attempted: 0, succeeded: 0, failed: 0, success_rate: 0 });
  });

  it("filters by channels within the range (criteria combine with AND)", async () => {
    const result = await searchMessages(source(), {
      start_date: "2026-11-01",
      end_date: "2026-11-30",
      channels: ["whatsapp"],
    });
    expect(result.successful_results.map((thread) => thread.booking_id)).toEqual([3]);
    expect(result.successful_results[0]?.messages.map((message) => message.id)).toEqual([301]);
  });

  it("orders threads by their newest matching message, newest first", async () => {
    const result = await searchMessages(source(), { start_date: "2026-11-01", end_date: "2026-11-30" });
    expect(result.successful_results.map((thread) => thread.booking_id)).toEqual([1, 2, 3, 4]);
  });
});

describe("searchMessages: limit and offset across threads", () => {
  it("cuts one window from the threads' messages laid end to end, and lists every matching thread", async () => {
    // Threads in order: 1 (2 msgs), 2 (1), 3 (2), 4 (1) → messages 101 102 | 201 | 302 301 | 401
    const criteria = { start_date: "2026-11-01", end_date: "2026-11-30" };
    const page = await searchMessages(source(), { ...criteria, offset: 1, limit: 3 });
    expect(page.successful_results.map((thread) => thread.messages.map((message) => message.id))).toEqual([
      [102],
      [201],
      [302],
      [],
    ]);
    expect(
      page.successful_results.map((thread) => [thread.offset, thread.total_count, thread.has_more]),
    ).toEqual([
      [1, 2, false],
      [0, 1, false],
      [0, 2, true],
      [0, 1, true],
    ]);
    expect(page.summary.succeeded).toBe(4);
    expect(page.note).toBe(
      "Returned messages 2–4 of the 6 matching messages; call again with the same criteria and offset=4 for the " +
        "next ones.",
    );

    // Following the note's offset until it is null reads every message exactly once.
    const collected: number[] = [];
    let offset: number | null = 0;
    for (let calls = 0; offset !== null && calls < 10; calls++) {
      const slice = await searchMessages(source(), { ...criteria, offset, limit: 2 });
      collected.push(
        ...slice.successful_results.flatMap((thread) => thread.messages.map((message) => message.id)),
      );
      const next = slice.note?.match(/offset=(\d+)/)?.[1];
      offset = next === undefined ? null : Number(next);
    }
    expect(collected).toEqual([101, 102, 201, 302, 301, 401]);
  });

  it("has no note when the window holds every matching message, and says when the offset is past the end", async () => {
    const criteria = { start_date: "2026-11-01", end_date: "2026-11-30" };
    expect((await searchMessages(source(), criteria)).note).toBeNull();
    expect((await searchMessages(source(), { ...criteria, offset: 4, limit: 2 })).note).toBeNull();
    const past = await searchMessages(source(), { ...criteria, offset: 9 });
    expect(past.successful_results.every((thread) => thread.messages.length === 0)).toBe(true);
    expect(past.note).toBe(
      "Offset 9 is past the end: the search matched 6 messages; ask again with an offset below 6.",
    );
    const nothing = await searchMessages(source(), { guest_name: "nobody" });
    expect(nothing).toMatchObject({ successful_results: [], failed_items: [], note: null });
  });
});

describe("searchMessages: maxResponseChars", () => {
  const criteria = { start_date: "2026-11-01", end_date: "2026-11-30" };

  it("drops messages from the end of the window to fit, listing the threads they belong to, has_more truthful", async () => {
    const full = await searchMessages(source(), criteria);
    const fullLength = JSON.stringify(full).length;
    const budget = fullLength - 200;
    const result = await searchMessages(source(), criteria, { maxResponseChars: budget });
    expect(JSON.stringify(result).length).toBeLessThanOrEqual(budget);
    expect(ResponseSchema.parse(result)).toEqual(result);
    const returned = result.successful_results.flatMap((thread) =>
      thread.messages.map((message) => message.id),
    );
    expect(returned.length).toBeGreaterThan(0);
    expect(returned.length).toBeLessThan(6);
    expect(returned).toEqual([101, 102, 201, 302, 301, 401].slice(0, returned.length));
    // Only threads with a message in the answer are listed; the summary still counts all four.
    const listed = result.successful_results.map((thread) => thread.booking_id);
    expect([1, 2, 3, 4].slice(0, listed.length)).toEqual(listed);
    expect(result.successful_results.every((thread) => thread.messages.length > 0)).toBe(true);
    for (const thread of result.successful_results) {
      expect(thread.has_more).toBe(thread.offset + thread.messages.length < thread.total_count);
    }
    expect(result.summary).toEqual(full.summary);
    const leftOut = 4 - listed.length;
    expect(result.note).toBe(
      `Returned messages 1–${returned.length} of the 6 matching messages (${6 - returned.length} more of this ` +
        `window were left out to stay under ${budget} characters); call again with the same criteria and ` +
        `offset=${returned.length} for the next ones.` +
        (leftOut === 0
          ? ""
          : ` ${leftOut} matching ${leftOut === 1 ? "thread holds" : "threads hold"} no message of this answer and ${leftOut === 1 ? "is" : "are"} not listed, to stay under ${budget} characters (the summary counts ${leftOut === 1 ? "it" : "them"}).`),
    );
  });

  it("returns the whole window when it fits, and says so when not even the threads fit", async () => {
    const readAt = () => Date.parse("2026-11-20T10:00:00Z"); // the same as_of for both answers
    const full = await searchMessages(source({ readAt }), criteria);
    expect(await searchMessages(source({ readAt }), criteria, { maxResponseChars: 100_000 })).toEqual(full);
    const tiny = await searchMessages(source(), criteria, { maxResponseChars: 10 });
    expect(tiny.successful_results.every((thread) => thread.messages.length === 0)).toBe(true);
    expect(tiny.note).toMatch(
      /^Returned none of the 6 matching messages to stay under 10 characters: the matching threads alone fill/,
    );
  });

  it("rejects a budget that is not a whole number of at least 1", async () => {
    await expect(searchMessages(source(), criteria, { maxResponseChars: 0 })).rejects.toMatchObject({
      field: "maxResponseChars",
    });
    await expect(searchMessages(source(), criteria, { maxResponseChars: 2.5 })).rejects.toThrow(
      "maxResponseChars: must be a whole number of at least 1 when given, got 2.5",
    );
  });
});

describe("searchMessages: failures", () => {
  const at = { method: "GET", path: "/conversations" } as const;
  // The client's own errors, each with Hostaway text that must not reach the answer.
  const cases = [
    [
      "not_found",
      new HostawayNotFoundError({
        ...at,
        status: 404,
        detail: "not found (HTTP 404): Conversation not found",
      }),
      null,
      "Booking 4: not found in Hostaway (HTTP 404).",
    ],
    [
      "rate_limit",
      new HostawayRateLimitError({
        ...at,
        detail: "rate limit exceeded (HTTP 429): Too many",
        retryAfterMs: 4200,
      }),
      5,
      "Booking 4: Hostaway's rate limit was reached (HTTP 429).",
    ],
    [
      "timeout",
      new HostawayTimeoutError({ ...at, detail: "no response within 30000 ms", sent: true }),
      5,
      "Booking 4: Hostaway did not answer in time.",
    ],
    [
      "upstream_error",
      new HostawayUpstreamError({ ...at, status: 500, detail: "HTTP 500: stack trace at /v1/conversations" }),
      30,
      "Booking 4: Hostaway failed (HTTP 500).",
    ],
    [
      "unauthorized",
      new HostawayAuthError({
        method: "POST",
        path: "/accessTokens",
        status: 403,
        detail: "credentials rejected",
      }),
      null,
      "Booking 4: Hostaway rejected the account id or secret key (HTTP 403).",
    ],
    [
      "validation_error",
      new HostawayValidationError({
        ...at,
        status: 400,
        detail: "request failed (HTTP 400): bad reservationId",
      }),
      null,
      "Booking 4: Hostaway rejected the request as invalid (HTTP 400).",
    ],
  ] as const;

  it.each(cases)(
    "turns a %s on one booking into a failed item and still returns the rest",
    async (type, error, wait, message) => {
      const fake = source({
        beforeCall(call: { method: string; id: number }) {
          if (call.method === "conversations.list" && call.id === 4) throw error;
        },
      });
      const result = await searchMessages(fake, { guest_name: "schmidt" });
      expect(ResponseSchema.parse(result)).toEqual(result);
      expect(result.successful_results.map((thread) => thread.booking_id)).toEqual([3]);
      expect(result.failed_items).toEqual([
        {
          item_id: "4",
          error_type: type,
          error_message: message,
          remediation: expect.stringMatching(/booking 4\b/i),
          retry_after_seconds: wait,
        },
      ]);
      expect(JSON.stringify(result.failed_items)).not.toMatch(/\/conversations|\/accessTokens|GET |POST /);
      expect(result.summary).toEqual({ total_attempted: 2, succeeded: 1, failed: 1, success_rate: 0.5 });
    },
  );

  it("names the booking and the wait in a rate-limit remediation", async () => {
    const fake = source({
      beforeCall(call: { method: string; id: number }) {
        if (call.method === "conversations.messages" && call.id === 14) throw cases[1][1];
      },
    });
    const result = await searchMessages(fake, { guest_name: "schmidt" });
    expect(result.failed_items[0]?.remediation).toBe(
      "Hostaway's rate limit (15 requests per 10 s per IP, 20 per account) stopped booking 4. " +
        "Retry in 5 s; search again with booking_id 4.",
    );
  });

  it("classifies a zod error as validation_error, as batch-runner does", async () => {
    const fake = source({
      beforeCall(call: { method: string; id: number }) {
        if (call.method === "conversations.list" && call.id === 4)
          z.object({ id: z.number() }).parse({ id: "4" });
      },
    });
    const result = await searchMessages(fake, { guest_name: "schmidt" });
    expect(result.failed_items).toEqual([
      expect.objectContaining({ item_id: "4", error_type: describeError(new z.ZodError([])).error_type }),
    ]);
    expect(result.failed_items[0]).toMatchObject({
      error_type: "validation_error",
      error_message: expect.stringMatching(/^Booking 4: invalid input \(id: /),
    });
  });

  it("classifies an error without a known type as internal_error and masks contact data in its text", async () => {
    const fake = source({
      beforeCall(call: { method: string; id: number }) {
        if (call.method === "conversations.list" && call.id === 3)
          throw new TypeError("secret anna@example.com");
      },
    });
    const result = await searchMessages(fake, { guest_name: "schmidt" });
    expect(result.failed_items[0]).toMatchObject({ item_id: "3", error_type: "internal_error" });
    expect(JSON.stringify(result)).not.toContain("anna@example.com");
    expect(result.summary).toMatchObject({ total_attempted: 2, succeeded: 1, failed: 1 });
  });

  it("uses a 10 s wait for a rate limit without a delay, and describes a thrown non-error", async () => {
    const fake = source({
      beforeCall(call: { method: string; id: number }) {
        if (call.method === "conversations.list" && call.id === 3)
          throw new HostawayRateLimitError({ ...at, detail: "429" });
        if (call.method === "conversations.list" && call.id === 4) throw "boom";
      },
    });
    const result = await searchMessages(fake, { guest_name: "schmidt" });
    expect(
      result.failed_items.map((failure) => [
        failure.item_id,
        failure.error_type,
        failure.retry_after_seconds,
      ]),
    ).toEqual([
      ["3", "rate_limit", 10],
      ["4", "internal_error", null],
    ]);
    expect(result.failed_items[1]?.error_message).toBe("Booking 4: failed with a non-error value (string).");
  });

  it("rethrows an error while finding bookings (no answer is possible)", async () => {
    const fake = source({
      beforeCall(call: { method: string }) {
        if (call.method === "reservations.list")
          throw new FakeError("GET /reservations: HTTP 500", "upstream_error");
      },
    });
    await expect(searchMessages(fake, { guest_name: "schmidt" })).rejects.toMatchObject({
      errorType: "upstream_error",
    });
  });

  it("rethrows the source's abort error when the caller cancels", async () => {
    const controller = new AbortController();
    class FakeAbortError extends FakeError {}
    const fake = source({
      beforeCall(call: { method: string; id: number }) {
        if (call.method === "conversations.list" && call.id === 3) {
          controller.abort();
          throw new FakeAbortError("aborted by the caller", "timeout");
        }
      },
    });
    const search = searchMessages(
      fake,
      { guest_name: "schmidt" },
      { signal: controller.signal, concurrency: 1 },
    );
    await expect(search).rejects.toBeInstanceOf(FakeAbortError);
    expect(fake.calls.some((call) => call.method === "conversations.list" && call.id === 4)).toBe(false);
  });

  it("throws the signal's reason when cancelled with no source error to hand", async () => {
    const controller = new AbortController();
    const fake = source({
      beforeCall(call: { method: string }) {
        if (call.method === "conversations.messages") controller.abort(new Error("stop"));
      },
    });
    await expect(searchMessages(fake, { booking_id: 3 }, { signal: controller.signal })).rejects.toThrow(
      "stop",
    );
  });
});

describe("searchMessages: bounds and progress", () => {
  it("reads at most maxBookings bookings and says which were not searched", async () => {
    const fake = source();
    const result = await searchMessages(
      fake,
      { start_date: "2026-11-01", end_date: "2026-11-30" },
      { maxBookings: 2 },
    );
    expect(result.successful_results.map((thread) => thread.booking_id)).toEqual([1, 2]);
    // The cap is a note, not a failed item: the counts cover real bookings only.
    expect(result.failed_items).toEqual([]);
    expect(result.summary).toEqual({ total_attempted: 2, succeeded: 2, failed: 0, success_rate: 1 });
    expect(result.note).toBe(
      "The search stopped at its bounds. 2 of the 4 bookings that could hold matching messages were not searched " +
        "(one search reads at most 2): bookings 3, 4. To search them, narrow the search: a shorter date range " +
        "(a later start_date or an earlier end_date), a more specific guest_name, or a booking_id for each " +
        "booking not searched.",
    );
    expect(ResponseSchema.parse(result)).toEqual(result);
    expect(fake.count("conversations.list")).toBe(2);
  });

  it("prefers bookings active inside the range when the cap bites", async () => {
    const fake = source();
    const result = await searchMessages(
      fake,
      { start_date: "2026-11-02", end_date: "2026-11-03" },
      { maxBookings: 2 },
    );
    // Bookings 1 and 2 were active after the range; 3 and 4 inside it, so those are read first.
    expect(result.successful_results.map((thread) => thread.booking_id)).toEqual([3, 4]);
  });

  it("reads bookings created after the range last, and those of unknown activity after them", async () => {
    const fake = new FakeSource(
      [
        {
          id: 1,
          guestName: "Created Late",
          reservationDate: "2026-11-04 00:00:00",
          latestActivityOn: "2026-11-04 01:00:00",
        },
        {
          id: 2,
          guestName: "Created Early",
          reservationDate: "2026-10-01 00:00:00",
          latestActivityOn: "2026-11-09 00:00:00",
        },
        {
          id: 3,
          guestName: "Inside",
          reservationDate: "2026-10-01 00:00:00",
          latestActivityOn: "2026-11-02 00:00:00",
        },
        { id: 4, guestName: "Unknown", latestActivityOn: null },
      ],
      [],
    );
    const criteria = { start_date: "2026-11-01", end_date: "2026-11-03" };
    const read = async (maxBookings: number) => {
      await searchMessages(fake, criteria, { maxBookings, concurrency: 1 });
      const order = fake.calls.filter((call) => call.method === "conversations.list").map((call) => call.id);
      fake.calls.length = 0;
      return order;
    };
    expect(await read(2)).toEqual([3, 2]);
    expect(await read(4)).toEqual([3, 2, 1, 4]);
  });

  it("stops the reservation walk at maxReservationPages and says so", async () => {
    const many: RawReservation[] = Array.from({ length: 30 }, (_, index) => ({
      id: index + 1,
      guestName: `Guest ${index + 1}`,
      latestActivityOn: "2026-11-10 10:00:00",
    }));
    const fake = new FakeSource(many, [], { pageCap: 10 });
    const result = await searchMessages(
      fake,
      { start_date: "2026-11-01" },
      { maxReservationPages: 2, maxBookings: 50 },
    );
    expect(fake.count("reservations.list")).toBe(2);
    expect(result.failed_items).toEqual([]);
    expect(result.note).toBe(
      "The search stopped at its bounds. The walk over reservations stopped after 2 pages without reaching " +
        "activity older than start_date, so bookings last active before 2026-11-10T10:00:00Z were not searched " +
        "(how many is unknown). To search them, narrow the search: a shorter date range (a later start_date or " +
        "an earlier end_date), a more specific guest_name, or a booking_id for each booking not searched.",
    );
  });

  it("says so when both caps bite", async () => {
    const many: RawReservation[] = Array.from({ length: 30 }, (_, index) => ({
      id: index + 1,
      guestName: `Guest ${index + 1}`,
      latestActivityOn: "2026-11-10 10:00:00",
    }));
    const fake = new FakeSource(many, [], { pageCap: 10 });
    const result = await searchMessages(
      fake,
      { start_date: "2026-11-01" },
      { maxReservationPages: 2, maxBookings: 5 },
    );
    // The five bookings read have no messages in the range, so they are no items; the note still tells the story.
    expect(result.summary.total_attempted).toBe(0);
    expect(result.note).toMatch(
      /^The search stopped at its bounds\. 15 of the 20 bookings that could hold matching messages were not searched \(one search reads at most 5\): bookings 25, 24, 23, 22, 21, 20, 19, 18, 17, 16 and 5 more\. The walk over reservations stopped after 2 pages/,
    );
  });

  it("caps a guest-name search too", async () => {
    const many: RawReservation[] = Array.from({ length: 30 }, (_, index) => ({
      id: index + 1,
      guestName: "Sam Lee",
    }));
    const fake = new FakeSource(many, [], { pageCap: 10 });
    const pages = await searchMessages(
      fake,
      { guest_name: "sam" },
      { maxReservationPages: 2, maxBookings: 50 },
    );
    expect(pages.successful_results).toHaveLength(20);
    expect(pages.failed_items).toEqual([]);
    expect(pages.note).toContain(
      "Hostaway's guest-name search went past 2 pages of reservations; bookings beyond them were not searched " +
        "(how many is unknown).",
    );
    const bookings = await searchMessages(fake, { guest_name: "sam" }, { maxBookings: 3 });
    expect(bookings.successful_results).toHaveLength(3);
    expect(bookings.summary.total_attempted).toBe(3);
    expect(bookings.note).toContain(
      "27 of the 30 bookings that could hold matching messages were not searched",
    );
    expect(bookings.note).toContain(": bookings 27, 26, 25, 24, 23, 22, 21, 20, 19, 18 and 17 more.");
  });

  it("reports progress after each booking, and survives a throwing listener", async () => {
    const progress: [number, number][] = [];
    const onProgress = vi.fn(({ done, total }: { done: number; total: number }) => {
      progress.push([done, total]);
      throw new Error("listener bug");
    });
    const result = await searchMessages(source(), { guest_name: "schmidt" }, { onProgress });
    expect(result.successful_results).toHaveLength(2);
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });
});

describe("searchMessages: the booking context of every thread", () => {
  // Hostaway's full and listed reservations carry no listingName (REFERENCE.md §8.3); only a conversation's
  // embedded copy does, so these bookings' listings are named by a read of the listings.
  const unnamed: RawReservation[] = [
    { id: 61, guestName: "Ida Berg", listingMapId: 7001, listingName: undefined },
    { id: 62, guestName: "Ida Lund", listingMapId: 7002, listingName: undefined },
    { id: 63, guestName: "Ida Holm", listingMapId: 7003, listingName: undefined },
  ];
  const listings = [
    { id: 7001, name: "Fjord Cabin" },
    { id: 7002, name: "Birch House" },
    { id: 7003, name: "Lake Loft" },
  ];

  it("names every thread's listing with one read of the listings for the whole answer", async () => {
    const fake = new FakeSource(unnamed, [], { listings });
    const result = await searchMessages(fake, { guest_name: "ida" });
    expect(
      Object.fromEntries(result.successful_results.map((thread) => [thread.booking_id, thread.listing_name])),
    ).toEqual({ 61: "Fjord Cabin", 62: "Birch House", 63: "Lake Loft" });
    expect(fake.count("listings.list") + fake.count("listings.get")).toBe(1);
  });

  it("takes the name a conversation embeds without reading the listings", async () => {
    const fake = source();
    const result = await searchMessages(fake, { guest_name: "Schmidt" });
    expect(result.successful_results.map((thread) => thread.listing_name)).toEqual([
      "Harbour Flat",
      "Old Town Studio",
    ]);
    expect(fake.count("listings.list") + fake.count("listings.get")).toBe(0);
  });

  it("reads one listing singly when only one thread lacks its name", async () => {
    const fake = new FakeSource([unnamed[0] as RawReservation], [], { listings });
    const result = await searchMessages(fake, { booking_id: 61 });
    expect(result.successful_results[0]?.listing_name).toBe("Fjord Cabin");
    expect(fake.calls.filter((call) => call.method.startsWith("listings."))).toMatchObject([
      { method: "listings.get", id: 7001 },
    ]);
  });

  it("leaves listing_name null, and the answer whole, when the listings cannot be read", async () => {
    const fake = new FakeSource(unnamed, [], {
      listings,
      beforeCall: (call) => {
        if (call.method.startsWith("listings.")) throw new FakeError("Hostaway failed", "upstream_error");
      },
    });
    const result = await searchMessages(fake, { guest_name: "ida" });
    expect(result.successful_results).toHaveLength(3);
    expect(result.failed_items).toEqual([]);
    expect(result.successful_results.every((thread) => thread.listing_name === null)).toBe(true);
  });

  it("leaves listing_name null for a listing that no longer exists", async () => {
    const fake = new FakeSource(unnamed, [], { listings: [{ id: 7001, name: "Fjord Cabin" }] });
    const result = await searchMessages(fake, { guest_name: "ida" });
    expect(result.successful_results.map((thread) => thread.listing_name).sort()).toEqual([
      "Fjord Cabin",
      null,
      null,
    ]);
  });
});

describe("searchMessages: complete date-range searches (issue 12)", () => {
  const range = { start_date: "2026-11-01", end_date: "2026-11-30" };

  it("reads every booking active since the start date: no cap on bookings by default", async () => {
    const many: RawReservation[] = Array.from({ length: 60 }, (_, index) => ({
      id: index + 1,
      guestName: `Guest ${index + 1}`,
      latestActivityOn: "2026-11-10 10:00:00",
    }));
    const threads: RawConversation[] = many.map((reservation) => ({
      id: 1000 + reservation.id,
      reservationId: reservation.id,
      messages: [{ id: 5000 + reservation.id, date: "2026-11-10 10:00:00", body: "hi" }],
    }));
    const result = await searchMessages(new FakeSource(many, threads), { ...range, limit: 1000 });
    expect(result.summary.succeeded).toBe(60);
    expect(result.note).toBeNull();
  });

  it("does not read the messages of a conversation quiet since the start date", async () => {
    const fake = source({ conversationTimes: true });
    const result = await searchMessages(fake, { start_date: "2026-11-03", end_date: "2026-11-30" });
    expect(result.successful_results.map((thread) => thread.booking_id).sort()).toEqual([1, 2, 3]);
    const read = fake.calls.filter((call) => call.method === "conversations.messages").map((call) => call.id);
    // Booking 4's only message (Nov 2) is older than the range: its conversation is listed but not read.
    expect(read).not.toContain(14);
    expect(read).toContain(13);
  });

  it("reads the candidates' conversations in one plan when the source offers ofReservations", async () => {
    const fake = source();
    const asked: number[][] = [];
    (fake.conversations as MessageSource["conversations"]).ofReservations = async (
      ids: readonly number[],
    ) => {
      asked.push([...ids]);
      const pages = new Map();
      for (const id of ids)
        pages.set(id, await fake.conversations.list({ reservationId: id, limit: 100, offset: 0 }));
      return pages;
    };
    const result = await searchMessages(fake, range);
    expect(asked).toEqual([[1, 2, 3, 4]]);
    // The plan's reads only: the search did not list any booking's conversations again.
    expect(fake.count("conversations.list")).toBe(4);
    expect(result.summary.succeeded).toBe(4);
  });

  it("names every booking its deadline left unread, without calling them failures", async () => {
    const fake = source({
      beforeCall: async (call: { method: string }) => {
        if (call.method === "conversations.messages") await new Promise((resolve) => setTimeout(resolve, 80));
      },
    });
    const result = await searchMessages(fake, range, { deadlineMs: 40, concurrency: 1 });
    expect(result.failed_items).toEqual([]);
    expect(result.note).toMatch(
      /^The search ran out of its 40 ms before reading \d of the 4 bookings that could hold matching messages: bookings [\d, ]+\. Ask again with the same criteria/,
    );
  });

  it("still answers with what it read when its deadline has passed before the listing names are read", async () => {
    // No listing names on the reservations: they come from a listing read, after the deadline cut the messages.
    const fake = unnamedSource({
      beforeCall: async (call: { method: string }) => {
        if (call.method === "conversations.messages") await new Promise((resolve) => setTimeout(resolve, 80));
      },
    });
    const result = await searchMessages(fake, range, { deadlineMs: 40, concurrency: 1 });
    expect(result.note).toMatch(/^The search ran out of its 40 ms before reading \d of the 4 bookings/);
    expect(result.successful_results.length).toBeGreaterThan(0);
    // The grace read the name (the fake answers at once): the threads are as complete as without a deadline.
    for (const thread of result.successful_results) expect(thread.listing_name).toBe("Sea View Loft");
  });

  it("leaves a listing name null, not the answer lost, when the name read outlasts the grace", async () => {
    const fake = unnamedSource({
      beforeCall: async (call: { method: string }) => {
        const hang =
          call.method === "conversations.messages" ? 80 : call.method.startsWith("listings") ? 5000 : 0;
        if (hang > 0) await new Promise((resolve) => setTimeout(resolve, hang));
      },
    });
    const result = await searchMessages(fake, range, { deadlineMs: 40, concurrency: 1 });
    expect(result.note).toMatch(/ran out of its 40 ms/);
    // Null, not "Sea View Loft": the answer did not wait out the 5 s listing read.
    expect(result.successful_results.length).toBeGreaterThan(0);
    for (const thread of result.successful_results) expect(thread.listing_name).toBeNull();
  });

  it("queues a warming search's listing-name reads as background work, like its other reads", async () => {
    const fake = unnamedSource();
    const flags: (boolean | undefined)[] = [];
    const { get, list } = fake.listings;
    fake.listings.get = (id, options) => {
      flags.push(options?.background);
      return get(id, options);
    };
    fake.listings.list = (query, options) => {
      flags.push(options?.background);
      return list(query, options);
    };
    const result = await searchMessages(fake, range, { background: true });
    expect(result.successful_results[0]?.listing_name).toBe("Sea View Loft");
    expect(flags.length).toBeGreaterThan(0);
    expect(flags.every((flag) => flag === true)).toBe(true);
  });

  it("says so when the deadline came while bookings were still being found", async () => {
    const fake = source({
      beforeCall: async (call: { method: string }) => {
        if (call.method === "reservations.list") await new Promise((resolve) => setTimeout(resolve, 60));
      },
    });
    const result = await searchMessages(fake, range, { deadlineMs: 20 });
    // The fake ignores the abort while it waits, then the search sees its deadline passed before any booking.
    expect(result.successful_results).toEqual([]);
    expect(result.note ?? "").toMatch(/ran out of its 20 ms/);
  });

  it("rejects a deadline that is not a whole number of ms of at least 1", async () => {
    await expect(searchMessages(source(), range, { deadlineMs: 0 })).rejects.toMatchObject({
      field: "deadlineMs",
    });
  });
});
