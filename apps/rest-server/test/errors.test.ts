import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY, type Harness, OTHER_KEY, startHarness } from "./harness.js";

/** Nothing upstream-specific may reach a caller: not the sandbox's address, not its secret, not a token path. */
function expectNoUpstreamLeak(h: Harness, body: unknown): void {
  const text = JSON.stringify(body);
  expect(text).not.toContain(new URL(h.sandbox.url).host);
  expect(text).not.toContain(h.sandbox.credentials.secretKey);
  expect(text).not.toContain("accessTokens");
  expect(text).not.toMatch(/eyJ[\w-]{10,}\./); // a JWT
}

describe("404s", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it.each([
    ["/api/listings/{unknownListing}", "Listing", "GET /api/listings"],
    [
      "/api/listings/{unknownListing}/calendar?start_date=2026-12-01&end_date=2026-12-03",
      "Listing",
      "GET /api/listings",
    ],
    ["/api/bookings/{unknownBooking}", "Booking", "GET /api/bookings"],
    ["/api/bookings/{unknownBooking}/guest", "Booking", "GET /api/bookings"],
    ["/api/messages/conversation/{unknownBooking}", "Booking", "GET /api/bookings"],
  ])("%s → 404 naming the id and the route that lists ids", async (template, noun, hint) => {
    const path = template
      .replace("{unknownListing}", String(h.sandbox.fixtures.unknownListingId))
      .replace("{unknownBooking}", String(h.sandbox.fixtures.unknownBookingId));
    const { status, body } = await h.get(path);
    expect(status).toBe(404);
    expect(body.error.type).toBe("not_found");
    const id = noun === "Listing" ? h.sandbox.fixtures.unknownListingId : h.sandbox.fixtures.unknownBookingId;
    expect(body.error.message).toContain(`${noun} ${id} does not exist`);
    expect(body.error.message).toContain(hint);
    expectNoUpstreamLeak(h, body);
  });

  it("audits a guest lookup that found nothing", async () => {
    const id = h.sandbox.fixtures.unknownBookingId;
    await h.get(`/api/bookings/${id}/guest`);
    expect(h.auditLines.at(-1)).toMatchObject({ booking_id: id, outcome: "not_found" });
  });

  it("answers unknown paths with 404 (after auth), and a known path's other methods with 405 and Allow", async () => {
    const unknown = await h.get("/api/guests");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain("/openapi.json");
    const post = await fetch(`${h.url}/api/listings`, { method: "POST", headers: { "X-API-Key": API_KEY } });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET");
    expect(((await post.json()) as { error: { type: string } }).error.type).toBe("validation_error");
    expect((await fetch(`${h.url}/health`, { method: "DELETE" })).status).toBe(405);
  });

  it("refuses a request body over the cap with 413", async () => {
    const response = await fetch(`${h.url}/api/listings`, {
      method: "POST",
      headers: { "X-API-Key": API_KEY, "Content-Type": "application/json" },
      body: "x".repeat(20_000),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe("validation_error");
  });
});

describe("upstream failures map to 502 / 503 / 504 with their type", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ client: { timeoutMs: 300, maxAttempts: 1 } });
  });
  afterAll(async () => h?.close());

  const listingPath = () => `/api/listings/${h.sandbox.fixtures.listingIds[0]}`;

  it.each([
    [{ kind: "status", status: 500 }, 502, "upstream_error", "HTTP 500"],
    [{ kind: "status", status: 503 }, 502, "upstream_error", "HTTP 503"],
    [{ kind: "reset" }, 502, "upstream_error", "retry later"],
    [{ kind: "malformed_json" }, 502, "upstream_error", "retry later"],
    [{ kind: "rate_limit", retryAfterSeconds: 7 }, 503, "rate_limit", "retry in 7 s"],
    [{ kind: "hang" }, 504, "timeout", "did not answer in time"],
  ] as const)("%o → %i %s", async (fault, status, type, wording) => {
    h.sandbox.clearFaults();
    h.sandbox.injectFault({ path: "/v1/listings/:id", ...fault });
    const response = await h.get(listingPath());
    h.sandbox.clearFaults();
    expect(response.status).toBe(status);
    expect(response.body.error.type).toBe(type);
    expect(response.body.error.message).toContain(wording);
    if (type === "rate_limit") {
      expect(response.headers.get("retry-after")).toBe("7");
      expect(response.body.error.details).toEqual({ retry_after_seconds: 7 });
    }
    expectNoUpstreamLeak(h, response.body);
  });

  it("keeps a batch at 200 when items fail upstream", async () => {
    const [a, b] = h.sandbox.fixtures.bookingIds;
    h.sandbox.injectFault({ path: `/v1/reservations/${b}`, kind: "status", status: 500 });
    const { status, body } = await h.get(`/api/batch/bookings?booking_ids=${a},${b}`);
    h.sandbox.clearFaults();
    expect(status).toBe(200);
    expect(body.successful_results.map((x: { id: number }) => x.id)).toEqual([a]);
    expect(body.failed_items).toEqual([
      expect.objectContaining({ item_id: String(b), error_type: "upstream_error" }),
    ]);
    expectNoUpstreamLeak(h, body);
  });
});

describe("wrong Hostaway credentials", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ client: { secretKey: "not-the-secret", maxAttempts: 1 } });
  });
  afterAll(async () => h?.close());

  it("are a 502 `unauthorized` that tells the operator what to check, and /ready says not ready", async () => {
    const { status, body } = await h.get("/api/listings");
    expect(status).toBe(502);
    expect(body.error).toMatchObject({ type: "unauthorized" });
    expect(body.error.message).toContain("HOSTAWAY_SECRET_KEY");
    expect(JSON.stringify(body)).not.toContain("not-the-secret");

    const ready = await h.get("/ready", {});
    expect(ready.status).toBe(503);
    expect(ready.body.error.type).toBe("unauthorized");
    expect(ready.body.error.message).toMatch(/^Not ready: /);
    expectNoUpstreamLeak(h, ready.body);
  });
});

describe("/health and /ready", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it("answer without a key; /ready checks upstream once, then trusts it for a while", async () => {
    expect(await h.get("/health", {})).toMatchObject({ status: 200, body: { status: "ok" } });
    h.sandbox.resetStats();
    expect(await h.get("/ready", {})).toMatchObject({ status: 200, body: { status: "ready" } });
    const afterFirst = h.sandbox.stats().total;
    expect(afterFirst).toBeGreaterThan(0);
    await Promise.all([h.get("/ready", {}), h.get("/ready", {})]);
    expect(h.sandbox.stats().total).toBe(afterFirst);
  });

  it("/ready fails while Hostaway is down (no cached success yet)", async () => {
    const fresh = await startHarness({ client: { maxAttempts: 1 } });
    try {
      fresh.sandbox.injectFault({ path: /.*/, kind: "status", status: 503 });
      const { status, body } = await fresh.get("/ready", {});
      expect(status).toBe(503);
      expect(body.error.type).toBe("upstream_error");
      expectNoUpstreamLeak(fresh, body);
    } finally {
      await fresh.close();
    }
  });
});

describe("/ready protects the upstream budget", () => {
  const probe = async (h: Harness, count: number) =>
    (await Promise.all(Array.from({ length: count }, () => h.get("/ready", {})))).map((r) => r.status);

  it("20 concurrent probes send at most one upstream request, and a success is reused", async () => {
    const h = await startHarness();
    try {
      await h.client.listings.list({ limit: 1 }); // the token is in hand: count listing requests only
      h.sandbox.resetStats();
      expect(await probe(h, 20)).toEqual(Array(20).fill(200));
      expect(h.sandbox.stats().total).toBe(1);
      expect(await probe(h, 20)).toEqual(Array(20).fill(200));
      expect(h.sandbox.stats().total).toBe(1);
    } finally {
      await h.close();
    }
  });

  it("a failure is shared by concurrent probes and repeated for a while without asking again", async () => {
    const h = await startHarness({ client: { maxAttempts: 1 }, config: { readyFailureCacheMs: 300 } });
    try {
      await h.client.listings.list({ limit: 1 });
      h.sandbox.resetStats();
      const fault = h.sandbox.injectFault({ path: "/v1/listings", kind: "status", status: 503 });
      expect(await probe(h, 20)).toEqual(Array(20).fill(503));
      expect(await probe(h, 20)).toEqual(Array(20).fill(503));
      expect(h.sandbox.stats().total).toBe(1);
      fault.remove();
      // Once the failure has expired, the next probe asks again and sees Hostaway back.
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect(await probe(h, 5)).toEqual(Array(5).fill(200));
      expect(h.sandbox.stats().total).toBe(2);
    } finally {
      await h.close();
    }
  });

  it("a hung Hostaway is a 503 timeout once the probe's deadline passes, after one request", async () => {
    // The client's own deadline is two minutes and it would retry; the probe's is its own.
    const h = await startHarness({ config: { readyDeadlineMs: 300 } });
    try {
      await h.client.listings.list({ limit: 1 });
      h.sandbox.resetStats();
      h.sandbox.injectFault({ path: "/v1/listings", kind: "hang" });
      const started = performance.now();
      const [first, ...others] = await Promise.all(Array.from({ length: 5 }, () => h.get("/ready", {})));
      // Generous bound: without the probe's deadline this waits for the client's (minutes).
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(first?.status).toBe(503);
      expect(first?.body.error.type).toBe("timeout");
      expect(first?.body.error.message).toMatch(/^Not ready: /);
      for (const other of others) expect(other.body).toEqual(first?.body);
      expect(h.sandbox.stats().total).toBe(1);
    } finally {
      await h.close();
    }
  });
});

describe("financial report fallback when finance reporting is off", () => {
  it.each(["forbidden", "not_found"] as const)(
    "%s → figures computed from reservations",
    async (financeReporting) => {
      const h = await startHarness({ sandbox: { financeReporting } });
      try {
        const month = h.sandbox.data.anchorDate.slice(0, 7);
        const { status, body } = await h.get(
          `/api/financial/report?start_date=${month}-01&end_date=${month}-28`,
        );
        expect(status).toBe(200);
        expect(body.data_source).toBe("calculated_from_reservations");
        const nonRevenue = /^(cancelled|declined|expired|inquiry)/i;
        const expected = h.sandbox.data.reservations
          .filter(
            (r) =>
              r.arrivalDate >= `${month}-01` && r.arrivalDate <= `${month}-28` && !nonRevenue.test(r.status),
          )
          .map((r) => r.id)
          .sort((a, b) => a - b);
        expect(body.rows.map((row: { id: number }) => row.id).sort((a: number, b: number) => a - b)).toEqual(
          expected,
        );
        const total = body.rows.reduce((sum: number, row: { totalPrice: number }) => sum + row.totalPrice, 0);
        if (body.totals.totalPrice !== null) expect(body.totals.totalPrice).toBeCloseTo(total, 1);
      } finally {
        await h.close();
      }
    },
  );
});

describe("inbound rate limits", () => {
  it("limit requests without a valid key per client IP: 429 with Retry-After and draft-8 RateLimit headers", async () => {
    const h = await startHarness({ config: { perIpLimit: 2, windowMs: 60_000 } });
    try {
      const path = `/api/listings/${h.sandbox.fixtures.listingIds[0]}`;
      const wrong = { "X-API-Key": "not-a-key-0123456789abc" };
      const first = await h.get(path, wrong);
      expect(first.status).toBe(401);
      expect(first.headers.get("ratelimit")).toBe('"per-ip";r=1;t=60');
      expect(first.headers.get("ratelimit-policy")).toBe('"per-ip";q=2;w=60');
      await h.get(path, wrong);
      const limited = await h.get(path, wrong);
      expect(limited.status).toBe(429);
      expect(limited.body.error.type).toBe("rate_limit");
      expect(limited.body.error.message).toContain("at most 2 per 60 s");
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(limited.body.error.details.retry_after_seconds).toBe(Number(limited.headers.get("retry-after")));
      expect(limited.headers.get("ratelimit")).toContain("r=0");
      // A valid key from the same address is not locked out, and probes stay reachable.
      expect((await h.get(path)).status).toBe(200);
      expect((await h.get("/health", {})).status).toBe(200);
    } finally {
      await h.close();
    }
  });

  it("limit each API key separately", async () => {
    const h = await startHarness({ config: { perKeyLimit: 1, windowMs: 60_000 } });
    try {
      const path = `/api/listings/${h.sandbox.fixtures.listingIds[0]}`;
      expect((await h.get(path, { "X-API-Key": API_KEY })).status).toBe(200);
      const limited = await h.get(path, { Authorization: `Bearer ${API_KEY}` });
      expect(limited.status).toBe(429);
      expect(limited.body.error.message).toContain("for this API key");
      expect(limited.headers.get("ratelimit")).toContain('"per-key";r=0');
      expect((await h.get(path, { "X-API-Key": OTHER_KEY })).status).toBe(200);
    } finally {
      await h.close();
    }
  });
});

describe("a bug in a route", () => {
  it("is a 500 with the request id, never the exception text", async () => {
    const { createApp, serve } = await import("../src/index.js");
    const exploding = {
      listings: {
        get: async () => {
          throw new TypeError("Cannot read properties of undefined (reading 'sandbox-secret-key')");
        },
      },
    } as unknown as Parameters<typeof createApp>[0]["client"];
    const server = await serve(createApp({ client: exploding }), { port: 0, host: "127.0.0.1" });
    try {
      const response = await fetch(`${server.url}/api/listings/1`, { headers: { "X-Request-Id": "bug-1" } });
      expect(response.status).toBe(500);
      const body = (await response.json()) as { error: { type: string; message: string; details: unknown } };
      expect(body.error).toEqual({
        type: "internal_error",
        message: "Internal error; the request id in X-Request-Id helps trace it.",
        details: { request_id: "bug-1" },
      });
      expect(JSON.stringify(body)).not.toContain("secret");
    } finally {
      await server.close();
    }
  });
});
