import { afterAll, beforeAll } from "vitest";
import { type Sandbox, startSandbox } from "../../src/index.js";
import { SandboxClient } from "./sandbox-client.js";

/**
 * A sandbox on a manual clock a day after the default anchor (so every live edit is the newest thing in the
 * dataset), with an authenticated client; started before the file's tests and closed after them.
 */
export function useLiveSandbox() {
  const live = {
    sandbox: undefined as unknown as Sandbox,
    client: undefined as unknown as SandboxClient,
    clock: Date.parse("2026-11-21T09:30:00Z"),
    /** Moves the clock on by a minute (call it before each test). */
    tick() {
      live.clock += 60_000;
    },
  };
  beforeAll(async () => {
    live.sandbox = await startSandbox({ rateLimits: false, now: () => live.clock });
    live.client = new SandboxClient(live.sandbox);
    await live.client.authenticate();
  });
  afterAll(() => live.sandbox.close());
  return live;
}
