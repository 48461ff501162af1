import { PassThrough } from "node:stream";
import { type Sandbox, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFromApiKey } from "./audit.js";
import { main } from "./main.js";
import { SERVER_VERSION } from "./version.js";

function streams() {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const read = (stream: PassThrough) => () => {
    let text = "";
    for (let chunk = stream.read(); chunk !== null; chunk = stream.read()) text += chunk.toString("utf8");
    return text;
  };
  return { io: { stdin, stdout, stderr }, stdout: read(stdout), stderr: read(stderr) };
}

describe("main", () => {
  it("prints the version from package.json", async () => {
    const s = streams();
    expect(await main(["--version"], {}, s.io)).toEqual({ kind: "exit", code: 0 });
    expect(s.stdout()).toBe(`${SERVER_VERSION}\n`);
    expect(SERVER_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("prints help naming every option and variable", async () => {
    const s = streams();
    expect(await main(["-h"], {}, s.io)).toEqual({ kind: "exit", code: 0 });
    const help = s.stdout();
    for (const word of [
      "--transport",
      "--port",
      "--host",
      "HOSTAWAY_ACCOUNT_ID",
      "HOSTAWAY_SECRET_KEY",
      "HOSTAWAY_API_BASE_URL",
      "HOSTAWAY_RATE_LIMIT_IP",
      "HOSTAWAY_RATE_LIMIT_ACCOUNT",
      "LOG_LEVEL",
      "API_KEYS",
      "ALLOWED_ORIGINS",
      "ALLOWED_HOSTS",
    ]) {
      expect(help).toContain(word);
    }
  });

  it("stops with one clear line and exit code 1 on bad configuration or flags", async () => {
    for (const [argv, env, message] of [
      [[], {}, /^hostaway-mcp: invalid configuration: HOSTAWAY_ACCOUNT_ID is required/],
      [
        ["--transport", "http", "--port", "x"],
        { HOSTAWAY_ACCOUNT_ID: "1", HOSTAWAY_SECRET_KEY: "k" },
        /--port must be a port number between 0 and 65535/,
      ],
      [["--frobnicate"], {}, /Unknown option '--frobnicate'/],
      // The sandbox is a development tool: the binary has no flag that loads it.
      [["--sandbox"], {}, /Unknown option '--sandbox'/],
      [
        ["--transport", "http", "--host", "0.0.0.0", "--port", "0"],
        { HOSTAWAY_ACCOUNT_ID: "1", HOSTAWAY_SECRET_KEY: "k" },
        /API_KEYS is required to listen on a non-loopback --host/,
      ],
    ] as const) {
      const s = streams();
      expect(await main(argv, env, s.io)).toEqual({ kind: "exit", code: 1 });
      const stderr = s.stderr();
      expect(stderr).toMatch(message);
      expect(stderr.trim().split("\n")).toHaveLength(1);
      expect(s.stdout()).toBe("");
    }
  });
});

describe("main serving", () => {
  let sandbox: Sandbox;
  let env: Record<string, string>;
  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimits: false });
    env = {
      HOSTAWAY_ACCOUNT_ID: String(sandbox.credentials.accountId),
      HOSTAWAY_SECRET_KEY: sandbox.credentials.secretKey,
      HOSTAWAY_API_BASE_URL: sandbox.url,
      LOG_LEVEL: "info",
    };
  });
  afterAll(async () => sandbox?.close());

  it("serves HTTP with --transport http and stops on close", async () => {
    const s = streams();
    const outcome = await main(
      ["--transport", "http", "--port", "0"],
      { ...env, API_KEYS: "main-test-key-0123456789" },
      s.io,
    );
    if (outcome.kind !== "running") throw new Error("expected a running server");
    try {
      expect(outcome.transport).toBe("http");
      const health = await fetch(`${outcome.url}/health`);
      expect(await health.json()).toEqual({ status: "ok", warming: { mode: "off" }, redis: { mode: "off" } });
      const unauthorized = await fetch(`${outcome.url}/mcp`, { method: "POST" });
      expect(unauthorized.status).toBe(401);
    } finally {
      await outcome.close();
    }
    await outcome.stopped;
    const logs = s
      .stderr()
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    expect(logs).toContainEqual(expect.objectContaining({ transport: "http", auth: "bearer" }));
    expect(JSON.stringify(logs)).not.toContain(sandbox.credentials.secretKey);
  });

  it("audits HTTP callers as anonymous without API keys, and by key hash with them", async () => {
    const bookingId = sandbox.fixtures.bookingIds[0] as number;
    const auditedCaller = async (apiKeys: string | undefined): Promise<unknown> => {
      const s = streams();
      const outcome = await main(
        ["--transport", "http", "--port", "0"],
        apiKeys === undefined ? env : { ...env, API_KEYS: apiKeys },
        s.io,
      );
      if (outcome.kind !== "running") throw new Error("expected a running server");
      const client = new Client({ name: "audit-test", version: "0.0.0" });
      try {
        await client.connect(
          new StreamableHTTPClientTransport(new URL(`${outcome.url}/mcp`), {
            requestInit: { headers: apiKeys === undefined ? {} : { authorization: `Bearer ${apiKeys}` } },
          }),
        );
        const result = await client.callTool({
          name: "hostaway_get_guest_info",
          arguments: { booking_id: bookingId },
        });
        expect(result.isError).toBeFalsy();
      } finally {
        await client.close();
        await outcome.close();
      }
      const audits = s
        .stderr()
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line))
        .filter((line) => line.audit === true);
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ tool: "hostaway_get_guest_info", booking_id: bookingId });
      return audits[0].caller;
    };
    expect(await auditedCaller(undefined)).toBe("anonymous");
    const key = "audit-test-key-0123456789";
    expect(await auditedCaller(key)).toBe(callerFromApiKey(key));
  });

  it("serves stdio on the given streams and stops when stdin ends", async () => {
    const s = streams();
    const outcome = await main([], env, s.io);
    if (outcome.kind !== "running") throw new Error("expected a running server");
    expect(outcome.transport).toBe("stdio");
    s.io.stdin.write(
      `${JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "0" } },
      })}\n`,
    );
    let answer = "";
    for (let tries = 0; tries < 200 && !answer.includes("\n"); tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      answer += s.stdout();
    }
    expect(JSON.parse(answer)).toMatchObject({ id: 1, result: { serverInfo: { name: "hostaway-mcp" } } });
    s.io.stdin.end();
    await outcome.stopped;
    await outcome.close();
  });
});

describe("main on stdio", () => {
  let sandbox: Sandbox;
  let env: Record<string, string>;
  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimits: false });
    env = {
      HOSTAWAY_ACCOUNT_ID: String(sandbox.credentials.accountId),
      HOSTAWAY_SECRET_KEY: sandbox.credentials.secretKey,
      HOSTAWAY_API_BASE_URL: sandbox.url,
      // HOST and PORT are for HTTP: a stdio server ignores them, a bad one included.
      HOST: "0.0.0.0",
      PORT: "not-a-port",
    };
  });
  afterAll(async () => sandbox?.close());

  it("answers over stdio, and when stdin ends finishes the call in flight before stopping with 0", async () => {
    const s = streams();
    const outcome = await main([], env, s.io);
    if (outcome.kind !== "running") throw new Error(`expected a running server: ${s.stderr()}`);
    expect(outcome.transport).toBe("stdio");
    sandbox.setLatency(300);
    try {
      s.io.stdin.write(
        `${JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "0" } } })}\n`,
      );
      s.io.stdin.write(
        `${JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "hostaway_get_booking_details", arguments: { booking_id: sandbox.fixtures.bookingIds[0] } } })}\n`,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      s.io.stdin.end();
      expect(await outcome.stopped).toBe(0);
    } finally {
      sandbox.setLatency(0);
    }
    await outcome.close();
    const answers = s
      .stdout()
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { id: number; result?: { structuredContent?: { id?: number } } });
    expect(answers.find((answer) => answer.id === 2)?.result?.structuredContent?.id).toBe(
      sandbox.fixtures.bookingIds[0],
    );
    expect(s.stderr()).toContain("stdin closed: finishing calls in flight");
  });

  it("stops with 1 and a log line when stdout fails for good", async () => {
    const s = streams();
    const outcome = await main([], env, s.io);
    if (outcome.kind !== "running") throw new Error("expected a running server");
    s.io.stdout.emit("error", Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
    expect(await outcome.stopped).toBe(1);
    await outcome.close();
    expect(s.stderr()).toContain("stdio transport failed; stopping");
  });

  it("names a bad MCP_TRANSPORT or --transport", async () => {
    for (const [argv, source] of [
      [[], "MCP_TRANSPORT"],
      [["--transport", "smoke"], "--transport"],
    ] as const) {
      const s = streams();
      expect(await main(argv, { ...env, MCP_TRANSPORT: "pigeon" }, s.io)).toEqual({ kind: "exit", code: 1 });
      expect(s.stderr()).toContain(`${source} must be stdio or http`);
    }
  });
});
