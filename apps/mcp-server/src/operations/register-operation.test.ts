import { Writable } from "node:stream";
import { defineOperation } from "@hostaway-mcp/domain-models";
import type { HostawayClient } from "@hostaway-mcp/hostaway-client";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { expect, it } from "vitest";
import { z } from "zod";
import { createAuditLog } from "../audit.js";
import { createLogger } from "../logger.js";
import { registerOperation } from "./register-operation.js";

const Output = z.strictObject({ items: z.array(z.string()) });

/** One fake operation whose behaviour the input picks, registered the way createServer registers the real ones. */
const fakeOperation = defineOperation({
  name: "fake_tool",
  title: "Fake",
  description: "An operation for testing the registration.",
  input: z.strictObject({
    mode: z.enum(["ok", "bad_output", "throw", "huge", "note"]).describe("What to do."),
  }),
  output: Output,
  http: {
    method: "GET",
    path: "/api/fake",
    operationId: "fake",
    tag: "Fake",
    summary: "Fake",
    description: "Fake",
    responseName: "Fake",
  },
  guestData: true,
  auditedBookings: () => [1],
  notFound: () => ({ problem: "missing", nextStep: "look elsewhere" }),
  budget: "none",
});

async function connect() {
  const logs: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logs.push(JSON.parse(chunk.toString("utf8")));
      done();
    },
  });
  const audits: string[] = [];
  const server = new McpServer({ name: "t", version: "0" });
  registerOperation(server, fakeOperation, {
    client: {} as HostawayClient,
    handlerOf: () => async (_client, input, context) => {
      context.onProgress?.({ done: 1, total: 2, message: "half" });
      const mode = (input as { mode: string }).mode;
      if (mode === "throw") throw new TypeError("a bug with secret details");
      if (mode === "bad_output") return { items: [42] };
      if (mode === "huge") return { items: ["x".repeat(500)] };
      if (mode === "note") context.onNote?.("half of it");
      return { items: ["a"] };
    },
    logger: createLogger({ level: "debug", destination }),
    audit: createAuditLog({ write: (line: string) => audits.push(line) }),
    responseBudget: 100,
    defaultCaller: "stdio",
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "t", version: "0" });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  const call = async (mode: string) =>
    (await client.callTool({ name: "fake_tool", arguments: { mode } })) as CallToolResult;
  return { call, logs, audits, close: () => client.close() };
}

it("returns structuredContent and the same JSON as text, a note beside it, and audits", async () => {
  const t = await connect();
  expect(await t.call("ok")).toEqual({
    content: [{ type: "text", text: '{"items":["a"]}' }],
    structuredContent: { items: ["a"] },
  });
  expect((await t.call("note")).content).toEqual([
    { type: "text", text: '{"items":["a"]}' },
    { type: "text", text: "Note: half of it" },
  ]);
  expect(t.audits.map((line) => JSON.parse(line))).toEqual([
    expect.objectContaining({ tool: "fake_tool", booking_id: 1, caller: "stdio", outcome: "success" }),
    expect.objectContaining({ outcome: "success" }),
  ]);
  await t.close();
});

it("turns an output that breaks its own schema into an internal_error, and logs why", async () => {
  const t = await connect();
  const result = await t.call("bad_output");
  expect(result.isError).toBe(true);
  expect(result.content[0]).toMatchObject({ text: expect.stringMatching(/^internal_error: /) });
  expect(t.logs).toContainEqual(expect.objectContaining({ msg: "tool output does not match its schema" }));
  expect(t.audits.map((line) => JSON.parse(line).outcome)).toEqual(["error"]);
  await t.close();
});

it("turns an unexpected exception into an internal_error without its details, and logs it", async () => {
  const t = await connect();
  const result = await t.call("throw");
  expect(result.isError).toBe(true);
  expect(JSON.stringify(result)).not.toContain("secret details");
  expect(t.logs).toContainEqual(
    expect.objectContaining({ msg: "tool failed unexpectedly", tool: "fake_tool" }),
  );
  await t.close();
});

it("logs a warning when a single object exceeds the budget (it is never cut)", async () => {
  const t = await connect();
  const result = await t.call("huge");
  expect(result.isError).toBeFalsy();
  expect(JSON.parse((result.content[0] as { text: string }).text)).toEqual(result.structuredContent);
  expect(t.logs).toContainEqual(expect.objectContaining({ msg: "result exceeds the response budget" }));
  await t.close();
});
