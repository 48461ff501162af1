import { createHostawayClient, type HostawayClient } from "@hostaway-mcp/hostaway-client";
import { type Sandbox, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type RunningHttpServer, startHttpServer, TOOL_NAMES } from "../src/index.js";

const KEY = "per-request-key-0123456789";

let sandbox: Sandbox;
let hostaway: HostawayClient;
let http: RunningHttpServer;
/** The tool names each stateless POST's server was built with (`undefined` = every tool). */
const scopes: Array<readonly string[] | undefined> = [];

beforeAll(async () => {
  sandbox = await startSandbox({ rateLimits: false });
  hostaway = createHostawayClient({
    ...sandbox.credentials,
    baseUrl: sandbox.url,
    tokenActivationDelayMs: 0,
    rateLimit: { ip: 0, account: 0 },
  });
  http = await startHttpServer({
    host: "127.0.0.1",
    port: 0,
    apiKeys: [KEY],
    logger: pino({ level: "silent" }),
    createMcpServer: ({ toolNames }) => {
      scopes.push(toolNames);
      return createServer({ client: hostaway, toolNames });
    },
  });
});

afterAll(async () => {
  await http?.close();
  hostaway?.close();
  await sandbox?.close();
});

function post(body: unknown): Promise<Response> {
  return fetch(`${http.url}/mcp`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${KEY}`,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": LATEST_PROTOCOL_VERSION,
    },
    body: JSON.stringify(body),
  });
}

const callProperty = (id: number, meta?: Record<string, unknown>) => ({
  jsonrpc: "2.0",
  id,
  method: "tools/call",
  params: {
    name: "hostaway_get_property_details",
    arguments: { listing_id: sandbox.fixtures.listingIds[0] },
    ...(meta === undefined ? {} : { _meta: meta }),
  },
});

describe("one stateless POST", () => {
  it("builds its server with only the tools it calls, and answers in plain JSON when no progress is asked", async () => {
    scopes.length = 0;
    const response = await post(callProperty(7));

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const answer = (await response.json()) as { id: number; result: { structuredContent: { id: number } } };
    expect(answer).toMatchObject({
      id: 7,
      result: { structuredContent: { id: sandbox.fixtures.listingIds[0] } },
    });
    expect(scopes).toEqual([["hostaway_get_property_details"]]);
  });

  it("streams over SSE when the call carries a progress token", async () => {
    const response = await post(callProperty(8, { progressToken: "p-1" }));

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const text = await response.text();
    expect(text).toContain('"id":8');
  });

  it("builds every tool for anything but tool calls (initialize, tools/list)", async () => {
    scopes.length = 0;
    const response = await post({ jsonrpc: "2.0", id: 9, method: "tools/list" });

    const answer = (await response.json()) as { result: { tools: Array<{ name: string }> } };
    expect(answer.result.tools.map((tool) => tool.name)).toEqual(TOOL_NAMES);
    expect(scopes).toEqual([undefined]);
  });

  it("quotes at most 100 characters of a 100 KB tool name", async () => {
    const response = await post({
      jsonrpc: "2.0",
      id: 11,
      method: "tools/call",
      params: { name: "t".repeat(100_000), arguments: {} },
    });
    const body = (await response.json()) as { error?: { code: number; message: string } };
    expect(body.error?.code).toBe(-32602);
    expect(body.error?.message.length).toBeLessThan(200);
  });

  it.each([
    ["a string", "x"],
    ["a list", [1]],
    ["a number", 5],
  ])("answers non-object arguments (%s) with -32602 naming arguments", async (_case, args) => {
    const response = await post({
      jsonrpc: "2.0",
      id: 12,
      method: "tools/call",
      params: { name: "hostaway_list_properties", arguments: args },
    });
    const body = (await response.json()) as { error?: { code: number; message: string } };
    expect(body.error).toEqual({
      code: -32602,
      message:
        "Invalid params: `arguments` of hostaway_list_properties must be an object (see its inputSchema).",
    });
  });

  it("an unknown tool is a JSON-RPC invalid-params error that quotes its name", async () => {
    const response = await post({
      jsonrpc: "2.0",
      id: 10,
      method: "tools/call",
      params: { name: "hostaway_no_such_tool", arguments: {} },
    });

    const body = (await response.json()) as { error?: { code: number; message: string } };
    expect(body.error?.code).toBe(-32602);
    expect(body.error?.message).toBe('Unknown tool "hostaway_no_such_tool"; tools/list names the tools.');
  });
});

describe("createServer({ toolNames })", () => {
  async function listed(toolNames: readonly string[] | undefined): Promise<string[]> {
    const server = createServer({ client: hostaway, toolNames });
    const client = new Client({ name: "t", version: "0" });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    await client.connect(clientSide);
    try {
      return (await client.listTools()).tools.map((tool) => tool.name);
    } finally {
      await client.close();
      await server.close();
    }
  }

  it("registers the named tools only, in the catalog order; none known or none given means all", async () => {
    expect(await listed(["hostaway_batch_get_bookings", "hostaway_list_properties", "nope"])).toEqual([
      "hostaway_list_properties",
      "hostaway_batch_get_bookings",
    ]);
    expect(await listed(["nope"])).toEqual(TOOL_NAMES);
    expect(await listed(undefined)).toEqual(TOOL_NAMES);
  });
});
