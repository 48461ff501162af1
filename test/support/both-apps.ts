// Both apps against one sandbox, through one Hostaway client: the REST server on a real port and the MCP server
// over an in-memory transport. Root tests use it to ask both the same question.
import { createHostawayClient, type HostawayClient } from "@hostaway-mcp/hostaway-client";
import { type Sandbox, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import { createServer } from "@hostaway-mcp/mcp-server";
import { createApp, type RunningServer, serve } from "@hostaway-mcp/rest-server";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { expect } from "vitest";

const API_KEY = "cross-app-key-0123456789";

export interface BothApps {
  sandbox: Sandbox;
  /** GET a REST path with the API key; expects 200 and returns the JSON body. */
  restBody(path: string): Promise<unknown>;
  /** Calls an MCP tool; expects a non-error result whose text is the structured content, and returns it. */
  toolResult(name: string, args: Record<string, unknown>): Promise<unknown>;
  /** The MCP server's `tools/list`. */
  listTools(): ReturnType<Client["listTools"]>;
  /** The REST server's base URL. */
  restUrl: string;
  close(): Promise<void>;
}

export async function startBothApps(): Promise<BothApps> {
  const sandbox = await startSandbox({ rateLimits: false });
  const hostaway: HostawayClient = createHostawayClient({
    accountId: sandbox.credentials.accountId,
    secretKey: sandbox.credentials.secretKey,
    baseUrl: sandbox.url,
    tokenActivationDelayMs: 0,
    rateLimit: { ip: 0, account: 0 },
  });
  const rest: RunningServer = await serve(
    createApp({
      client: hostaway,
      config: { apiKeys: [API_KEY], perIpLimit: 0, perKeyLimit: 0 },
      audit: () => {},
    }),
    { port: 0, host: "127.0.0.1" },
  );
  const server = createServer({ client: hostaway, audit: { record() {} } });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await server.connect(serverTransport);
  const mcp = new Client({ name: "cross-app-test", version: "1.0.0" });
  await mcp.connect(clientTransport);

  return {
    sandbox,
    restUrl: rest.url,
    async restBody(path) {
      const response = await fetch(`${rest.url}${path}`, { headers: { "X-API-Key": API_KEY } });
      expect(response.status, path).toBe(200);
      return response.json();
    },
    async toolResult(name, args) {
      const result = await mcp.callTool({ name, arguments: args });
      expect(result.isError ?? false, `${name} ${JSON.stringify(result.content)}`).toBe(false);
      // The text content carries the same JSON as the structured content.
      const [text] = result.content as Array<{ type: string; text: string }>;
      expect(JSON.parse(text?.text ?? "null")).toEqual(result.structuredContent);
      return result.structuredContent;
    },
    listTools: () => mcp.listTools(),
    async close() {
      await mcp.close();
      await rest.close(1_000);
      hostaway.close();
      await sandbox.close();
    },
  };
}
