import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RATE_LIMIT_BODY, type Sandbox, startSandbox } from "../src/index.js";
import { SandboxClient } from "./support/sandbox-client.js";

let sandbox: Sandbox;
let client: SandboxClient;
let listingId: number;

beforeAll(async () => {
  sandbox = await startSandbox({ rateLimits: false });
  client = new SandboxClient(sandbox);
  await client.authenticate();
  listingId = sandbox.fixtures.listingIds[0] as number;
});
afterEach(() => {
  sandbox.clearFaults();
  sandbox.resetStats();
});
afterAll(() => sandbox.close());

describe("injectFault", () => {
  it.each([500, 502, 503])("answers HTTP %i with a fail body, then retires after `times`", async (status) => {
    const fault = sandbox.injectFault({ path: "/v1/listings", kind: "status", status, times: 2 });
    expect((await client.get("/listings?limit=1")).status).toBe(status);
    const second = await client.get("/listings?limit=1");
    expect(second.status).toBe(status);
    expect(second.body).toEqual({ status: "fail", result: `Injected fault: HTTP ${status}` });
    expect((await client.get("/listings?limit=1")).status).toBe(200);
    expect(fault.hits).toBe(2);
    expect(sandbox.stats().faultsInjected).toBe(2);
  });

  it("can add a Retry-After header to a status fault", async () => {
    sandbox.injectFault({ path: "/v1/listings", kind: "status", status: 503, retryAfterSeconds: 7 });
    expect((await client.get("/listings")).headers.get("retry-after")).toBe("7");
  });

  it("sends the documented 429 for kind rate_limit and counts it", async () => {
    sandbox.injectFault({ path: /^\/v1\/reservations/, kind: "rate_limit", retryAfterSeconds: 2, times: 1 });
    const limited = await client.get("/reservations?limit=1");
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual(RATE_LIMIT_BODY);
    expect(limited.headers.get("retry-after")).toBe("2");
    expect(sandbox.stats()).toMatchObject({ rateLimited: 1, faultsInjected: 1 });
    expect((await client.get("/reservations?limit=1")).status).toBe(200);
  });

  it("hangs until the client gives up, and keeps serving others", async () => {
    sandbox.injectFault({ path: "/v1/listings/:id", kind: "hang", times: 1 });
    const started = Date.now();
    await expect(
      fetch(`${sandbox.url}/listings/${listingId}`, {
        headers: { authorization: `Bearer ${client.token}` },
        signal: AbortSignal.timeout(150),
      }),
    ).rejects.toThrow(/aborted|timeout/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect((await client.get(`/listings/${listingId}`)).status).toBe(200);
  });

  it("resets the connection", async () => {
    sandbox.injectFault({ path: "/v1/listings", kind: "reset", times: 1 });
    await expect(client.get("/listings")).rejects.toThrow();
    expect((await client.get("/listings")).status).toBe(200);
  });

  it("answers HTTP 200 with malformed JSON", async () => {
    sandbox.injectFault({ path: "/v1/listings", kind: "malformed_json", times: 1 });
    const response = await fetch(`${sandbox.url}/listings`, {
      headers: { authorization: `Bearer ${client.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it("answers HTTP 200 with status fail for kind fail_200", async () => {
    sandbox.injectFault({ path: "/v1/listings", kind: "fail_200" });
    const response = await client.get("/listings");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: "fail",
      result: "Injected fault: a failure reported with HTTP 200",
    });
  });

  it("matches on method, route template, exact path and a predicate", async () => {
    sandbox.injectFault({ method: "POST", path: "/v1/listings", kind: "status", status: 500 });
    expect((await client.get("/listings?limit=1")).status).toBe(200);
    sandbox.clearFaults();

    sandbox.injectFault({ path: `/v1/listings/${listingId}`, kind: "status", status: 502 });
    expect((await client.get(`/listings/${listingId}`)).status).toBe(502);
    expect((await client.get(`/listings/${sandbox.fixtures.listingIds[1]}`)).status).toBe(200);
    sandbox.clearFaults();

    sandbox.injectFault({
      path: "/v1/reservations",
      kind: "status",
      status: 503,
      match: (request) => (request.url ?? "").includes("afterId="),
    });
    expect((await client.get("/reservations?limit=1")).status).toBe(200);
    expect((await client.get(`/reservations?limit=1&afterId=${sandbox.fixtures.bookingIds[0]}`)).status).toBe(
      503,
    );
  });

  it("hits the token endpoint too, and handles can be removed", async () => {
    const fault = sandbox.injectFault({ path: "/v1/accessTokens", kind: "status", status: 500 });
    expect((await client.requestToken({})).status).toBe(500);
    fault.remove();
    expect((await client.requestToken({})).status).toBe(200);
    expect(sandbox.stats().tokenRequests).toBe(2);
  });

  it("applies the first matching fault in injection order", async () => {
    sandbox.injectFault({ path: "/v1/listings", kind: "status", status: 502, times: 1 });
    sandbox.injectFault({ path: "/v1/listings", kind: "status", status: 503, times: 1 });
    expect((await client.get("/listings")).status).toBe(502);
    expect((await client.get("/listings")).status).toBe(503);
    expect((await client.get("/listings")).status).toBe(200);
  });

  it("rejects a bad fault spec with a clear message", () => {
    expect(() => sandbox.injectFault({ path: "/v1/listings", kind: "explode" as never })).toThrow(
      /"kind" must be one of/,
    );
    expect(() => sandbox.injectFault({ path: "/v1/listings", kind: "status" })).toThrow(/needs a "status"/);
    expect(() => sandbox.injectFault({ path: "/v1/listings", kind: "hang", times: 0 })).toThrow(/"times"/);
    expect(() => sandbox.injectFault({ path: 42 as never, kind: "hang" })).toThrow(/"path"/);
  });

  it("adds the configured latency before every response", async () => {
    sandbox.setLatency(60);
    const started = performance.now();
    expect((await client.get("/listings?limit=1")).status).toBe(200);
    // Only a lower bound: the sandbox waits at least the latency (no upper bound on a busy machine).
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    sandbox.setLatency(0);
    expect(() => sandbox.setLatency(-1)).toThrow(/latency/);
  });
});
