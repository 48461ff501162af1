import { getMaxListeners, setMaxListeners } from "node:events";
import { createHostawayClient } from "@hostaway-mcp/hostaway-client";
import { startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import { describe, expect, it } from "vitest";
import { batchGetBookings, batchGetProperties, runBatch } from "../src/index.js";

/** The listener limit Node gives every AbortSignal before version 24 (and any signal a caller sets one on). */
const NODE_SIGNAL_LISTENER_LIMIT = 10;

/**
 * Runs `work` with that limit on every AbortSignal that listens (Node 24 leaves signals unlimited, so without this
 * the warning could not show here) and returns the MaxListenersExceededWarnings it caused.
 */
async function listenerWarningsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const warnings: string[] = [];
  const onWarning = (warning: Error) => {
    if (warning.name === "MaxListenersExceededWarning") warnings.push(warning.message);
  };
  const addEventListener = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (this: EventTarget, ...args) {
    if (this instanceof AbortSignal && getMaxListeners(this) === 0) {
      setMaxListeners(NODE_SIGNAL_LISTENER_LIMIT, this);
    }
    return addEventListener.apply(this, args);
  };
  process.on("warning", onWarning);
  try {
    await work();
    // Node emits warnings on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    EventTarget.prototype.addEventListener = addEventListener;
    process.off("warning", onWarning);
  }
  return warnings;
}

const fiftyIds = Array.from({ length: 50 }, (_, index) => index + 1);

describe("a 50-id batch and abort listeners", () => {
  it("the probe puts Node's limit of 10 on every signal that listens (so the tests below can fail)", async () => {
    const signal = new AbortController().signal;
    await listenerWarningsDuring(async () => signal.addEventListener("abort", () => {}));
    // 11 listeners on this signal would now warn (not done here: Node would print the warning too).
    expect(getMaxListeners(signal)).toBe(NODE_SIGNAL_LISTENER_LIMIT);
  });

  it("runBatch gives every item a signal of its own: workers that listen on it cause no warning", async () => {
    const caller = new AbortController();
    const warnings = await listenerWarningsDuring(() =>
      runBatch(
        fiftyIds,
        async (id, { signal }) => {
          // Like the client: wait, listening for an abort, then answer.
          await new Promise((resolve, reject) => {
            const onAbort = () => reject(signal.reason);
            signal.addEventListener("abort", onAbort, { once: true });
            setTimeout(() => {
              signal.removeEventListener("abort", onAbort);
              resolve(id);
            }, 5);
          });
          return id;
        },
        { signal: caller.signal },
      ),
    );
    expect(warnings).toEqual([]);
  });

  it("the real client on the sandbox: 50 bookings and 50 properties, with and without a caller's signal", async () => {
    const sandbox = await startSandbox({ rateLimits: false, latencyMs: 5 });
    const client = createHostawayClient({
      ...sandbox.credentials,
      baseUrl: sandbox.url,
      tokenActivationDelayMs: 0,
      rateLimit: { ip: 0, account: 0 },
    });
    try {
      const bookingIds = sandbox.fixtures.bookingIds.slice(0, 50);
      const listingIds = [...sandbox.fixtures.listingIds];
      const propertyIds = listingIds.concat(
        Array.from(
          { length: 50 - listingIds.length },
          (_, index) => sandbox.fixtures.unknownListingId + index,
        ),
      );
      const caller = new AbortController();
      let answers: Array<{ summary: { total_attempted: number } }> = [];
      const warnings = await listenerWarningsDuring(async () => {
        answers = await Promise.all([
          batchGetBookings(client, bookingIds, { signal: caller.signal }),
          batchGetBookings(client, bookingIds),
          batchGetProperties(client, propertyIds, { signal: caller.signal }),
          batchGetProperties(client, propertyIds, { signal: caller.signal, strategy: "single" }),
        ]);
      });
      expect(warnings).toEqual([]);
      expect(answers.map((answer) => answer.summary.total_attempted)).toEqual([50, 50, 50, 50]);
    } finally {
      client.close();
      await sandbox.close();
    }
  });
});
