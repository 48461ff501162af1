import { describe, expect, it } from "vitest";
import { systemClock } from "./clock.js";

describe("systemClock", () => {
  it("sleeps for real", async () => {
    const startedAt = performance.now();
    await systemClock.sleep(20);
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(15);
    const before = Date.now();
    const now = systemClock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it("stops sleeping when the signal aborts, with the signal's reason", async () => {
    await expect(systemClock.sleep(10, AbortSignal.abort(new Error("already")))).rejects.toThrow("already");

    const controller = new AbortController();
    const sleeping = systemClock.sleep(10_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(sleeping).rejects.toThrow("stop");
  });
});
