import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { type CoalescedCall, RequestCoalescer } from "./request-coalescer.js";

/** A call whose shared request settles only when told to (or rejects when its own signal aborts). */
function pendingCall(signal: AbortSignal | undefined) {
  let answer: (value: string) => void = () => {};
  const call: CoalescedCall<string, { executions: number }> = {
    signal,
    createState: () => ({ executions: 0 }),
    execute: (shared, state) => {
      state.executions += 1;
      return new Promise<string>((resolve, reject) => {
        answer = resolve;
        shared.addEventListener("abort", () => reject(shared.reason), { once: true });
      });
    },
    onAbort: (reason) => new Error(`left: ${String(reason)}`),
    onJoin: () => {},
  };
  return { call, answer: (value: string) => answer(value) };
}

describe("RequestCoalescer and the caller's signal", () => {
  it("50 concurrent calls sharing one signal add no listener to it, and all leave when it aborts", async () => {
    const caller = new AbortController();
    const calls = Array.from({ length: 50 }, (_, index) =>
      new RequestCoalescer().run(`GET /reservations/${index}`, pendingCall(caller.signal).call),
    );
    // Each waiter listens on a signal of its own that follows the caller's (Node warns past 10 on one signal).
    expect(getEventListeners(caller.signal, "abort")).toHaveLength(0);
    caller.abort("hung up");
    const outcomes = await Promise.allSettled(calls);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(50).fill("rejected"));
    expect((outcomes[0] as PromiseRejectedResult).reason).toEqual(new Error("left: hung up"));
  });

  it("a waiter whose call answered stops listening", async () => {
    const caller = new AbortController();
    const coalescer = new RequestCoalescer();
    const { call, answer } = pendingCall(caller.signal);
    const result = coalescer.run("GET /listings/1", call);
    answer("listing 1");
    await expect(result).resolves.toBe("listing 1");
    // Aborting afterwards changes nothing for the settled call.
    caller.abort("late");
    await expect(result).resolves.toBe("listing 1");
  });

  it("one waiter leaving does not cancel the request another still waits for", async () => {
    const coalescer = new RequestCoalescer();
    const leaving = new AbortController();
    const first = pendingCall(leaving.signal);
    const left = coalescer.run("GET /listings/2", first.call);
    const staying = coalescer.run("GET /listings/2", pendingCall(new AbortController().signal).call);
    leaving.abort("changed my mind");
    await expect(left).rejects.toThrow("left: changed my mind");
    first.answer("listing 2");
    await expect(staying).resolves.toBe("listing 2");
  });
});
