import type { Booking } from "@hostaway-mcp/domain-models";
import { createHostawayClient, type HostawayClient } from "@hostaway-mcp/hostaway-client";
import { type Sandbox, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Progress } from "@modelcontextprotocol/sdk/types.js";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callerFromApiKey,
  createAuditLog,
  createServer,
  type RunningHttpServer,
  startHttpServer,
} from "../src/index.js";
import type { AuditRecord } from "./harness.js";

const KEY = "test-key-0123456789abcdef";
const OTHER_KEY = "second-key-fedcba9876543210";

let sandbox: Sandbox;
let hostaway: HostawayClient;
let http: RunningHttpServer;
const auditLines: AuditRecord[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ rateLimits: false });
  hostaway = createHostawayClient({
    accountId: sandbox.credentials.accountId,
    secretKey: sandbox.credentials.secretKey,
    baseUrl: sandbox.url,
    tokenActivationDelayMs: 0,
    rateLimit: { ip: 0, account: 0 },
  });
  const audit = createAuditLog({ write: (line: string) => auditLines.push(JSON.parse(line)) });
  http = await startHttpServer({
    host: "127.0.0.1",
    port: 0,
    apiKeys: [KEY, OTHER_KEY],
    logger: pino({ level: "silent" }),
    createMcpServer: () => createServer({ client: hostaway, audit }),
  });
});

afterAll(async () => {
  await http?.close();
  hostaway?.close();
  await sandbox?.close();
});

const initialize = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "0" } },
};

function post(headers: Record<string, string>, body: unknown = initialize): Promise<Response> {
  return fetch(`${http.url}/mcp`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

async function connect(key: string): Promise<Client> {
  const client = new Client({ name: "http-test", version: "0.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${http.url}/mcp`), {
      requestInit: { headers: { authorization: `Bearer ${key}` } },
    }),
  );
  return client;
}

describe("Streamable HTTP transport", () => {
  it("answers GET /health without a key", async () => {
    const response = await fetch(`${http.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("refuses a request without a key: 401 with WWW-Authenticate", async () => {
    const response = await post({});
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await response.json()).toMatchObject({ error: { message: expect.stringMatching(/Bearer/) } });
  });

  it("refuses a wrong key, and a key sent without the Bearer scheme", async () => {
    expect((await post({ authorization: "Bearer not-a-key" })).status).toBe(401);
    expect((await post({ authorization: `Bearer ${KEY}x` })).status).toBe(401);
    expect((await post({ authorization: KEY })).status).toBe(401);
  });

  it("refuses a foreign Origin with 403, even with the right key", async () => {
    const response = await post({ authorization: `Bearer ${KEY}`, origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/origin \\"https:\/\/evil\.example\\" is not allowed/);
  });

  it("with API keys, serves any Host (the key guards it; ALLOWED_HOSTS narrows it, below)", async () => {
    const { request } = await import("node:http");
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${http.url}/mcp`,
        {
          method: "POST",
          headers: {
            host: "attacker.example",
            authorization: `Bearer ${KEY}`,
            "content-type": "application/json",
            accept: "application/json, text/event-stream",
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.end(JSON.stringify(initialize));
    });
    expect(status).toBe(200);
  });

  it("accepts a loopback Origin with the right key", async () => {
    const response = await post({ authorization: `Bearer ${KEY}`, origin: "http://localhost:5173" });
    expect(response.status).toBe(200);
    await response.body?.cancel();
  });

  it("says GET and DELETE are not supported on a stateless endpoint", async () => {
    const response = await fetch(`${http.url}/mcp`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });

  it("answers malformed JSON with a JSON-RPC parse error", async () => {
    const response = await fetch(`${http.url}/mcp`, {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: -32700 } });
  });

  it("answers unknown paths with 404 and oversized bodies with 413", async () => {
    expect((await fetch(`${http.url}/nowhere`)).status).toBe(404);
    const response = await fetch(`${http.url}/mcp`, {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ padding: "x".repeat(1_100_000) }),
    });
    expect(response.status).toBe(413);
  });

  it("serves the tools to a client with the right key, and audits with a hash of that key", async () => {
    const client = await connect(KEY);
    try {
      const { tools } = await client.listTools();
      expect(tools).toHaveLength(11);
      const bookingId = sandbox.fixtures.bookingIds[0] as number;
      const result = await client.callTool({
        name: "hostaway_get_booking_details",
        arguments: { booking_id: bookingId },
      });
      expect(result.isError).toBeFalsy();
      const booking = result.structuredContent as Booking;
      expect(booking.guest_name).toBe(sandbox.data.reservations.find((r) => r.id === bookingId)?.guestName);

      const before = auditLines.length;
      await client.callTool({ name: "hostaway_get_guest_info", arguments: { booking_id: bookingId } });
      expect(auditLines.slice(before)).toMatchObject([
        {
          tool: "hostaway_get_guest_info",
          booking_id: bookingId,
          caller: callerFromApiKey(KEY),
          outcome: "success",
        },
      ]);
      expect(JSON.stringify(auditLines)).not.toContain(KEY);
    } finally {
      await client.close();
    }
  });

  it("tells callers apart by key and streams progress over HTTP", async () => {
    const client = await connect(OTHER_KEY);
    try {
      const updates: Progress[] = [];
      const before = auditLines.length;
      const ids = sandbox.fixtures.bookingIds.slice(0, 4);
      const result = await client.callTool(
        { name: "hostaway_search_messages", arguments: { booking_id: sandbox.fixtures.bookings.emoji } },
        undefined,
        { onprogress: (progress) => updates.push(progress) },
      );
      expect(result.isError).toBeFalsy();
      expect(updates.length).toBeGreaterThan(0);
      expect(auditLines.slice(before)[0]?.caller).toBe(callerFromApiKey(OTHER_KEY));
      expect(callerFromApiKey(OTHER_KEY)).not.toBe(callerFromApiKey(KEY));

      const batch = await client.callTool(
        { name: "hostaway_batch_get_bookings", arguments: { booking_ids: ids } },
        undefined,
        { onprogress: (progress) => updates.push(progress) },
      );
      expect(batch.isError).toBeFalsy();
      expect(updates.at(-1)).toMatchObject({ progress: 4, total: 4 });
    } finally {
      await client.close();
    }
  });
});

describe("binding", () => {
  const base = {
    port: 0,
    logger: pino({ level: "silent" }),
    createMcpServer: () => createServer({ client: hostaway }),
  };

  it("refuses a non-loopback address without API keys", async () => {
    await expect(startHttpServer({ ...base, host: "0.0.0.0", apiKeys: [] })).rejects.toThrow(/API_KEYS/);
    await expect(startHttpServer({ ...base, host: "0.0.0.0", apiKeys: [] })).rejects.toThrow(/API_KEYS/);
  });

  it("serves loopback without keys (local use)", async () => {
    const open = await startHttpServer({ ...base, host: "127.0.0.1", apiKeys: [] });
    try {
      const response = await fetch(`${open.url}/mcp`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
        body: JSON.stringify(initialize),
      });
      expect(response.status).toBe(200);
      await response.body?.cancel();
    } finally {
      await open.close();
    }
  });

  it("honours ALLOWED_ORIGINS and ALLOWED_HOSTS", async () => {
    const server = await startHttpServer({
      ...base,
      host: "127.0.0.1",
      apiKeys: [KEY],
      allowedOrigins: ["https://app.example"],
      allowedHosts: ["127.0.0.1"],
    });
    try {
      const send = (origin: string) =>
        fetch(`${server.url}/mcp`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${KEY}`,
            origin,
            "content-type": "application/json",
            accept: "application/json, text/event-stream",
          },
          body: JSON.stringify(initialize),
        });
      const allowed = await send("https://app.example");
      expect(allowed.status).toBe(200);
      await allowed.body?.cancel();
      // With an explicit list, only that list is allowed.
      expect((await send("http://localhost:3000")).status).toBe(403);
    } finally {
      await server.close();
    }
  });
});

describe("tool arguments over HTTP", () => {
  it("names a __proto__ argument instead of ignoring it", async () => {
    sandbox.resetStats();
    const body = `{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"hostaway_get_booking_details","arguments":{"booking_id":1,"__proto__":{"x":1}}}}`;
    const response = await fetch(`${http.url}/mcp`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${KEY}`,
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
      },
      body,
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    const message = JSON.parse(/^data: (.*)$/m.exec(text)?.[1] ?? text);
    expect(message).toMatchObject({ id: 7, result: { isError: true } });
    expect(message.result.content[0].text).toContain('"__proto__" is not a parameter of this operation');
    expect(sandbox.stats().total).toBe(0);
  });
});
