// A REST body and the MCP tool's `structuredContent` for the same question are the same JSON (docs/architecture.md):
// both apps run here against one sandbox, through one Hostaway client.
import { createHostawayClient, type HostawayClient } from "@hostaway-mcp/hostaway-client";
import { type Sandbox, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import { createServer } from "@hostaway-mcp/mcp-server";
import { createApp, type RunningServer, serve } from "@hostaway-mcp/rest-server";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const API_KEY = "cross-app-key-0123456789";

let sandbox: Sandbox;
let hostaway: HostawayClient;
let rest: RunningServer;
let mcp: Client;

beforeAll(async () => {
  sandbox = await startSandbox({ rateLimits: false });
  hostaway = createHostawayClient({
    accountId: sandbox.credentials.accountId,
    secretKey: sandbox.credentials.secretKey,
    baseUrl: sandbox.url,
    tokenActivationDelayMs: 0,
    rateLimit: { ip: 0, account: 0 },
  });
  rest = await serve(
    createApp({
      client: hostaway,
      config: { apiKeys: [API_KEY], rateLimitIp: 0, rateLimitAccount: 0 },
      audit: () => {},
    }),
    { port: 0, host: "127.0.0.1" },
  );
  const server = createServer({ client: hostaway, audit: { record() {} } });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await server.connect(serverTransport);
  mcp = new Client({ name: "cross-app-test", version: "1.0.0" });
  await mcp.connect(clientTransport);
});

afterAll(async () => {
  await mcp?.close();
  await rest?.close(1_000);
  hostaway?.close();
  await sandbox?.close();
});

async function restBody(path: string): Promise<unknown> {
  const response = await fetch(`${rest.url}${path}`, { headers: { "X-API-Key": API_KEY } });
  expect(response.status, path).toBe(200);
  return response.json();
}

async function toolResult(name: string, args: Record<string, unknown>): Promise<unknown> {
  const result = await mcp.callTool({ name, arguments: args });
  expect(result.isError ?? false, `${name} ${JSON.stringify(result.content)}`).toBe(false);
  // The text content carries the same JSON as the structured content.
  const [text] = result.content as Array<{ type: string; text: string }>;
  expect(JSON.parse(text!.text)).toEqual(result.structuredContent);
  return result.structuredContent;
}

describe("REST body = MCP structuredContent", () => {
  it("conversation history: a two-conversation booking's merged timeline", async () => {
    const id = sandbox.fixtures.bookings.twoConversations;
    const viaRest = await restBody(`/api/messages/conversation/${id}`);
    const viaMcp = await toolResult("hostaway_get_conversation_history", { booking_id: id });
    expect(viaRest).toEqual(viaMcp);
    expect((viaRest as { conversation_ids: number[] }).conversation_ids).toHaveLength(2);
  });

  it("conversation history: a page of the 250-message thread, and scheduled messages included", async () => {
    const long = sandbox.fixtures.bookings.twoHundredFiftyMessages;
    expect(await restBody(`/api/messages/conversation/${long}?limit=20&offset=230`)).toEqual(
      await toolResult("hostaway_get_conversation_history", { booking_id: long, limit: 20, offset: 230 }),
    );
    const scheduled = sandbox.fixtures.bookings.scheduledAndFailed;
    expect(await restBody(`/api/messages/conversation/${scheduled}?include_scheduled=true`)).toEqual(
      await toolResult("hostaway_get_conversation_history", {
        booking_id: scheduled,
        include_scheduled: true,
      }),
    );
  });

  it("batch properties, with an unknown id", async () => {
    const [a, b] = sandbox.fixtures.listingIds;
    const ids = [a!, sandbox.fixtures.unknownListingId, b!];
    const viaRest = await restBody(`/api/batch/properties?property_ids=${ids.join(",")}`);
    const viaMcp = await toolResult("hostaway_batch_get_properties", { property_ids: ids });
    expect(viaRest).toEqual(viaMcp);
    expect((viaRest as { summary: { failed: number } }).summary.failed).toBe(1);
  });

  it("batch bookings, with an unknown id", async () => {
    const ids = [
      sandbox.fixtures.bookings.emoji,
      sandbox.fixtures.unknownBookingId,
      sandbox.fixtures.bookings.allChannels,
    ];
    const viaRest = await restBody(`/api/batch/bookings?booking_ids=${ids.join(",")}`);
    const viaMcp = await toolResult("hostaway_batch_get_bookings", { booking_ids: ids });
    expect(viaRest).toEqual(viaMcp);
    expect((viaRest as { summary: { succeeded: number } }).summary.succeeded).toBe(2);
  });

  it("a listings page and the next one, each app following the other's cursor", async () => {
    const first = (await restBody("/api/listings?limit=5")) as { next_cursor: string };
    expect(first).toEqual(await toolResult("hostaway_list_properties", { limit: 5 }));
    expect(await restBody(`/api/listings?limit=5&cursor=${first.next_cursor}`)).toEqual(
      await toolResult("hostaway_list_properties", { limit: 5, cursor: first.next_cursor }),
    );
  });

  it("a booking search filtered by status, a booking and its guest", async () => {
    const id = sandbox.fixtures.bookings.sharedSurnameA;
    expect(await restBody("/api/bookings?status=cancelled&limit=3")).toEqual(
      await toolResult("hostaway_search_bookings", { status: "cancelled", limit: 3 }),
    );
    expect(await restBody(`/api/bookings/${id}`)).toEqual(
      await toolResult("hostaway_get_booking_details", { booking_id: id }),
    );
    expect(await restBody(`/api/bookings/${id}/guest`)).toEqual(
      await toolResult("hostaway_get_guest_info", { booking_id: id }),
    );
  });
});
