import { Writable } from "node:stream";
import type { HostawayClient } from "@hostaway-mcp/hostaway-client";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { expect, it } from "vitest";
import { z } from "zod";
import { createAuditLog } from "../audit.js";
import { createLogger } from "../logger.js";
import { defineTool } from "./define-tool.js";
import { registerHostawayTool } from "./register-tool.js";

const Output = z.strictObject({ items: z.array(z.string()) });

/** One fake tool whose behaviour the input picks, registered the way createServer registers the real ones. */
const fakeTool = defineTool({
  name: "fake_tool",
  title: "Fake",
  description: "A tool for testing the registration wrapper.",
  inputSchema: z.strictObject({
    mode: z.enum(["ok", "bad_output", "throw", "huge"]).describe("What to do."),
  }),
  outputSchema: Output,
  auditedBookings: () => [1],
  notFound: () => ({ problem: "missing", nextStep: "look elsewhere" }),
  async run(input, context) {
    context.progress(1, 2);
    context.progress(1, 2); // not rising: dropped
    if (input.mode === "throw") throw new TypeError("a bug with secret details");
    if (input.mode === "bad_output") return { items: [42] } as unknown as z.output<typeof Output>;
    if (input.mode === "huge") return { items: ["x".repeat(500)] };
    return { items: ["a"] };
  },
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
  registerHostawayTool(server, fakeTool, {
    client: {} as HostawayClient,
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

it("returns structuredContent and the same JSON as text", async () => {
  const t = await connect();
  const result = await t.call("ok");
  expect(result).toEqual({
    content: [{ type: "text", text: '{"items":["a"]}' }],
    structuredContent: { items: ["a"] },
  });
  expect(t.audits.map((line) => JSON.parse(line).outcome)).toEqual(["success"]);
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
