import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Booking } from "@hostaway-mcp/domain-models";
import { type Sandbox, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, beforeAll, expect, it } from "vitest";

// The built binary: CI builds it (`pnpm turbo run build --filter @hostaway-mcp/mcp-server...`) before the tests.
const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

let sandbox: Sandbox;
let env: Record<string, string>;

beforeAll(async () => {
  if (!existsSync(CLI)) {
    throw new Error(
      `${CLI} is missing: run \`pnpm turbo run build --filter @hostaway-mcp/mcp-server...\` first`,
    );
  }
  sandbox = await startSandbox({ rateLimits: false });
  env = {
    PATH: process.env.PATH ?? "",
    HOSTAWAY_ACCOUNT_ID: String(sandbox.credentials.accountId),
    HOSTAWAY_SECRET_KEY: sandbox.credentials.secretKey,
    HOSTAWAY_API_BASE_URL: sandbox.url,
    LOG_LEVEL: "debug",
  };
});
afterAll(async () => sandbox?.close());

it("serves the SDK client over stdio from the built binary", async () => {
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI], env, stderr: "pipe" });
  const stderr: string[] = [];
  transport.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk.toString("utf8")));
  const transportErrors: Error[] = [];
  transport.onerror = (error) => transportErrors.push(error);
  const client = new Client({ name: "stdio-test", version: "0.0.0" });
  await client.connect(transport);
  try {
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(11);
    const bookingId = sandbox.fixtures.bookingIds[1] as number;
    const result = await client.callTool({
      name: "hostaway_get_booking_details",
      arguments: { booking_id: bookingId },
    });
    expect((result.structuredContent as Booking).id).toBe(bookingId);
    const guest = await client.callTool({
      name: "hostaway_get_guest_info",
      arguments: { booking_id: bookingId },
    });
    expect(guest.isError).toBeFalsy();
  } finally {
    await client.close();
  }
  // Any non-JSON-RPC line on stdout would have been reported by the transport as a parse error.
  expect(transportErrors).toEqual([]);
  const audit = stderr
    .join("")
    .split("\n")
    .filter((line) => line.includes('"audit":true'))
    .map((line) => JSON.parse(line));
  expect(audit).toMatchObject([
    { tool: "hostaway_get_guest_info", booking_id: sandbox.fixtures.bookingIds[1], caller: "stdio" },
  ]);
});

it("writes nothing but JSON-RPC messages to stdout; logs and audit lines go to stderr without secrets", async () => {
  const child = spawn(process.execPath, [CLI], { env, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const bookingId = sandbox.fixtures.bookings.twoConversations;
  const send = (message: unknown) => child.stdin.write(`${JSON.stringify(message)}\n`);
  send({
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "0" } },
  });
  send({ jsonrpc: "2.0", method: "notifications/initialized" });
  send({ jsonrpc: "2.0", id: 2, method: "tools/list" });
  send({
    jsonrpc: "2.0",
    id: 3,
    method: "tools/call",
    params: { name: "hostaway_get_conversation_history", arguments: { booking_id: bookingId, limit: 5 } },
  });
  send({
    jsonrpc: "2.0",
    id: 4,
    method: "tools/call",
    params: { name: "hostaway_get_guest_info", arguments: {} },
  });

  const deadline = Date.now() + 15_000;
  while (stdout.split("\n").filter(Boolean).length < 4 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.stdin.end();
  const exitCode = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  expect(exitCode).toBe(0);

  const lines = stdout.split("\n").filter(Boolean);
  expect(lines).toHaveLength(4);
  const messages = lines
    .map((line) => JSON.parse(line) as { jsonrpc: string; id: number; result?: unknown })
    // Calls run concurrently, so answers may arrive in any order.
    .sort((a, b) => a.id - b.id);
  for (const message of messages) expect(message.jsonrpc).toBe("2.0");
  expect(messages.map((message) => message.id)).toEqual([1, 2, 3, 4]);
  expect(messages[2]?.result).toMatchObject({ structuredContent: { booking_id: bookingId } });
  expect(messages[3]?.result).toMatchObject({ isError: true });

  // stderr: pino JSON lines and the audit line, never the secret.
  const logLines = stderr.split("\n").filter(Boolean);
  expect(logLines.length).toBeGreaterThan(0);
  for (const line of logLines) expect(() => JSON.parse(line)).not.toThrow();
  expect(logLines.map((line) => JSON.parse(line))).toContainEqual(
    expect.objectContaining({
      audit: true,
      tool: "hostaway_get_conversation_history",
      booking_id: bookingId,
    }),
  );
  expect(stderr).not.toContain(sandbox.credentials.secretKey);
});

it("exits 1 with one line on stderr when configuration is missing", async () => {
  const child = spawn(process.execPath, [CLI], { env: { PATH: env.PATH }, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exitCode = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  expect(exitCode).toBe(1);
  expect(stdout).toBe("");
  expect(stderr.trim().split("\n")).toHaveLength(1);
  expect(stderr).toMatch(/^hostaway-mcp: invalid configuration: HOSTAWAY_ACCOUNT_ID is required/);
});

/** The built binary on stdio, with helpers to send frames and wait for answers by id. */
function spawnStdio() {
  const child = spawn(process.execPath, [CLI], { env, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const messages = () =>
    stdout
      .split("\n")
      .filter(Boolean)
      .map(
        (line) =>
          JSON.parse(line) as { id: unknown; result?: unknown; error?: { code: number; message: string } },
      );
  const answered = async (count: number) => {
    const deadline = Date.now() + 15_000;
    while (messages().length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return messages();
  };
  const write = (text: string) => child.stdin.write(text);
  return { child, write, answered, exited, stderr: () => stderr };
}

const initialize = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "0" } },
};

it("answers an oversized frame with a JSON-RPC error naming its id, logs it without content, and keeps serving", async () => {
  const stdio = spawnStdio();
  stdio.write(`${JSON.stringify(initialize)}\n`);
  const secretish = "guest-text-".repeat(1_100_000); // ~12 MB, over the 10 MB frame limit
  stdio.write(
    `{"jsonrpc":"2.0","id":77,"method":"tools/call","params":{"name":"hostaway_list_properties","arguments":{"x":"${secretish}"}}}\n`,
  );
  stdio.write(`${JSON.stringify({ jsonrpc: "2.0", id: 78, method: "tools/list" })}\n`);
  const answers = await stdio.answered(3);
  stdio.child.stdin.end();
  expect(await stdio.exited).toBe(0);
  const byId = new Map(answers.map((answer) => [answer.id, answer]));
  expect(byId.get(77)?.error).toMatchObject({ code: -32600, message: expect.stringMatching(/too large/) });
  expect(byId.get(78)?.result).toMatchObject({ tools: expect.any(Array) });
  expect(stdio.stderr()).toMatch(/frame too large/);
  expect(stdio.stderr()).not.toContain("guest-text-guest-text");
});

it("answers invalid JSON with a parse error and keeps serving", async () => {
  const stdio = spawnStdio();
  stdio.write(`${JSON.stringify(initialize)}\n{not json at all\n`);
  stdio.write(`${JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/list" })}\n`);
  const answers = await stdio.answered(3);
  stdio.child.stdin.end();
  expect(await stdio.exited).toBe(0);
  expect(answers).toContainEqual(
    expect.objectContaining({ id: null, error: expect.objectContaining({ code: -32700 }) }),
  );
  expect(answers.find((answer) => answer.id === 2)?.result).toBeDefined();
  expect(stdio.stderr()).not.toContain("not json at all");
});

it("finishes a call in flight when stdin ends, then exits 0 with a log line", async () => {
  sandbox.setLatency(600);
  try {
    const stdio = spawnStdio();
    stdio.write(`${JSON.stringify(initialize)}\n`);
    await stdio.answered(1);
    stdio.write(
      `${JSON.stringify({
        jsonrpc: "2.0",
        id: 5,
        method: "tools/call",
        params: {
          name: "hostaway_get_booking_details",
          arguments: { booking_id: sandbox.fixtures.bookingIds[0] },
        },
      })}\n`,
    );
    stdio.child.stdin.end();
    expect(await stdio.exited).toBe(0);
    const answers = await stdio.answered(2);
    expect(answers.find((answer) => answer.id === 5)?.result).toMatchObject({
      structuredContent: { id: sandbox.fixtures.bookingIds[0] },
    });
    expect(stdio.stderr()).toMatch(/stdin closed: finishing calls in flight/);
  } finally {
    sandbox.setLatency(0);
  }
});
