// Several replicas, one Hostaway account (docs/adr/008): 3 REST servers and 1 MCP HTTP server started as their
// binaries start them, each with its own client and nothing in common but one REDIS_URL (a redis-server of this
// test's own), against the sandbox with Hostaway's real limits (15 per IP, 20 per account, per 10 s).
import { type Sandbox, startRedisServer, startSandbox, type TestRedis } from "@hostaway-mcp/hostaway-sandbox";
// @ts-expect-error: the parser ships no types; it returns [{ name, type, metrics: [{ value, labels }] }].
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type StartedEdge, startEdge } from "./support/edge-servers.js";

const KEY = "scale-out-key-0123456789abcdef";
const REQUESTS = 80;

interface MetricFamily {
  name: string;
  metrics: { value: string; labels?: Record<string, string> }[];
}

let sandbox: Sandbox;
let redis: TestRedis;
const edges: StartedEdge[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  sandbox = await startSandbox();
  const env = {
    HOSTAWAY_ACCOUNT_ID: String(sandbox.credentials.accountId),
    HOSTAWAY_SECRET_KEY: sandbox.credentials.secretKey,
    HOSTAWAY_API_BASE_URL: sandbox.url,
    HOSTAWAY_RATE_LIMIT_IP: "15",
    HOSTAWAY_RATE_LIMIT_ACCOUNT: "20",
    HOSTAWAY_EGRESS_ID: "one-host",
    REDIS_URL: redis.url,
    METRICS: "1",
    API_KEYS: KEY,
    HOSTAWAY_CACHE: "off",
    RATE_LIMIT_PER_KEY: "1000",
  };
  for (const name of ["rest", "rest", "rest", "mcp"] as const) {
    const result = await startEdge(name, env);
    if (result.kind === "exit") throw new Error(`${name} did not start: ${result.stderr}`);
    edges.push(result.edge);
  }
  await Promise.all(edges.map((edge) => edge.warmUp));
}, 30_000);
afterAll(async () => {
  await Promise.all(edges.map((edge) => edge.close()));
  await sandbox?.close();
  await redis?.stop();
});

const headersOf = (edge: StartedEdge) =>
  edge.name === "rest" ? { "x-api-key": KEY } : { authorization: `Bearer ${KEY}` };

/** Distinct bookings, spread round-robin over the four servers. */
async function spread(ids: number[]): Promise<number[]> {
  return Promise.all(
    ids.map(async (id, index) => {
      const edge = edges[index % edges.length] as StartedEdge;
      const response = await edge.operation(
        "hostaway_get_booking_details",
        { booking_id: id },
        headersOf(edge),
      );
      const text = await response.text();
      // MCP answers 200 for a failed call too: only a result without isError counts as an answer.
      if (edge.name === "mcp")
        return text.includes('"result"') && !text.includes('"isError":true') ? 200 : 500;
      return response.status;
    }),
  );
}

async function metricsOf(edge: StartedEdge): Promise<MetricFamily[]> {
  const answer = await edge.raw({ path: "/metrics", headers: headersOf(edge) });
  expect(answer.status).toBe(200);
  return parsePrometheusTextFormat(answer.body) as MetricFamily[];
}

const sum = (families: MetricFamily[], name: string) =>
  families
    .find((family) => family.name === name)
    ?.metrics.reduce((total, metric) => total + Number(metric.value), 0) ?? 0;

it("80 requests over 3 REST and 1 MCP server: one set of windows, one token (and one more after an expiry)", async () => {
  // The start-up warm-ups of all four servers: one token request for the group.
  expect(sandbox.stats().tokenRequests).toBe(1);
  sandbox.resetStats();
  const ids = sandbox.fixtures.bookingIds.slice(0, REQUESTS);
  const startedAt = performance.now();
  const first = await spread(ids.slice(0, REQUESTS / 2));
  sandbox.expireAllTokens();
  const second = await spread(ids.slice(REQUESTS / 2));
  const wallMs = performance.now() - startedAt;
  expect([...first, ...second].filter((status) => status !== 200)).toEqual([]);

  const stats = sandbox.stats();
  expect(stats.rateLimited).toBe(0);
  expect(stats.maxInAnyWindow.ip).toBeLessThanOrEqual(15);
  expect(stats.maxInAnyWindow.account).toBeLessThanOrEqual(20);
  // Exactly one more token request after the expiry, for all four processes.
  expect(stats.tokenRequests).toBe(1);
  // The window bound: every request (80 reads, the 403s that found the token expired, the token request) at 15
  // per 10 s, the first 15 at once.
  const bound = Math.floor((stats.total - 1) / 15) * 10_000;
  console.info(
    `scale-out: ${stats.total} upstream requests in ${(wallMs / 1000).toFixed(2)} s; window bound ${bound / 1000} s (${(wallMs / bound).toFixed(3)}×), 0 × 429, busiest window ${stats.maxInAnyWindow.ip}`,
  );
  expect(wallMs / bound).toBeLessThan(1.5);

  // /metrics on each server, parsed by a Prometheus text parser: together they count what the sandbox saw.
  const families = await Promise.all(edges.map(metricsOf));
  const upstream = families.reduce(
    (total, family) => total + sum(family, "hostaway_upstream_requests_total"),
    0,
  );
  const tokens = families.reduce((total, family) => total + sum(family, "hostaway_token_requests_total"), 0);
  const limited = families.reduce(
    (total, family) => total + sum(family, "hostaway_upstream_rate_limited_total"),
    0,
  );
  // The counters started before the warm-up's token request, which the stats reset left out.
  expect(upstream).toBe(stats.total + 1);
  expect(tokens).toBe(stats.tokenRequests + 1);
  expect(limited).toBe(0);
  for (const family of families) {
    expect(sum(family, "hostaway_redis_shared")).toBe(1);
    expect(family.some((metric) => metric.name === "process_cpu_user_seconds_total")).toBe(true);
    expect(sum(family, "http_requests_total")).toBeGreaterThan(0);
  }
}, 120_000);

it("holds one API key's inbound limit across the replicas (20 per 10 s in all, not per replica)", async () => {
  const key = "inbound-key-0123456789abcdef";
  const env = {
    HOSTAWAY_ACCOUNT_ID: String(sandbox.credentials.accountId),
    HOSTAWAY_SECRET_KEY: sandbox.credentials.secretKey,
    HOSTAWAY_API_BASE_URL: sandbox.url,
    REDIS_URL: redis.url,
    METRICS: "1",
    API_KEYS: key,
  };
  const pair: StartedEdge[] = [];
  for (const name of ["rest", "mcp"] as const) {
    const result = await startEdge(name, env);
    if (result.kind === "exit") throw new Error(`${name} did not start: ${result.stderr}`);
    pair.push(result.edge);
  }
  try {
    // GET /metrics sits behind the same edge guard as the API and costs Hostaway nothing.
    const statuses = await Promise.all(
      Array.from({ length: 26 }, (_, index) => {
        const edge = pair[index % 2] as StartedEdge;
        const auth = edge.name === "rest" ? { "x-api-key": key } : { authorization: `Bearer ${key}` };
        return edge.raw({ path: "/metrics", headers: auth }).then((answer) => answer.status);
      }),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(20);
    expect(statuses.filter((status) => status === 429)).toHaveLength(6);
  } finally {
    await Promise.all(pair.map((edge) => edge.close()));
  }
}, 30_000);

it("reports the sharing mode on /ready, and serves on local limits while Redis is away", async () => {
  const rest = edges[0] as StartedEdge;
  const ready = JSON.parse((await rest.raw({ path: "/ready" })).body) as { redis: { mode: string } };
  expect(ready.redis.mode).toBe("shared");
  await redis.kill();
  try {
    const statuses = await spread(sandbox.fixtures.bookingIds.slice(100, 108));
    expect(statuses).toEqual(Array(8).fill(200));
    const during = JSON.parse((await rest.raw({ path: "/ready" })).body) as { redis: { mode: string } };
    expect(during.redis.mode).toBe("local");
    const mcp = JSON.parse((await (edges[3] as StartedEdge).raw({ path: "/ready" })).body) as {
      redis: { mode: string };
    };
    expect(mcp.redis.mode).toBe("local");
  } finally {
    await redis.restart();
  }
  const deadline = Date.now() + 10_000;
  for (;;) {
    const again = JSON.parse((await rest.raw({ path: "/ready" })).body) as { redis: { mode: string } };
    if (again.redis.mode === "shared") break;
    if (Date.now() > deadline) throw new Error("never shared again");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(rest.logs()).toContain("redis unreachable");
  expect(rest.logs()).toContain("redis back");
}, 60_000);
