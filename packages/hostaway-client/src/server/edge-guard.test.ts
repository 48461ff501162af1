import { createServer, type IncomingHttpHeaders, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { callerIdOf } from "./api-keys.js";
import { createEdgeGuard, type EdgeGuardOptions, type GuardedRequest } from "./edge-guard.js";
import { EdgeRefusal } from "./edge-refusal.js";
import type { InboundLimitStore } from "./inbound-limiter.js";

const KEY_A = "alpha-0123456789abcdef";
const KEY_B = "bravo-0123456789abcdef";
const LOCAL_PAGE = "http://localhost:5173";

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: { caller?: string | null; type?: string; message?: string } | undefined;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

/**
 * A server with the guard in front of a handler that answers `{ caller }`; refusals are rendered the way an app's
 * error handler would: the refusal's status and headers, `{ type, message }`. Requests can fake their client IP
 * with `x-test-ip` (through the `clientIp` option).
 */
async function guarded(options: Partial<EdgeGuardOptions> = {}) {
  const guard = createEdgeGuard({
    apiKeys: [],
    realm: "test-realm",
    clientIp: (req) => (req.headers["x-test-ip"] as string | undefined) ?? req.socket.remoteAddress,
    ...options,
  });
  let calls = 0;
  const server = createServer((req, res) => {
    guard(req, res, (error) => {
      calls += 1;
      res.setHeader("Content-Type", "application/json");
      if (EdgeRefusal.isInstance(error)) {
        for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
        res.statusCode = error.status;
        res.end(JSON.stringify({ type: error.errorType, message: error.message }));
      } else if (error !== undefined) {
        res.statusCode = 500;
        res.end(JSON.stringify({ type: "internal_error", message: String(error) }));
      } else {
        res.end(JSON.stringify({ caller: (req as GuardedRequest).caller }));
      }
    });
  });
  servers.push(server);
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as AddressInfo;
  const send = (headers: Record<string, string> = {}, method = "GET"): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const outgoing = request(
        {
          host: "127.0.0.1",
          port,
          method,
          path: "/api/x",
          headers: { host: `127.0.0.1:${port}`, ...headers },
          agent: false,
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            text += chunk;
          });
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: text === "" ? undefined : JSON.parse(text),
            }),
          );
        },
      );
      outgoing.on("error", reject);
      outgoing.end();
    });
  return { send, port, nextCalls: () => calls };
}

/** The caller value quoted in a refusal message, parsed back from its JSON quotes. */
const quotedIn = (message: string | undefined): string =>
  JSON.parse(/("(?:[^"\\]|\\.)*")/.exec(message ?? "")?.[1] ?? '""');

describe("auth", () => {
  it("passes a valid key as X-API-Key or Bearer and sets req.caller to its caller id", async () => {
    const { send } = await guarded({ apiKeys: [KEY_A, KEY_B] });
    expect(await send({ "x-api-key": KEY_A })).toMatchObject({
      status: 200,
      body: { caller: callerIdOf(KEY_A) },
    });
    expect(await send({ authorization: `Bearer ${KEY_B}` })).toMatchObject({
      status: 200,
      body: { caller: callerIdOf(KEY_B) },
    });
  });

  it("answers 401 with WWW-Authenticate for a missing or wrong key", async () => {
    const { send } = await guarded({ apiKeys: [KEY_A] });
    const missing = await send();
    expect(missing.status).toBe(401);
    expect(missing.headers["www-authenticate"]).toBe('Bearer realm="test-realm"');
    expect(missing.body).toEqual({
      type: "unauthorized",
      message:
        "Unauthorized: send one of the server's API keys as `X-API-Key: <key>` or `Authorization: Bearer <key>`.",
    });
    const wrong = await send({ authorization: "Bearer not-the-key-at-all-000" });
    expect(wrong.status).toBe(401);
    expect(wrong.headers["www-authenticate"]).toBe('Bearer realm="test-realm", error="invalid_token"');
    expect(wrong.body?.message).toBe("Unauthorized: the API key is not one of the server's keys.");
    expect(JSON.stringify(wrong)).not.toContain("not-the-key-at-all");
  });

  it("sets req.caller to null without keys", async () => {
    const { send } = await guarded();
    expect(await send({ authorization: `Bearer ${KEY_A}` })).toMatchObject({
      status: 200,
      body: { caller: null },
    });
  });
});

describe("inbound limits", () => {
  it("refuses a valid key's 21st request in a window with 429, Retry-After and RateLimit headers", async () => {
    const { send } = await guarded({ apiKeys: [KEY_A, KEY_B] });
    for (let i = 1; i <= 20; i++) {
      const reply = await send({ "x-api-key": KEY_A });
      expect(reply.status, `request ${i}`).toBe(200);
      expect(reply.headers.ratelimit).toMatch(new RegExp(`^"per-key";r=${20 - i};t=\\d+$`));
      expect(reply.headers["ratelimit-policy"]).toBe('"per-key";q=20;w=10');
    }
    const refused = await send({ "x-api-key": KEY_A });
    expect(refused.status).toBe(429);
    expect(refused.body?.type).toBe("rate_limit");
    expect(refused.body?.message).toMatch(
      /^Too many requests for this API key: at most 20 per 10 s; retry in \d+ s\.$/,
    );
    const retryAfter = Number(refused.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(10);
    expect(refused.headers.ratelimit).toBe(`"per-key";r=0;t=${retryAfter}`);
    expect(refused.headers["ratelimit-policy"]).toBe('"per-key";q=20;w=10');
    // Another key has a window of its own.
    expect((await send({ "x-api-key": KEY_B })).status).toBe(200);
  });

  it("counts keyless and invalid-key requests per IP, and they never use up a valid key's window", async () => {
    const { send } = await guarded({ apiKeys: [KEY_A] });
    for (let i = 0; i < 15; i++) {
      const headers: Record<string, string> = i % 2 === 0 ? {} : { "x-api-key": `guess-${i}-0123456789` };
      const reply = await send(headers);
      expect(reply.status, `guess ${i}`).toBe(401);
      expect(reply.headers["ratelimit-policy"]).toBe('"per-ip";q=15;w=10');
    }
    // The 16th guess is limited before it is judged: brute force gets 15 tries per window.
    const limited = await send({ "x-api-key": "guess-16-0123456789" });
    expect(limited.status).toBe(429);
    expect(limited.body?.message).toMatch(/^Too many requests from this address: at most 15 per 10 s/);
    expect(limited.headers["retry-after"]).toMatch(/^\d+$/);
    expect(limited.headers["www-authenticate"]).toBeUndefined();
    // The same IP with the valid key still has all 20 of its requests.
    for (let i = 0; i < 20; i++) expect((await send({ "x-api-key": KEY_A })).status, `valid ${i}`).toBe(200);
    expect((await send({ "x-api-key": KEY_A })).status).toBe(429);
    // Another address has a window of its own.
    expect((await send({ "x-test-ip": "203.0.113.7" })).status).toBe(401);
  });

  it("limits every request per IP when no keys are configured", async () => {
    const { send } = await guarded({ perIpLimit: 2 });
    expect((await send()).headers.ratelimit).toMatch(/^"per-ip";r=1;t=\d+$/);
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(429);
    expect((await send({ "x-test-ip": "::ffff:198.51.100.1" })).status).toBe(200);
  });

  it("switches a limit off at 0", async () => {
    const { send } = await guarded({ apiKeys: [KEY_A], perKeyLimit: 0, perIpLimit: 0 });
    for (let i = 0; i < 25; i++) expect((await send({ "x-api-key": KEY_A })).status).toBe(200);
    const reply = await send();
    expect(reply.status).toBe(401);
    expect(reply.headers.ratelimit).toBeUndefined();
  });

  it("honours windowMs and counts in the given store", async () => {
    const hits: Array<[string, number]> = [];
    const store: InboundLimitStore = {
      async hit(key, windowMs) {
        hits.push([key, windowMs]);
        return { count: 1, resetMs: 1_500 };
      },
    };
    const { send } = await guarded({ apiKeys: [KEY_A], store, windowMs: 60_000 });
    const reply = await send({ "x-api-key": KEY_A });
    expect(reply.headers["ratelimit-policy"]).toBe('"per-key";q=20;w=60');
    expect(reply.headers.ratelimit).toBe('"per-key";r=19;t=2');
    await send({ "x-test-ip": "2001:db8:1:2::1" });
    expect(hits).toEqual([
      [`per-key:${callerIdOf(KEY_A)}`, 60_000],
      ["per-ip:2001:db8:1:0::/56", 60_000],
    ]);
  });

  it("refuses (500 from the app) rather than letting a request through uncounted when the store fails", async () => {
    const store: InboundLimitStore = {
      hit: () => Promise.reject(new Error("redis is down")),
    };
    const { send } = await guarded({ apiKeys: [KEY_A], store });
    expect(await send({ "x-api-key": KEY_A })).toMatchObject({
      status: 500,
      body: { message: "Error: redis is down" },
    });
  });

  it("keys the per-IP window on the socket's remote address by default", async () => {
    const { send } = await guarded({ perIpLimit: 1, clientIp: undefined });
    expect((await send({ "x-test-ip": "203.0.113.1" })).status).toBe(200);
    // x-test-ip is ignored by the default clientIp: the socket address is what counts.
    expect((await send({ "x-test-ip": "203.0.113.2" })).status).toBe(429);
  });
});

describe("Host (DNS rebinding)", () => {
  it("refuses a foreign Host without keys, and accepts loopback names on any port", async () => {
    const { send, port } = await guarded();
    const refused = await send({ host: "evil.example" });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      type: "unauthorized",
      message: 'Forbidden: host "evil.example" is not allowed. Add it to ALLOWED_HOSTS to serve that name.',
    });
    for (const host of [`localhost:${port}`, "127.0.0.1", "[::1]:8080", "LOCALHOST", "[::ffff:127.0.0.1]"]) {
      expect((await send({ host })).status, host).toBe(200);
    }
  });

  it("accepts any Host with keys, unless ALLOWED_HOSTS is set", async () => {
    const keyed = await guarded({ apiKeys: [KEY_A] });
    expect((await keyed.send({ host: "evil.example", "x-api-key": KEY_A })).status).toBe(200);
    const listed = await guarded({ apiKeys: [KEY_A], allowedHosts: ["API.example.com"] });
    expect((await listed.send({ host: "evil.example", "x-api-key": KEY_A })).status).toBe(403);
    expect((await listed.send({ host: "api.example.com:443", "x-api-key": KEY_A })).status).toBe(200);
    expect((await listed.send({ host: "localhost", "x-api-key": KEY_A })).status).toBe(200);
  });

  it("accepts the bound address, but not a wildcard bind's every name", async () => {
    const bound = await guarded({ bindHost: "10.0.0.7" });
    expect((await bound.send({ host: "10.0.0.7:8080" })).status).toBe(200);
    expect((await bound.send({ host: "10.0.0.8:8080" })).status).toBe(403);
    const v6 = await guarded({ bindHost: "fd00::7" });
    expect((await v6.send({ host: "[fd00::7]:8080" })).status).toBe(200);
    const wildcard = await guarded({ bindHost: "0.0.0.0" });
    expect((await wildcard.send({ host: "0.0.0.0" })).status).toBe(403);
  });

  it("refuses a Host that is not a host name, and a request without Host", async () => {
    const { send } = await guarded();
    for (const host of ["user@localhost", "localhost/x", "[not-ipv6]", "localhost:99999999"]) {
      const reply = await send({ host });
      expect(reply.status, host).toBe(403);
      expect(reply.body?.message).toBe(
        `Forbidden: the Host header ${JSON.stringify(host)} is not a host name.`,
      );
    }
    const guard = createEdgeGuard({ apiKeys: [], realm: "r" });
    const refusals: unknown[] = [];
    const req = { headers: {}, method: "GET", socket: {} } as unknown as GuardedRequest;
    const res = { getHeader: () => undefined, setHeader: () => undefined } as never;
    guard(req, res, (error) => refusals.push(error));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ status: 403, message: "Forbidden: the request has no Host header." });
  });

  it("quotes at most 100 characters of a 5,000-character Host header", async () => {
    const { send } = await guarded();
    const host = `${"h".repeat(4990)}.example`;
    const reply = await send({ host });
    expect(reply.status).toBe(403);
    const quoted = quotedIn(reply.body?.message);
    expect(quoted).toBe(`${"h".repeat(100)}…`);
    expect(reply.body?.message?.length).toBeLessThan(200);
  });

  it("counts no request it refuses for its Host against a window", async () => {
    const { send } = await guarded({ perIpLimit: 1 });
    for (let i = 0; i < 3; i++) expect((await send({ host: "evil.example" })).status).toBe(403);
    expect((await send()).status).toBe(200);
  });
});

describe("CORS", () => {
  it("answers a preflight from an allowed origin with 204, before auth", async () => {
    const { send, nextCalls } = await guarded({ apiKeys: [KEY_A] });
    const reply = await send(
      {
        origin: LOCAL_PAGE,
        "access-control-request-method": "POST",
        "access-control-request-headers": "x-api-key",
      },
      "OPTIONS",
    );
    expect(reply.status).toBe(204);
    expect(reply.body).toBeUndefined();
    expect(reply.headers["access-control-allow-origin"]).toBe(LOCAL_PAGE);
    expect(reply.headers["access-control-allow-methods"]).toBe("GET, POST");
    expect(reply.headers["access-control-allow-headers"]).toBe(
      "Authorization, X-API-Key, Content-Type, X-Request-Id",
    );
    expect(reply.headers["access-control-max-age"]).toBe("600");
    expect(reply.headers.vary).toBe("Origin");
    expect(nextCalls()).toBe(0);
  });

  it("uses the configured methods and headers", async () => {
    const { send } = await guarded({
      cors: {
        methods: ["POST"],
        allowedHeaders: ["Mcp-Protocol-Version"],
        exposedHeaders: [],
        maxAgeSeconds: 5,
      },
    });
    const reply = await send({ origin: LOCAL_PAGE, "access-control-request-method": "POST" }, "OPTIONS");
    expect(reply.headers["access-control-allow-methods"]).toBe("POST");
    expect(reply.headers["access-control-allow-headers"]).toBe("Mcp-Protocol-Version");
    expect(reply.headers["access-control-max-age"]).toBe("5");
    expect(reply.headers["access-control-expose-headers"]).toBeUndefined();
  });

  it("marks an allowed origin's answers and exposes the rate-limit headers", async () => {
    const { send } = await guarded({ apiKeys: [KEY_A] });
    const reply = await send({ origin: "http://127.0.0.1:3000", "x-api-key": KEY_A });
    expect(reply.status).toBe(200);
    expect(reply.headers["access-control-allow-origin"]).toBe("http://127.0.0.1:3000");
    expect(reply.headers["access-control-expose-headers"]).toBe(
      "Retry-After, RateLimit, RateLimit-Policy, X-Request-Id",
    );
    // The refusal of a keyless request from the page carries them too, so the page can read the 401.
    const refused = await send({ origin: "http://127.0.0.1:3000" });
    expect(refused.status).toBe(401);
    expect(refused.headers["access-control-allow-origin"]).toBe("http://127.0.0.1:3000");
  });

  it("refuses a foreign Origin with 403, preflight or not, without counting it", async () => {
    const { send } = await guarded({ apiKeys: [KEY_A] });
    const refused = await send({ origin: "https://evil.example", "x-api-key": KEY_A });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      type: "unauthorized",
      message:
        'Forbidden: origin "https://evil.example" is not allowed. Add it to ALLOWED_ORIGINS to let that page call this server.',
    });
    expect(refused.headers["access-control-allow-origin"]).toBeUndefined();
    expect(refused.headers.ratelimit).toBeUndefined();
    const preflight = await send(
      { origin: "https://evil.example", "access-control-request-method": "GET" },
      "OPTIONS",
    );
    expect(preflight.status).toBe(403);
    expect((await send({ origin: "null", "x-api-key": KEY_A })).status).toBe(403);
  });

  it("with ALLOWED_ORIGINS, allows exactly those (case and trailing slash aside), not loopback pages", async () => {
    const { send } = await guarded({ apiKeys: [KEY_A], allowedOrigins: ["https://app.example.com"] });
    const ok = await send({ origin: "https://APP.example.com", "x-api-key": KEY_A });
    expect(ok.status).toBe(200);
    expect(ok.headers["access-control-allow-origin"]).toBe("https://APP.example.com");
    expect((await send({ origin: LOCAL_PAGE, "x-api-key": KEY_A })).status).toBe(403);
    expect((await send({ origin: "https://app.example.com:8443", "x-api-key": KEY_A })).status).toBe(403);
  });

  it("quotes at most 100 characters of a long Origin", async () => {
    const { send } = await guarded();
    const reply = await send({ origin: `https://${"o".repeat(5000)}.example` });
    expect(reply.status).toBe(403);
    expect(quotedIn(reply.body?.message)).toBe(`https://${"o".repeat(92)}…`);
  });

  it("passes a non-preflight OPTIONS on to auth, and adds Origin to an existing Vary", async () => {
    const guard = createEdgeGuard({ apiKeys: [KEY_A], realm: "r" });
    const headers = new Map<string, string>([["vary", "Accept-Encoding"]]);
    const res = {
      getHeader: (name: string) => headers.get(name.toLowerCase()),
      setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value),
    };
    const req = {
      method: "OPTIONS",
      headers: { origin: LOCAL_PAGE, host: "localhost" },
      socket: { remoteAddress: "127.0.0.1" },
    } as unknown as GuardedRequest;
    const error = await new Promise((resolve) => guard(req, res as never, resolve));
    expect(error).toMatchObject({ status: 401 });
    expect(headers.get("vary")).toBe("Accept-Encoding, Origin");
    headers.set("vary", "origin");
    await new Promise((resolve) => guard(req, res as never, resolve));
    expect(headers.get("vary")).toBe("origin");
  });
});

describe("EdgeRefusal", () => {
  it("carries status, errorType, message and headers, branded across copies", () => {
    const refusal = new EdgeRefusal({
      status: 429,
      errorType: "rate_limit",
      message: "slow down",
      retryAfterSeconds: 3,
    });
    expect(refusal).toBeInstanceOf(Error);
    expect(refusal).toMatchObject({ name: "EdgeRefusal", status: 429, errorType: "rate_limit", headers: {} });
    expect(refusal.retryAfterSeconds).toBe(3);
    expect(EdgeRefusal.isInstance(refusal)).toBe(true);
    expect(EdgeRefusal.isInstance(new Error("x"))).toBe(false);
    expect(EdgeRefusal.isInstance({ status: 401, errorType: "unauthorized" })).toBe(false);
    expect(EdgeRefusal.isInstance(undefined)).toBe(false);
    const foreign = Object.defineProperty(new Error("x"), Symbol.for("hostaway-mcp.edge-refusal"), {
      value: true,
    });
    expect(EdgeRefusal.isInstance(foreign)).toBe(true);
    expect(JSON.stringify(refusal)).not.toContain("edge-refusal");
  });
});
