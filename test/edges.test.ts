// Both HTTP edges — the REST server and the MCP server over Streamable HTTP — held to one table of cases: Host and
// Origin rules, auth, inbound limits, body size, security headers, caching of guest data, CORS preflight, bounded
// echoes, 405, strict integers, upstream failures and graceful shutdown. Each edge starts as its binary does.
import { type Sandbox, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  answerText,
  type EdgeName,
  type StartedEdge,
  startEdge,
  upstreamEnvOf,
} from "./support/edge-servers.js";

const KEY = "edge-table-key-0123456789";
const ALLOWED_ORIGIN = "https://app.example.com";
const EDGES: EdgeName[] = ["rest", "mcp"];

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ rateLimits: false });
});

afterAll(async () => {
  await sandbox?.close();
});

const upstreamEnv = () => upstreamEnvOf(sandbox);

async function started(name: EdgeName, env: Record<string, string>): Promise<StartedEdge> {
  const result = await startEdge(name, { ...upstreamEnv(), ...env });
  if (result.kind === "exit") throw new Error(`${name} did not start: ${result.stderr}`);
  return result.edge;
}

const keyed = {
  API_KEYS: KEY,
  ALLOWED_ORIGINS: ALLOWED_ORIGIN,
  RATE_LIMIT_PER_KEY: "20",
  RATE_LIMIT_PER_IP: "15",
};
const bearer = { authorization: `Bearer ${KEY}` };
const bookingId = () => sandbox.fixtures.bookings.sharedSurnameA;

describe.each(EDGES)("the %s edge", (name) => {
  describe("with API keys", () => {
    let edge: StartedEdge;
    beforeAll(async () => {
      edge = await started(name, keyed);
    });
    afterAll(async () => {
      await edge?.close();
    });

    it("refuses a missing or wrong key with 401 and WWW-Authenticate", async () => {
      for (const headers of [{}, { authorization: "Bearer not-the-key-0123456789" }]) {
        const response = await edge.guestData({ headers, bookingId: bookingId() });
        expect(response.status).toBe(401);
        expect(response.headers.get("www-authenticate")).toMatch(/^Bearer realm=/);
      }
    });

    it("serves the right key", async () => {
      const response = await edge.guestData({ headers: bearer, bookingId: bookingId() });
      expect(response.status).toBe(200);
    });

    it("refuses a foreign Origin even with the right key, and allows a configured one with CORS headers", async () => {
      const foreign = await edge.guestData({ headers: { ...bearer, origin: "https://evil.example" } });
      expect(foreign.status).toBe(403);
      const allowed = await edge.guestData({
        headers: { ...bearer, origin: ALLOWED_ORIGIN },
        bookingId: bookingId(),
      });
      expect(allowed.status).toBe(200);
      expect(allowed.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
    });

    it("answers a CORS preflight from an allowed origin without a key", async () => {
      const preflight = await edge.raw({
        method: "OPTIONS",
        path: edge.endpoint,
        headers: {
          origin: ALLOWED_ORIGIN,
          "access-control-request-method": name === "mcp" ? "POST" : "GET",
          "access-control-request-headers": "authorization",
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers["access-control-allow-origin"]).toBe(ALLOWED_ORIGIN);
      expect(String(preflight.headers["access-control-allow-headers"]).toLowerCase()).toContain(
        "authorization",
      );
    });

    it("sends security headers, and marks guest data Cache-Control: no-store", async () => {
      const response = await edge.guestData({ headers: bearer, bookingId: bookingId() });
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(response.headers.get("cache-control")).toBe("no-store");
    });

    it("refuses a body over its limit with 413", async () => {
      const answer = await edge.raw({
        method: "POST",
        path: edge.endpoint,
        headers: { ...bearer, "content-type": "application/json" },
        body: JSON.stringify({ padding: "x".repeat(2_000_000) }),
      });
      expect(answer.status).toBe(413);
    });

    it("answers a wrong method with 405 and Allow", async () => {
      const answer = await edge.raw({
        method: name === "mcp" ? "PUT" : "POST",
        path: edge.endpoint,
        headers: { ...bearer, "content-type": "application/json" },
        body: "{}",
      });
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe(name === "mcp" ? "POST" : "GET");
    });

    it("quotes at most 100 characters of a caller value and lists at most 10 unknown names", async () => {
      // 1,000 names: more would not fit Node's 16 KB request-line limit on REST (that would be a 431, not ours).
      const unknown = Object.fromEntries(Array.from({ length: 1_000 }, (_, i) => [`unknown_${i}`, "1"]));
      const many = await answerText(await edge.operation("hostaway_list_properties", unknown, bearer));
      expect(many.text).toMatch(/unknown_0/);
      expect(many.text).toMatch(/and 990 more/);
      expect(JSON.stringify(many.body).length).toBeLessThan(4_000);

      // MCP takes a 100 KB name in its body; a URL holds at most 16 KB, so REST gets a 10 KB one.
      const longName = "n".repeat(name === "mcp" ? 100_000 : 10_000);
      const long = await answerText(
        await edge.operation("hostaway_list_properties", { [longName]: "1" }, bearer),
      );
      expect(long.text).toMatch(/n{20}/);
      expect(JSON.stringify(long.body).length).toBeLessThan(2_000);
    });

    it.each([
      ["limit", "1.0"],
      ["limit", "00001"],
    ])("refuses the non-canonical integer %s=%s, naming the field", async (field, value) => {
      const answer = await answerText(
        await edge.operation("hostaway_list_properties", { [field]: value }, bearer),
      );
      if (name === "rest") expect(answer.status).toBe(400);
      expect(answer.text).toMatch(new RegExp(`\\b${field}\\b`));
      expect(answer.text).toMatch(/validation_error|must be a whole number/);
    });

    it("refuses an empty item in a list, naming the field", async () => {
      const answer = await answerText(
        await edge.operation("hostaway_batch_get_properties", { property_ids: "1,,2" }, bearer),
      );
      if (name === "rest") expect(answer.status).toBe(400);
      expect(answer.text).toMatch(/property_ids/);
      expect(answer.text).toMatch(/empty/);
    });

    it("classifies an HTTP-200 status:fail from Hostaway as upstream_error without relaying Hostaway's text", async () => {
      // A listing neither edge has read (so not in a read cache); the client retries such an answer once.
      const listing = sandbox.fixtures.listingIds[name === "rest" ? 5 : 6] as number;
      sandbox.injectFault({ path: `/v1/listings/${listing}`, kind: "fail_200", times: 2 });
      const answer = await answerText(
        await edge.operation("hostaway_get_property_details", { listing_id: listing }, bearer),
      );
      sandbox.clearFaults();
      if (name === "rest") expect(answer.status).toBe(502);
      expect(JSON.stringify(answer.body)).toMatch(/upstream_error/);
      expect(JSON.stringify(answer.body)).not.toMatch(/Injected fault/);
    });
  });

  describe("inbound limits", () => {
    let edge: StartedEdge;
    beforeAll(async () => {
      edge = await started(name, keyed);
    });
    afterAll(async () => {
      await edge?.close();
    });

    it("limits requests without a valid key per address, without locking a valid key out", async () => {
      const wrong = { authorization: "Bearer wrong-key-0123456789abc" };
      const statuses: number[] = [];
      for (let i = 0; i < 16; i += 1) statuses.push((await edge.guestData({ headers: wrong })).status);
      expect(statuses.slice(0, 15).every((status) => status === 401)).toBe(true);
      expect(statuses[15]).toBe(429);
      const valid = await edge.guestData({ headers: bearer, bookingId: bookingId() });
      expect(valid.status).toBe(200);
    });

    it("limits each key: the 21st request in a window is 429 with Retry-After and RateLimit headers", async () => {
      // The previous case spent one request of this key's window.
      const statuses: number[] = [];
      let refused: Response | undefined;
      for (let i = 0; i < 20; i += 1) {
        const response = await edge.guestData({ headers: bearer, bookingId: bookingId() });
        statuses.push(response.status);
        if (response.status === 429) refused ??= response;
        else await response.arrayBuffer();
      }
      expect(statuses.filter((status) => status === 200)).toHaveLength(19);
      expect(refused?.status).toBe(429);
      expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(refused?.headers.get("ratelimit")).toMatch(/r=0/);
      expect(refused?.headers.get("ratelimit-policy")).toMatch(/q=20/);
    });
  });

  describe("without API keys (loopback only)", () => {
    let edge: StartedEdge;
    beforeAll(async () => {
      edge = await started(name, {});
    });
    afterAll(async () => {
      await edge?.close();
    });

    it("serves a loopback Host and refuses a foreign one (DNS rebinding)", async () => {
      const port = new URL(edge.url).port;
      const path = name === "rest" ? `/api/bookings/${bookingId()}/guest` : "/mcp";
      const request = (host: string) =>
        edge.raw({
          method: name === "rest" ? "GET" : "POST",
          path,
          headers: {
            host,
            "content-type": "application/json",
            accept: "application/json, text/event-stream",
          },
          ...(name === "mcp"
            ? {
                body: JSON.stringify({
                  jsonrpc: "2.0",
                  id: 1,
                  method: "tools/call",
                  params: { name: "hostaway_get_guest_info", arguments: { booking_id: bookingId() } },
                }),
              }
            : {}),
        });
      const foreign = await request(`evil.example:${port}`);
      expect(foreign.status).toBe(403);
      expect(foreign.body).not.toMatch(/@/);
      expect((await request(`127.0.0.1:${port}`)).status).toBe(200);
      expect((await request(`localhost:${port}`)).status).toBe(200);
    });
  });

  describe("settings", () => {
    it("refuses an API key shorter than 16 characters, naming API_KEYS", async () => {
      const result = await startEdge(name, { ...upstreamEnv(), API_KEYS: "short-key-15chr" });
      expect(result.kind).toBe("exit");
      if (result.kind === "exit") {
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/API_KEYS/);
        expect(result.stderr).not.toContain("short-key-15chr");
      }
    });

    it("never echoes a bad setting's value", async () => {
      const result = await startEdge(name, { ...upstreamEnv(), HOSTAWAY_ACCOUNT_ID: "acct-s3cr3t-value" });
      expect(result.kind).toBe("exit");
      if (result.kind === "exit") {
        expect(result.stderr).toMatch(/HOSTAWAY_ACCOUNT_ID/);
        expect(result.stderr).not.toContain("acct-s3cr3t-value");
      }
    });

    it("treats an IPv4-mapped loopback address as loopback", async () => {
      const result = await startEdge(name, { ...upstreamEnv(), HOST: "::ffff:127.0.0.1" });
      expect(result.kind).toBe("running");
      if (result.kind === "running") await result.edge.close();
    });
  });

  describe("shutdown", () => {
    it("lets in-flight work finish within the grace period", async () => {
      const edge = await started(name, keyed);
      // Warm up the token so the slow request is the only upstream work.
      expect((await edge.guestData({ headers: bearer, bookingId: bookingId() })).status).toBe(200);
      sandbox.setLatency(800);
      try {
        const inFlight = edge.guestData({ headers: bearer, bookingId: sandbox.fixtures.bookings.emoji });
        await new Promise((resolve) => setTimeout(resolve, 200));
        const closing = edge.close();
        const response = await inFlight;
        expect(response.status).toBe(200);
        expect(await response.json()).toBeTruthy();
        await closing;
      } finally {
        sandbox.setLatency(0);
      }
    });
  });

  describe("start-up token warm-up", () => {
    /** One sandbox of the case's own (the warm-up is about the first upstream requests), and the edge on it. */
    async function onOwnSandbox(
      options: Parameters<typeof startSandbox>[0],
      env: Record<string, string> = {},
      prepare: (own: Sandbox) => void = () => {},
    ) {
      const own = await startSandbox({ rateLimits: false, ...options });
      prepare(own);
      const result = await startEdge(name, {
        HOSTAWAY_ACCOUNT_ID: String(own.credentials.accountId),
        HOSTAWAY_SECRET_KEY: own.credentials.secretKey,
        HOSTAWAY_API_BASE_URL: own.url,
        API_KEYS: KEY,
        ...env,
      });
      if (result.kind === "exit") throw new Error(result.stderr);
      const logLines = () =>
        result.edge
          .logs()
          .split("\n")
          .filter((line) => line.startsWith("{"))
          .map((line) => JSON.parse(line) as { msg?: string; level?: number });
      return { own, edge: result.edge, logLines };
    }

    it("fetches the token once listening, so the first answer sends no token request", async () => {
      // REFERENCE.md §2: a token works 1 s after issue; the sandbox answers 403 to one used sooner.
      const { own, edge, logLines } = await onOwnSandbox({ tokenNotBeforeMs: 1000 });
      try {
        await edge.warmUp;
        expect(own.stats()).toMatchObject({ total: 1, tokenRequests: 1 });
        expect(logLines().map((line) => line.msg)).toContain(
          "Hostaway access token obtained: the first request will not wait for one",
        );
        const answer = await edge.guestData({
          headers: bearer,
          bookingId: own.fixtures.bookings.sharedSurnameA,
        });
        expect(answer.status).toBe(200);
        expect(await answer.text()).toContain("booking_id");
        expect(own.stats()).toMatchObject({ total: 2, tokenRequests: 1 });
      } finally {
        await edge.close();
        await own.close();
      }
    });

    it("logs rejected credentials once at warn, without the secret, and keeps serving", async () => {
      const wrongSecret = "wrong-secret-do-not-log-0123";
      const { own, edge, logLines } = await onOwnSandbox({}, { HOSTAWAY_SECRET_KEY: wrongSecret });
      try {
        await edge.warmUp;
        const failures = logLines().filter((line) =>
          String(line.msg).startsWith("could not obtain a Hostaway access token"),
        );
        expect(failures).toEqual([expect.objectContaining({ level: 40, errorType: "unauthorized" })]);
        expect(edge.logs()).not.toContain(wrongSecret);
        expect((await fetch(`${edge.url}/health`)).status).toBe(200);
        if (name === "rest") {
          const ready = await fetch(`${edge.url}/ready`);
          expect(ready.status).toBe(503);
          expect(await ready.json()).toMatchObject({ error: { type: "unauthorized" } });
        }
      } finally {
        await edge.close();
        await own.close();
      }
    });

    it("ends a call to a hung Hostaway as a timeout at its deadline (HOSTAWAY_*_SECONDS; the bench runs the 45 s default)", async () => {
      const { own, edge } = await onOwnSandbox(
        {},
        { HOSTAWAY_TIMEOUT_SECONDS: "1", HOSTAWAY_DEADLINE_SECONDS: "2" },
      );
      try {
        await edge.warmUp;
        own.injectFault({ path: "/v1/listings/:id", kind: "hang" });
        const answer = await answerText(
          await edge.operation(
            "hostaway_get_property_details",
            { listing_id: own.fixtures.listingIds[0] },
            bearer,
          ),
        );
        if (name === "rest") {
          expect(answer.status).toBe(504);
          expect(answer.body).toMatchObject({ error: { type: "timeout" } });
        } else {
          expect(answer.body).toMatchObject({ result: { isError: true } });
          expect(answer.text).toMatch(/timed out|timeout/i);
        }
        // One attempt and its one retry fit the 2 s deadline; nothing more was sent.
        expect(own.stats().byRoute["GET /v1/listings/:id"]).toBeLessThanOrEqual(2);
      } finally {
        await edge.close();
        await own.close();
      }
    });

    it("ends quietly when the server shuts down during the warm-up", async () => {
      const { own, edge, logLines } = await onOwnSandbox({}, {}, (sandbox) =>
        sandbox.injectFault({ path: "/v1/accessTokens", kind: "hang" }),
      );
      try {
        while (own.stats().tokenRequests === 0) await new Promise((resolve) => setTimeout(resolve, 5));
        await edge.close();
        await edge.warmUp;
        expect(logLines().some((line) => String(line.msg).includes("access token"))).toBe(false);
      } finally {
        await own.close();
      }
    });
  });
});
