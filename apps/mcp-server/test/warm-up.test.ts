import { PassThrough } from "node:stream";
import type { ConversationThread } from "@hostaway-mcp/domain-models";
import { type Sandbox, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../src/main.js";

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

/** `hostaway-mcp --transport http` in-process against `target`; `logs()` parses what it wrote to stderr. */
async function startMain(target: Sandbox, secretKey = target.credentials.secretKey) {
  const stderr = new PassThrough();
  let text = "";
  stderr.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  const outcome = await main(
    ["--transport", "http", "--port", "0"],
    {
      HOSTAWAY_ACCOUNT_ID: target.credentials.accountId,
      HOSTAWAY_SECRET_KEY: secretKey,
      HOSTAWAY_API_BASE_URL: target.url,
      LOG_LEVEL: "info",
    },
    { stdin: new PassThrough(), stdout: new PassThrough(), stderr },
  );
  if (outcome.kind !== "running" || outcome.url === undefined) throw new Error("expected an HTTP server");
  const logs = (): Array<Record<string, unknown>> =>
    text
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  return { outcome, url: outcome.url, logs };
}

describe("start-up token warm-up", () => {
  it("fetches the token once serving, so a 100-message history costs 2 upstream requests and no token", async () => {
    // REFERENCE.md §2: a token works 1 s after issue; the sandbox answers 403 to one used sooner.
    sandbox = await startSandbox({ rateLimits: false, tokenNotBeforeMs: 1000 });
    const { outcome, url, logs } = await startMain(sandbox);
    const client = new Client({ name: "warm-up-test", version: "0.0.0" });
    try {
      await outcome.warmUp;
      expect(sandbox.stats()).toMatchObject({ total: 1, tokenRequests: 1 });
      expect(logs().map((line) => line.msg)).toContain(
        "Hostaway access token obtained: the first request will not wait for one",
      );

      await client.connect(new StreamableHTTPClientTransport(new URL(`${url}/mcp`)));
      const result = await client.callTool({
        name: "hostaway_get_conversation_history",
        arguments: { booking_id: sandbox.fixtures.bookings.hundredMessages, limit: 1000 },
      });
      expect(result.isError).toBeFalsy();
      // The whole history is read upstream; the answer may hold fewer messages to fit the response budget.
      const thread = result.structuredContent as ConversationThread;
      expect(thread.total_count).toBe(100);
      expect(thread.messages.length).toBeGreaterThan(0);

      // The conversation list and one page of 100 messages: no token request, no 403 and re-authentication.
      expect(sandbox.stats()).toMatchObject({ total: 3, tokenRequests: 1 });
    } finally {
      await client.close();
      await outcome.close();
    }
  });

  it("rejected credentials are logged once, without the secret, and the server keeps serving", async () => {
    sandbox = await startSandbox({ rateLimits: false });
    const wrongSecret = "wrong-secret-do-not-log-0123";
    const { outcome, url, logs } = await startMain(sandbox, wrongSecret);
    try {
      await outcome.warmUp;
      const failures = logs().filter((line) =>
        String(line.msg).startsWith("could not obtain a Hostaway access token"),
      );
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({
        level: 40,
        errorType: "unauthorized",
        code: "HOSTAWAY_UNAUTHORIZED",
      });
      expect(failures[0]?.msg).toContain("POST /accessTokens: credentials rejected");
      expect(JSON.stringify(logs())).not.toContain(wrongSecret);
      expect((await fetch(`${url}/health`)).status).toBe(200);
    } finally {
      await outcome.close();
    }
  });

  it("a shutdown during the warm-up ends it quietly", async () => {
    sandbox = await startSandbox({ rateLimits: false });
    sandbox.injectFault({ path: "/v1/accessTokens", kind: "hang" });
    const { outcome, logs } = await startMain(sandbox);
    while (sandbox.stats().tokenRequests === 0) await new Promise((resolve) => setTimeout(resolve, 5));

    await outcome.close();
    await outcome.warmUp;

    expect(logs().some((line) => String(line.msg).includes("access token"))).toBe(false);
  });
});
