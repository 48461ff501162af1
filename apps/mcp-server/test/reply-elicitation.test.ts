// A send approved through elicitation (the client asks its user), or declined there, without `confirm: true`.
import { createHostawayClient, type HostawayClient } from "@hostaway-mcp/hostaway-client";
import { type Sandbox, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import { createMemoryDraftStore } from "@hostaway-mcp/message-timeline";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { type CallToolResult, ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createServer } from "../src/index.js";

let sandbox: Sandbox;
let hostaway: HostawayClient;

beforeAll(async () => {
  sandbox = await startSandbox({ rateLimits: false });
  hostaway = createHostawayClient({
    ...sandbox.credentials,
    baseUrl: sandbox.url,
    tokenActivationDelayMs: 0,
    rateLimit: { ip: 0, account: 0 },
  });
});
afterAll(async () => {
  hostaway.close();
  await sandbox.close();
});

/** A server with writes (as over stdio) and an SDK client that answers elicitation with `send`. */
async function connect(send: boolean) {
  const server = createServer({
    client: hostaway,
    audit: { record: () => {} },
    writes: { drafts: createMemoryDraftStore(), audit: () => {}, elicit: true },
  });
  const mcp = new Client({ name: "elicit-test", version: "0" }, { capabilities: { elicitation: {} } });
  const asked: string[] = [];
  mcp.setRequestHandler(ElicitRequestSchema, async (request) => {
    asked.push(request.params.message);
    return send ? { action: "accept", content: { send: true } } : { action: "decline" };
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(serverSide), mcp.connect(clientSide)]);
  await mcp.listTools();
  const call = async (name: string, args: Record<string, unknown>) =>
    (await mcp.callTool({ name, arguments: args })) as CallToolResult;
  return { mcp, asked, call };
}

function guestBooking(index: number): number {
  const incoming = sandbox.data.messages.filter((message) => message.isIncoming && message.status === "sent");
  return [...new Set(incoming.map((message) => message.reservationId))][index] as number;
}

it("sends once the user approves the preview the server asked about", async () => {
  const { mcp, asked, call } = await connect(true);
  const drafted = await call("hostaway_prepare_guest_reply", {
    booking_id: guestBooking(20),
    content: "Welcome!",
  });
  const { draft_id } = drafted.structuredContent as { draft_id: string };
  sandbox.resetStats();
  const sent = await call("hostaway_send_guest_reply", { draft_id });
  expect(sent.isError).toBeFalsy();
  expect(asked).toHaveLength(1);
  expect(asked[0]).toContain("Welcome!");
  expect(sandbox.stats().byRoute["POST /v1/conversations/:id/messages"]).toBe(1);
  await mcp.close();
});

it("sends nothing when the user declines", async () => {
  const { mcp, call } = await connect(false);
  const drafted = await call("hostaway_prepare_guest_reply", {
    booking_id: guestBooking(21),
    content: "Welcome!",
  });
  const { draft_id } = drafted.structuredContent as { draft_id: string };
  sandbox.resetStats();
  const refused = await call("hostaway_send_guest_reply", { draft_id });
  expect(refused.isError).toBe(true);
  expect(JSON.stringify(refused.content)).toContain("did not approve");
  expect(sandbox.stats().byRoute["POST /v1/conversations/:id/messages"]).toBeUndefined();
  await mcp.close();
});
