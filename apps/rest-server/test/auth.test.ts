import { createHostawayClient } from "@hostaway-mcp/hostaway-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, serve } from "../src/index.js";
import { API_KEY, type Harness, OTHER_KEY, startHarness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const protectedPath = () => `/api/listings/${h.sandbox.fixtures.listingIds[0]}`;

describe("API keys", () => {
  it.each([
    ["no key", {}, "send one of the server's API keys"],
    [
      "a wrong X-API-Key",
      { "X-API-Key": "wrong-key-0123456789abcdef" },
      "the API key is not one of the server's keys",
    ],
    [
      "a wrong bearer token",
      { Authorization: "Bearer wrong-key-0123456789abcdef" },
      "the API key is not one of the server's keys",
    ],
    [
      "a key one character short",
      { "X-API-Key": API_KEY.slice(0, -1) },
      "the API key is not one of the server's keys",
    ],
    [
      "a Basic header",
      { Authorization: `Basic ${Buffer.from(`u:${API_KEY}`).toString("base64")}` },
      "send one of the server's API keys",
    ],
    ["an empty X-API-Key", { "X-API-Key": "" }, "send one of the server's API keys"],
  ])("%s → 401 with WWW-Authenticate and no upstream call", async (_case, headers, message) => {
    h.sandbox.resetStats();
    const { status, body, headers: responseHeaders } = await h.get(protectedPath(), headers);
    expect(status).toBe(401);
    expect(body.error).toMatchObject({ type: "unauthorized", message: expect.stringContaining(message) });
    expect(responseHeaders.get("www-authenticate")).toMatch(/^Bearer realm="hostaway-rest"/);
    expect(JSON.stringify(body)).not.toContain("wrong-key");
    expect(h.sandbox.stats().total).toBe(0);
  });

  it.each([
    ["X-API-Key", { "X-API-Key": API_KEY }],
    ["Authorization: Bearer", { Authorization: `Bearer ${API_KEY}` }],
    ["a lower-case bearer scheme", { authorization: `bearer ${OTHER_KEY}` }],
    ["the second configured key", { "X-API-Key": OTHER_KEY }],
  ])("%s → 200", async (_case, headers) => {
    const { status, body } = await h.get(protectedPath(), headers);
    expect(status).toBe(200);
    expect(body.id).toBe(h.sandbox.fixtures.listingIds[0]);
  });

  it("protects every /api route, unknown ones included", async () => {
    for (const path of [
      "/api/listings",
      "/api/bookings",
      "/api/messages?booking_id=1",
      "/api/batch/bookings?booking_ids=1",
      "/api/nothing",
    ]) {
      expect((await h.get(path, {})).status).toBe(401);
    }
  });

  it("leaves /health, /ready, /openapi.json and /docs public", async () => {
    for (const path of ["/health", "/ready", "/openapi.json", "/docs/"]) {
      expect((await h.get(path, {})).status).toBe(200);
    }
  });

  it("records the caller as a hash of the key in audit lines, never the key", async () => {
    await h.get(`/api/bookings/${h.sandbox.fixtures.bookings.emoji}/guest`, {
      Authorization: `Bearer ${OTHER_KEY}`,
    });
    const line = h.auditLines.at(-1)!;
    expect(line.caller).toMatch(/^key:[0-9a-f]{12}$/);
    expect(JSON.stringify(h.auditLines)).not.toContain(OTHER_KEY);
    await h.get(`/api/bookings/${h.sandbox.fixtures.bookings.emoji}/guest`, { "X-API-Key": API_KEY });
    expect(h.auditLines.at(-1)!.caller).not.toBe(line.caller);
  });
});

describe("without API_KEYS (loopback only)", () => {
  it("serves /api to anyone and audits the caller as anonymous", async () => {
    const open = await startHarness({ config: { apiKeys: [] } });
    try {
      const { status } = await open.get(`/api/bookings/${open.sandbox.fixtures.bookings.emoji}/guest`, {});
      expect(status).toBe(200);
      expect(open.auditLines.at(-1)).toMatchObject({ caller: "anonymous", outcome: "success" });
    } finally {
      await open.close();
    }
  });
});

describe("serve()", () => {
  it("refuses a non-loopback address for an app without keys, and allows it with keys", async () => {
    const client = createHostawayClient({
      accountId: "1",
      secretKey: "unused",
      baseUrl: "http://127.0.0.1:9/v1",
    });
    await expect(serve(createApp({ client }), { port: 0, host: "0.0.0.0" })).rejects.toThrow(/API_KEYS/);
    const keyed = await serve(createApp({ client, config: { apiKeys: [API_KEY] } }), {
      port: 0,
      host: "0.0.0.0",
    });
    expect(keyed.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
    await keyed.close();
    client.close();
  });
});
