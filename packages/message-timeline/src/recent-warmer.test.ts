import { describe, expect, it, vi } from "vitest";
import { FakeSource, type RawConversation, type RawReservation } from "../test/fake-source.js";
import { startRecentWarmer } from "./recent-warmer.js";

const reservations: RawReservation[] = [
  { id: 1, guestName: "Ann", latestActivityOn: "2026-11-19 10:00:00" },
  { id: 2, guestName: "Ben", latestActivityOn: "2026-11-15 10:00:00" },
  { id: 3, guestName: "Cy", latestActivityOn: "2026-10-01 10:00:00" },
];
const conversations: RawConversation[] = [
  { id: 11, reservationId: 1, messages: [{ id: 101, date: "2026-11-19 09:00:00", body: "hi" }] },
  { id: 12, reservationId: 2, messages: [{ id: 201, date: "2026-11-15 09:00:00", body: "hello" }] },
  { id: 13, reservationId: 3, messages: [{ id: 301, date: "2026-10-01 09:00:00", body: "old" }] },
];
const now = () => Date.parse("2026-11-20T12:00:00Z");

describe("startRecentWarmer", () => {
  it("reads the last days' bookings as background work, pass after pass, until stopped", async () => {
    const fake = new FakeSource(reservations, conversations);
    const flags: (boolean | undefined)[] = [];
    const list = fake.reservations.list;
    fake.reservations.list = (query, options) => {
      flags.push(options?.background);
      return list(query, options);
    };
    const passes: number[] = [];
    const lines: string[] = [];
    const logger = { info: (_: object, message: string) => lines.push(message), warn: () => {} };
    const budget = { share: 0.25, perWindow: 5, windowMs: 10_000 };
    const warmer = startRecentWarmer(fake, {
      days: 7,
      pauseMs: 5,
      now,
      logger,
      budget,
      onPass: (pass) => passes.push(pass.bookings),
    });
    await vi.waitFor(() => expect(warmer.status().passes).toBeGreaterThanOrEqual(2));
    await warmer.stop();
    const status = warmer.status();
    expect(status).toMatchObject({ mode: "recent", days: 7, running: false, budget });
    expect(lines[0]).toBe(
      "cache warming on: bookings active in the last 7 days, at most 5 background requests per 10 s (25 % of the account window)",
    );
    expect(lines[1]).toMatch(/^warming pass 1: 2 bookings in \d+\.\d s$/);
    expect(status.lastPass).toMatchObject({
      bookings: 2,
      complete: true,
      finishedAt: "2026-11-20T12:00:00.000Z",
    });
    expect(passes.every((bookings) => bookings === 2)).toBe(true);
    expect(flags.length).toBeGreaterThan(0);
    expect(flags.every((flag) => flag === true)).toBe(true);
    // The range is the last 7 days: the October booking's messages were never read.
    expect(fake.calls.some((call) => call.method === "conversations.messages" && call.id === 13)).toBe(false);
    const stoppedAt = fake.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.calls.length).toBe(stoppedAt);
  });

  it("reports a failing pass and goes on", async () => {
    let failures = 0;
    const fake = new FakeSource(reservations, conversations, {
      beforeCall: (call) => {
        if (call.method === "reservations.list" && failures++ < 1) throw new Error("HTTP 503");
      },
    });
    const errors: unknown[] = [];
    const warned: Record<string, unknown>[] = [];
    const logger = { info: () => {}, warn: (fields: Record<string, unknown>) => warned.push(fields) };
    const warmer = startRecentWarmer(fake, {
      pauseMs: 5,
      now,
      logger,
      onError: (error) => errors.push(error),
    });
    await vi.waitFor(() => expect(warmer.status().passes).toBeGreaterThanOrEqual(1));
    await warmer.stop();
    expect(errors).toHaveLength(1);
    expect(warned).toEqual([{ warm: "recent", errorType: "internal_error" }]);
  });

  it("marks a pass its deadline cut as incomplete", async () => {
    const fake = new FakeSource(reservations, conversations, {
      beforeCall: async (call) => {
        if (call.method !== "conversations.messages") return;
        await new Promise((resolve) => setTimeout(resolve, 30));
        call.signal?.throwIfAborted(); // as the client does: the deadline aborts the request
      },
    });
    const warmer = startRecentWarmer(fake, { pauseMs: 5, passDeadlineMs: 10, now });
    await vi.waitFor(() => expect(warmer.status().passes).toBeGreaterThanOrEqual(1));
    await warmer.stop();
    expect(warmer.status().lastPass?.complete).toBe(false);
  });

  it("refuses a bad number of days", () => {
    expect(() => startRecentWarmer(new FakeSource([], []), { days: 0 })).toThrow(
      /days must be a whole number/,
    );
  });

  it("refuses to start on a budget of no background request per window", () => {
    expect(() =>
      startRecentWarmer(new FakeSource(reservations, conversations), {
        budget: { share: 0.01, perWindow: 0, windowMs: 10_000 },
      }),
    ).toThrow(/allows no background request per window: raise the client's rateLimit.backgroundShare/);
  });
});
