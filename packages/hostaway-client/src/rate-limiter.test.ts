import Bottleneck from "bottleneck";
import nock from "nock";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { envelope, listing, mockToken, ORIGIN, testClient } from "../test/helpers.js";
import { HostawayAbortError } from "./errors.js";
import { BackgroundDeferred, createRateGate, type SharedSlots } from "./rate-limiter.js";

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

/**
 * Runs `count` jobs through the gate at once and returns when each one started, in fake time (ms). The timers
 * (Bottleneck's and the windows' own) run on vi's fake clock, so the times are exact and a loaded machine cannot
 * stretch them.
 */
async function startTimes(gate: ReturnType<typeof createRateGate>, count: number): Promise<number[]> {
  const starts: number[] = [];
  const jobs = Promise.all(
    Array.from({ length: count }, () =>
      gate.run(async () => {
        starts.push(Date.now());
      }),
    ),
  );
  await settle(jobs);
  return starts.sort((a, b) => a - b);
}

/** Runs fake timers until `promise` settles (a timer may be set only after an earlier one's promise chain ran). */
async function settle<T>(promise: Promise<T>): Promise<T> {
  let settled = false;
  const done = () => {
    settled = true;
  };
  promise.then(done, done);
  for (let round = 0; !settled && round < 1_000; round += 1) await vi.runAllTimersAsync();
  return promise;
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
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("never lets a window of windowMs hold more than the limit, wherever it is placed", async () => {
    const gate = createRateGate({ ip: 4, account: 0, windowMs: 300, safetyMarginMs: 5 });

    const starts = await startTimes(gate, 12);

    expect(busiestWindow(starts, 300)).toBe(4);
    // …and it is not slower than it must be: each wave takes the slots freed one window (+ margin) after the
    // previous one, not later.
    const origin = starts[0] as number;
    expect(starts.map((start) => start - origin)).toEqual([
      0, 0, 0, 0, 305, 305, 305, 305, 610, 610, 610, 610,
    ]);
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
    await expect(settle(shared.currentReservoir())).resolves.toBeLessThanOrEqual(2);
  });

  it("an injected Bottleneck without a reservoir is used as it is", async () => {
    const shared = new Bottleneck({ maxConcurrent: 1 });
    const gate = createRateGate({ ip: 0, windowMs: 50, limiter: shared });
    let running = 0;
    let mostAtOnce = 0;

    const jobs = Promise.all(
      Array.from({ length: 5 }, () =>
        gate.run(async () => {
          running += 1;
          mostAtOnce = Math.max(mostAtOnce, running);
          await new Promise((resolve) => setTimeout(resolve, 5));
          running -= 1;
        }),
      ),
    );
    // Runs the jobs and every window's give-back timer: nothing is added to a limiter that had no reservoir.
    await settle(jobs);

    expect(mostAtOnce).toBe(1);
    await expect(settle(shared.currentReservoir())).resolves.toBeNull();
  });

  it("a job aborted while queued leaves at once, never runs, and costs no slot", async () => {
    const gate = createRateGate({ ip: 1, account: 0, windowMs: 200, safetyMarginMs: 5 });
    const ran: string[] = [];
    const startedAt: Record<string, number> = {};
    const job = (name: string) => async () => {
      ran.push(name);
      startedAt[name] = Date.now();
    };
    const controller = new AbortController();

    const first = gate.run(job("first"));
    const abandoned = gate.run(job("abandoned"), { signal: controller.signal });
    const last = gate.run(job("last"));
    controller.abort(new Error("caller left"));

    await expect(abandoned).rejects.toThrow("caller left");
    await settle(Promise.all([first, last]));
    expect(ran).toEqual(["first", "last"]);
    // "last" took the slot freed by "first" one window (+ margin) later; the abandoned entry did not hold it for
    // another window.
    expect((startedAt.last as number) - (startedAt.first as number)).toBe(205);
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

describe("background requests (cache warming)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Runs jobs through the gate and records, per job, when it started and whether it was background. */
  function record(gate: ReturnType<typeof createRateGate>) {
    const starts: { at: number; background: boolean; label: string }[] = [];
    const run = (label: string, background: boolean) =>
      gate.run(
        async () => {
          starts.push({ at: Date.now(), background, label });
        },
        { background },
      );
    return { starts, run };
  }

  it("holds background requests to their share of the account window, wherever the window is placed", async () => {
    const gate = createRateGate({
      ip: 15,
      account: 20,
      windowMs: 1000,
      safetyMarginMs: 0,
      backgroundShare: 0.25,
    });
    expect(gate.backgroundLimit).toBe(5);
    const { starts, run } = record(gate);
    await settle(Promise.all(Array.from({ length: 30 }, (_, index) => run(`b${index}`, true))));
    expect(starts).toHaveLength(30);
    expect(
      busiestWindow(
        starts.map((start) => start.at),
        1000,
      ),
    ).toBe(5);
  });

  it("lets every waiting interactive request go before a background one", async () => {
    const gate = createRateGate({
      ip: 4,
      account: 0,
      windowMs: 1000,
      safetyMarginMs: 0,
      backgroundShare: 0.5,
    });
    const { starts, run } = record(gate);
    const background = Array.from({ length: 6 }, (_, index) => run(`b${index}`, true));
    // The warmer takes what its share allows (2 of the 4 slots) before the interactive requests arrive.
    for (let tick = 0; tick < 50 && starts.length < 2; tick++) await vi.advanceTimersByTimeAsync(1);
    const interactive = Array.from({ length: 8 }, (_, index) => run(`i${index}`, false));
    await settle(Promise.all([...background, ...interactive]));
    const order = starts.map((start) => start.label);
    // Two background requests had their slots before the interactive ones arrived; after that, no background
    // request starts while an interactive one waits.
    const lastInteractive = order.lastIndexOf("i7");
    const backgroundBefore = order.slice(0, lastInteractive).filter((label) => label.startsWith("b"));
    expect(backgroundBefore).toEqual(["b0", "b1"]);
  });

  it("delays interactive requests by at most the slot a background request already held", async () => {
    const options = { ip: 5, account: 0, windowMs: 1000, safetyMarginMs: 0, backgroundShare: 0.2 } as const;
    const baseline = record(createRateGate(options));
    await settle(Promise.all(Array.from({ length: 12 }, (_, index) => baseline.run(`i${index}`, false))));

    const loaded = record(createRateGate(options));
    const warming = Array.from({ length: 20 }, (_, index) => loaded.run(`b${index}`, true));
    // The warmer gets its first slot before the interactive requests arrive.
    for (let tick = 0; tick < 50 && loaded.starts.length < 1; tick++) await vi.advanceTimersByTimeAsync(1);
    const offset = Date.now();
    await settle(
      Promise.all([...Array.from({ length: 12 }, (_, index) => loaded.run(`i${index}`, false)), ...warming]),
    );
    const without = baseline.starts.map((start) => start.at - (baseline.starts[0]?.at ?? 0));
    const withWarmer = loaded.starts.filter((start) => !start.background).map((start) => start.at - offset);
    // The i-th interactive request starts no later than the (i+1)-th did without the warmer: one slot at most.
    for (let index = 0; index + 1 < without.length; index++) {
      expect(withWarmer[index]).toBeLessThanOrEqual(without[index + 1] as number);
    }
  });

  /**
   * A gate of 3 slots per window (all of them open to background work) over shared windows (Redis) that grant
   * interactive requests at once and defer background ones by `deferMs()` (null: grant), as when other processes'
   * warmers hold the account's background log, or Redis is away.
   */
  function deferringGate(deferMs: () => number | null) {
    const shared: SharedSlots = {
      acquire: async ({ background }) => {
        const wait = background ? deferMs() : null;
        if (wait !== null) throw new BackgroundDeferred(wait);
        return { started: () => {}, giveBack: () => {} };
      },
      coolDown: () => {},
    };
    return createRateGate({
      ip: 3,
      account: 0,
      windowMs: 1000,
      safetyMarginMs: 0,
      backgroundShare: 1,
      shared,
    });
  }

  it("a background request the shared windows defer holds none of this process's slots while it waits", async () => {
    let deferring = true;
    const gate = deferringGate(() => (deferring ? 500 : null));
    const { starts, run } = record(gate);
    const warming = Array.from({ length: 3 }, (_, index) => run(`b${index}`, true));
    await vi.advanceTimersByTimeAsync(10);
    // Every one of the 3 slots is free for interactive work: all three start at once, none a window later.
    const at = Date.now();
    const interactive = Promise.all(Array.from({ length: 3 }, (_, index) => run(`i${index}`, false)));
    await vi.advanceTimersByTimeAsync(50);
    await interactive;
    // (Bottleneck hands out queued jobs a few ms apart; a held slot would have kept one back a whole window.)
    expect(starts.map((start) => start.label)).toEqual(["i0", "i1", "i2"]);
    for (const start of starts) expect(start.at - at).toBeLessThan(50);
    // Once the shared windows grant them, the deferred ones go out, each exactly once.
    deferring = false;
    await settle(Promise.all(warming));
    expect(
      starts
        .filter((start) => start.background)
        .map((start) => start.label)
        .sort(),
    ).toEqual(["b0", "b1", "b2"]);
  });

  it("a deferred background request aborted while it waits leaves at once and never goes out", async () => {
    const gate = deferringGate(() => 10_000);
    const { starts, run } = record(gate);
    const controller = new AbortController();
    const warming = gate.run(async () => starts.push({ at: Date.now(), background: true, label: "b" }), {
      background: true,
      signal: controller.signal,
    });
    await vi.advanceTimersByTimeAsync(100);
    controller.abort(new Error("stopped"));
    await expect(warming).rejects.toThrow("stopped");
    await settle(run("i0", false));
    expect(starts.map((start) => start.label)).toEqual(["i0"]);
  });

  it("checks the share, and has no ceiling when every window is off", () => {
    expect(() => createRateGate({ backgroundShare: 0 })).toThrow(
      /backgroundShare must be a number > 0 and ≤ 1/,
    );
    expect(() => createRateGate({ backgroundShare: 1.5 })).toThrow(RangeError);
    expect(createRateGate({ ip: 0, account: 0 }).backgroundLimit).toBeNull();
    expect(createRateGate({ ip: 15, account: 0, backgroundShare: 0.1 }).backgroundLimit).toBe(1);
    // Rounded down, never up: a ceiling of 0.58 × 50 is 29 (28.999… in floating point), of 0.3 × 20 is 6.
    expect(createRateGate({ account: 50, backgroundShare: 0.58 }).backgroundLimit).toBe(29);
    expect(createRateGate({ backgroundShare: 0.3 }).backgroundLimit).toBe(6);
  });

  it("refuses background work when the share is too small for one request, and still sends interactive ones", async () => {
    const gate = createRateGate({ ip: 15, account: 20, windowMs: 1000, backgroundShare: 0.01 });
    expect(gate.backgroundLimit).toBe(0);
    const { starts, run } = record(gate);
    await expect(run("b0", true)).rejects.toThrow(
      "rateLimit.backgroundShare 0.01 of 20 requests per window allows no background request: at least 0.05 allows one",
    );
    await settle(run("i0", false));
    expect(starts.map((start) => start.label)).toEqual(["i0"]);
  });
});
