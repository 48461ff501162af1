import { Writable } from "node:stream";
import { type Sandbox, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../src/run-cli.js";

const API_KEY = "warm-up-test-key-0123456789";

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

/** Starts `hostaway-rest` in-process against `target`, collecting its JSON log lines. */
async function startCli(target: Sandbox, secretKey = target.credentials.secretKey) {
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const result = await runCli(["--port", "0"], {
    env: {
      HOSTAWAY_ACCOUNT_ID: target.credentials.accountId,
      HOSTAWAY_SECRET_KEY: secretKey,
      HOSTAWAY_API_BASE_URL: target.url,
      API_KEYS: API_KEY,
    },
    stdout: () => {},
    stderr: () => {},
    logger: () => pino({ level: "info" }, sink),
  });
  if (result.kind !== "serving") throw new Error(`expected a server, got ${JSON.stringify(result)}`);
  const get = (path: string) => fetch(`${result.running.url}${path}`, { headers: { "X-API-Key": API_KEY } });
  return { result, logs, get };
}

describe("start-up token warm-up", () => {
  it("fetches the token after listening, so a 100-message history costs 2 upstream requests and no token", async () => {
    // REFERENCE.md §2: a token works 1 s after issue; the sandbox answers 403 to one used sooner.
    sandbox = await startSandbox({ rateLimits: false, tokenNotBeforeMs: 1000 });
    const { result, logs, get } = await startCli(sandbox);
    try {
      await result.warmUp;
      expect(sandbox.stats()).toMatchObject({ total: 1, tokenRequests: 1 });
      expect(logs.map((line) => line.msg)).toContain(
        "Hostaway access token obtained: the first request will not wait for one",
      );

      const bookingId = sandbox.fixtures.bookings.hundredMessages;
      const response = await get(`/api/messages/conversation/${bookingId}?limit=1000`);
      expect(response.status).toBe(200);
      const thread = (await response.json()) as { messages: unknown[] };
      expect(thread.messages).toHaveLength(100);

      // The conversation list and one page of 100 messages: no token request, no 403 and re-authentication.
      expect(sandbox.stats()).toMatchObject({ total: 3, tokenRequests: 1 });
    } finally {
      await result.stop();
    }
  });

  it("rejected credentials are logged once, without the secret; the server keeps serving and /ready says why", async () => {
    sandbox = await startSandbox({ rateLimits: false });
    const wrongSecret = "wrong-secret-do-not-log-0123";
    const { result, logs, get } = await startCli(sandbox, wrongSecret);
    try {
      await result.warmUp;
      const failures = logs.filter((line) =>
        String(line.msg).startsWith("could not obtain a Hostaway access token"),
      );
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({
        level: 40,
        errorType: "unauthorized",
        code: "HOSTAWAY_UNAUTHORIZED",
      });
      expect(failures[0]?.msg).toContain("POST /accessTokens: credentials rejected");
      expect(JSON.stringify(logs)).not.toContain(wrongSecret);

      expect((await get("/health")).status).toBe(200);
      const ready = await get("/ready");
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ error: { type: "unauthorized" } });
    } finally {
      await result.stop();
    }
  });

  it("a shutdown during the warm-up ends it quietly", async () => {
    sandbox = await startSandbox({ rateLimits: false });
    sandbox.injectFault({ path: "/v1/accessTokens", kind: "hang" });
    const { result, logs } = await startCli(sandbox);
    while (sandbox.stats().tokenRequests === 0) await new Promise((resolve) => setTimeout(resolve, 5));

    await result.stop();
    await result.warmUp;

    expect(logs.some((line) => String(line.msg).includes("access token"))).toBe(false);
  });
});
