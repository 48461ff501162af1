import Bottleneck from "bottleneck";
import nock from "nock";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { envelope, listing, mockToken, ORIGIN, testClient } from "../test/helpers.js";
import { HostawayAbortError } from "./errors.js";
import { createRateGate } from "./rate-limiter.js";

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

/** Runs `count` jobs through the gate at once and returns when each one started (ms, monotonic). */
async function startTimes(gate: ReturnType<typeof createRateGate>, count: number): Promise<number[]> {
  const starts: number[] = [];
  await Promise.all(
    Array.from({ length: count }, () =>
      gate.run(async () => {
        starts.push(performance.now());
      }),
    ),
  );
  return starts.sort((a, b) => a - b);
}

/** The largest number of starts inside any window of `windowMs`, wherever the window is placed. */
function busiestWindow(starts: number[], windowMs: number): number {
  let busiest = 0;
  for (let i = 0; i < starts.length; i += 1) {
    const first = starts[i] as number;
    busiest = Math.max(busiest, starts.filter((t) => t >= first && t < first + windowMs).length);
  }
  return busiest;
}

describe("sliding-window rate limits", () => {
  it("never lets a window of windowMs hold more than the limit, wherever it is placed", async () => {
    const gate = createRateGate({ ip: 4, account: 0, windowMs: 300, safetyMarginMs: 5 });

    const starts = await startTimes(gate, 12);

    expect(busiestWindow(starts, 300)).toBe(4);
    // …and it is not slower than it must be: the 5th job takes the first freed slot, not a later one.
    const secondWave = (starts[4] as number) - (starts[0] as number);
    expect(secondWave).toBeGreaterThanOrEqual(300);
    expect(secondWave).toBeLessThan(600);
  });

  it("the smaller of the IP and account limits binds", async () => {
    const gate = createRateGate({ ip: 5, account: 3, windowMs: 120, safetyMarginMs: 5 });

    const starts = await startTimes(gate, 7);

    expect(busiestWindow(starts, 120)).toBe(3);
  });

  it("0 turns the limits off", async () => {
    const gate = createRateGate({ ip: 0, account: 0, windowMs: 10_000 });

    const starts = await startTimes(gate, 50);

    expect(busiestWindow(starts, 10_000)).toBe(50);
  });

  it("an injected Bottleneck with a reservoir becomes a sliding window shared by whoever holds it", async () => {
    const shared = new Bottleneck({ reservoir: 2 });
    const first = createRateGate({ ip: 0, windowMs: 120, safetyMarginMs: 5, limiter: shared });
    const second = createRateGate({ ip: 0, windowMs: 120, safetyMarginMs: 5, limiter: shared });

    const [a, b] = await Promise.all([startTimes(first, 3), startTimes(second, 3)]);

    expect(
      busiestWindow(
        [...a, ...b].sort((x, y) => x - y),
        120,
      ),
    ).toBe(2);
    await expect(shared.currentReservoir()).resolves.toBeLessThanOrEqual(2);
  });

  it("an injected Bottleneck without a reservoir is used as it is", async () => {
    const shared = new Bottleneck({ maxConcurrent: 1 });
    const gate = createRateGate({ ip: 0, windowMs: 50, limiter: shared });
    let running = 0;
    let mostAtOnce = 0;

    await Promise.all(
      Array.from({ length: 5 }, () =>
        gate.run(async () => {
          running += 1;
          mostAtOnce = Math.max(mostAtOnce, running);
          await new Promise((resolve) => setTimeout(resolve, 5));
          running -= 1;
        }),
      ),
    );

    expect(mostAtOnce).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 80));
    await expect(shared.currentReservoir()).resolves.toBeNull();
  });

  it("a job aborted while queued leaves at once, never runs, and costs no slot", async () => {
    const gate = createRateGate({ ip: 1, account: 0, windowMs: 200, safetyMarginMs: 5 });
    const ran: string[] = [];
    const startedAt: Record<string, number> = {};
    const job = (name: string) => async () => {
      ran.push(name);
      startedAt[name] = performance.now();
    };
    const controller = new AbortController();

    const first = gate.run(job("first"));
    const abandoned = gate.run(job("abandoned"), { signal: controller.signal });
    const last = gate.run(job("last"));
    controller.abort(new Error("caller left"));

    await expect(abandoned).rejects.toThrow("caller left");
    await Promise.all([first, last]);
    expect(ran).toEqual(["first", "last"]);
    // "last" took the slot freed by "first"; the abandoned entry did not hold it for another window.
    expect((startedAt.last as number) - (startedAt.first as number)).toBeLessThan(400);
  });

  it("rejects a negative or fractional limit with a message naming it", () => {
    expect(() => createRateGate({ ip: -1 })).toThrow(
      "rateLimit.ip must be a whole number ≥ 0 (0 = off), got -1",
    );
    expect(() => createRateGate({ account: 1.5 })).toThrow(RangeError);
    expect(() => createRateGate({ windowMs: Number.NaN })).toThrow(
      "rateLimit.windowMs must be a number of milliseconds ≥ 0",
    );
  });
});

describe("the client and its limiter", () => {
  it("a call aborted while queued for a slot never reaches the network", async () => {
    mockToken();
    nock(ORIGIN)
      .get("/v1/listings/1")
      .reply(200, envelope(listing(1)));
    const queued = nock(ORIGIN)
      .get("/v1/listings/2")
      .reply(200, envelope(listing(2)));
    // Two slots per minute: the token request and the first call take them, the second call must queue.
    const { client } = testClient({ rateLimit: { ip: 2, account: 0, windowMs: 60_000 } });
    await client.listings.get(1);
    const controller = new AbortController();

    const pending = client.listings.get(2, { signal: controller.signal });
    controller.abort();

    await expect(pending).rejects.toBeInstanceOf(HostawayAbortError);
    await expect(pending).rejects.toMatchObject({ sent: false });
    expect(queued.isDone()).toBe(false);
    expect(client.stats().requests).toBe(2);
  });

  it("the deadline also covers the wait for a slot", async () => {
    mockToken();
    nock(ORIGIN)
      .get("/v1/listings/1")
      .reply(200, envelope(listing(1)));
    const { client } = testClient({ rateLimit: { ip: 2, account: 0, windowMs: 60_000 } });
    await client.listings.get(1);

    const error = await client.listings.get(2, { deadlineMs: 50 }).catch((e: unknown) => e);

    expect(error).toMatchObject({ name: "HostawayTimeoutError", sent: false });
    expect((error as Error).message).toBe("GET /listings/2: no answer within the 50 ms deadline");
  });
});
