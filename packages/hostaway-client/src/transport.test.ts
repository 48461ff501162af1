import nock from "nock";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  envelope,
  fixture,
  listing,
  mockToken,
  ORIGIN,
  reservation,
  SECRET,
  TOKEN,
  testClient,
} from "../test/helpers.js";
import {
  HostawayAbortError,
  HostawayError,
  HostawayNotFoundError,
  HostawayRateLimitError,
  HostawayResponseValidationError,
  HostawayTimeoutError,
  HostawayUpstreamError,
  HostawayValidationError,
} from "./errors.js";

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const REPORT = { status: "success", result: { columns: [], rows: [], totals: [], currency: "EUR" } };
const financeQuery = { fromDate: "2026-01-01", toDate: "2026-01-31" };

/** nock 15 emits only Error instances (a plain `{ code }` object leaves the request hanging). */
function connectionReset(): Error {
  return Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
}

async function failure(promise: Promise<unknown>): Promise<HostawayError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!HostawayError.isInstance(error)) throw new Error(`expected a HostawayError, got ${String(error)}`);
  return error;
}

describe("Hostaway quirks", () => {
  it('`status: "fail"` with HTTP 200 is an upstream error carrying the `result` text', async () => {
    mockToken();
    nock(ORIGIN).get("/v1/listings/1").times(2).reply(200, { status: "fail", result: "Listing is archived" });
    const { client } = testClient();

    const error = await failure(client.listings.get(1));
    expect(client.stats().retries).toBe(1); // retried once, then reported

    expect(error).toBeInstanceOf(HostawayUpstreamError);
    expect(error).toMatchObject({ errorType: "upstream_error", status: 200, code: "HOSTAWAY_FAIL_STATUS" });
    expect(error.message).toBe('GET /listings/1: status "fail" with HTTP 200: Listing is archived');
  });

  it('a `fail` that says "not found" is a not-found error, whatever the HTTP status', async () => {
    mockToken();
    nock(ORIGIN).get("/v1/reservations/4711").reply(200, { status: "fail", result: "Reservation not found" });
    const { client } = testClient();

    const error = await failure(client.reservations.get(4711));

    expect(error).toBeInstanceOf(HostawayNotFoundError);
    expect(error.message).toBe("GET /reservations/4711: not found: Reservation not found");
  });

  it("HTTP 404 is a not-found error naming method and path", async () => {
    mockToken();
    nock(ORIGIN)
      .get("/v1/reservations/4711")
      .reply(404, { status: "fail", result: "Reservation 4711 not found" });
    const { client } = testClient();

    const error = await failure(client.reservations.get(4711));

    expect(error).toBeInstanceOf(HostawayNotFoundError);
    expect(error).toMatchObject({
      code: "HOSTAWAY_NOT_FOUND",
      errorType: "not_found",
      method: "GET",
      path: "/reservations/4711",
    });
    expect(error.message).toMatch(/^GET \/reservations\/4711: not found/);
  });

  it("another 4xx is a validation error and is not retried", async () => {
    mockToken();
    const api = nock(ORIGIN)
      .get("/v1/listings")
      .query({ limit: "5" })
      .reply(422, { status: "fail", result: "limit is invalid" });
    const { client } = testClient();

    const error = await failure(client.listings.list({ limit: 5 }));

    expect(error).toBeInstanceOf(HostawayValidationError);
    expect(error).toMatchObject({ status: 422 });
    expect(api.isDone()).toBe(true);
    expect(client.stats().retries).toBe(0);
  });

  it("ids and pagination fields that arrive as strings, or not at all, are normalised", async () => {
    mockToken();
    nock(ORIGIN)
      .get("/v1/reservations")
      .reply(200, { status: "success", result: [reservation("4711"), reservation(4712)], count: "2" });
    const { client } = testClient();

    const page = await client.reservations.list();

    expect(page.items.map((r) => r.id)).toEqual([4711, 4712]);
    expect(page).toMatchObject({ count: 2, limit: null, offset: null });
  });

  it("a body that is not JSON is an upstream error", async () => {
    mockToken();
    nock(ORIGIN).get("/v1/listings/1").times(2).reply(200, '{"status":"success","result":{"id":1', {
      "content-type": "application/json",
    });
    const { client } = testClient();

    const error = await failure(client.listings.get(1));
    expect(client.stats().retries).toBe(1);

    expect(error).toBeInstanceOf(HostawayUpstreamError);
    expect(error).toMatchObject({
      code: "HOSTAWAY_MALFORMED_RESPONSE",
      status: 200,
      errorType: "upstream_error",
    });
  });

  it("a garbled body or an HTTP-200 fail is retried once, and the second answer is used", async () => {
    mockToken();
    nock(ORIGIN)
      .get("/v1/listings/1")
      .reply(200, "{not json")
      .get("/v1/listings/1")
      .reply(200, envelope(listing(1)))
      .get("/v1/listings/2")
      .reply(200, { status: "fail", result: "try again" })
      .get("/v1/listings/2")
      .reply(200, envelope(listing(2)));
    const { client } = testClient();

    await expect(client.listings.get(1)).resolves.toMatchObject({ id: 1 });
    await expect(client.listings.get(2)).resolves.toMatchObject({ id: 2 });
    expect(client.stats().retries).toBe(2);
  });

  it("a body that does not match the schema is a response-validation error with the zod issues, not the data", async () => {
    mockToken();
    nock(ORIGIN)
      .get("/v1/reservations/1")
      .reply(200, envelope({ guestEmail: "anna.schmidt@example.com", phone: "+49 170 1234567" }));
    const { client } = testClient();

    const error = await failure(client.reservations.get(1));

    expect(error).toBeInstanceOf(HostawayResponseValidationError);
    const issues = (error as HostawayResponseValidationError).issues;
    expect(issues.map((issue) => issue.path.join("."))).toContain("result.id");
    expect(JSON.stringify(issues)).not.toContain("anna.schmidt");
    expect(error.message).toMatch(
      /^GET \/reservations\/1: response does not match the expected shape: result\.id/,
    );
    expect(error.message).not.toContain("anna.schmidt");
  });
});

describe("retries", () => {
  it("backs off and retries a 429, reading the `message` body and honouring Retry-After", async () => {
    mockToken();
    nock(ORIGIN)
      .get("/v1/listings/1")
      .reply(429, fixture("error.rateLimit.429.json"), { "retry-after": "3" })
      .get("/v1/listings/1")
      .reply(200, envelope(listing(1)));
    const { client, clock } = testClient();

    const result = await client.listings.get(1);

    expect(result.id).toBe(1);
    expect(clock.sleeps).toEqual([3000]);
    expect(client.stats()).toMatchObject({ retries: 1, requests: 3 });
  });

  it("a 429 without Retry-After is backed off with jitter, then surfaces with the body's message", async () => {
    mockToken();
    nock(ORIGIN).get("/v1/listings/1").times(4).reply(429, fixture("error.rateLimit.429.json"));
    const { client, clock } = testClient({ retry: { random: () => 0.5, baseDelayMs: 1000 } });

    const error = await failure(client.listings.get(1));

    expect(error).toBeInstanceOf(HostawayRateLimitError);
    expect(error).toMatchObject({ errorType: "rate_limit", isRetryable: true, retryAfterMs: undefined });
    expect(error.message).toMatch(
      /^GET \/listings\/1: rate limit exceeded \(HTTP 429\): This error occurs because/,
    );
    // Equal jitter: half the ceiling plus half of it times 0.5, for ceilings 1 s, 2 s, 4 s.
    expect(clock.sleeps).toEqual([750, 1500, 3000]);
    expect(client.stats().requests).toBe(5);
  });

  it("gives up at once when Retry-After is beyond the cap, reporting retryAfterMs", async () => {
    mockToken();
    nock(ORIGIN)
      .get("/v1/listings/1")
      .reply(429, fixture("error.rateLimit.429.json"), { "retry-after": "120" });
    const { client } = testClient({ retry: { maxRetryAfterMs: 60_000 } });

    const error = await failure(client.listings.get(1));

    expect(error).toMatchObject({ retryAfterMs: 120_000 });
    expect(client.stats().retries).toBe(0);
  });

  it("retries a 5xx GET and succeeds", async () => {
    mockToken();
    nock(ORIGIN)
      .get("/v1/listings/1")
      .reply(503, "<html>Service Unavailable</html>")
      .get("/v1/listings/1")
      .reply(200, envelope(listing(1)));
    const { client, clock } = testClient();

    await expect(client.listings.get(1)).resolves.toMatchObject({ id: 1 });
    expect(clock.sleeps).toEqual([500]); // full jitter: 0.5 × 1000 ms
  });

  it("stops after maxAttempts and reports the last upstream status", async () => {
    mockToken();
    nock(ORIGIN).get("/v1/listings/1").times(3).reply(500, { status: "fail", result: "Internal error" });
    const { client } = testClient({ retry: { maxAttempts: 3, random: () => 0 } });

    const error = await failure(client.listings.get(1));

    expect(error).toBeInstanceOf(HostawayUpstreamError);
    expect(error).toMatchObject({ status: 500, isRetryable: true });
    expect(error.message).toBe("GET /listings/1: HTTP 500: Internal error");
    expect(client.stats()).toMatchObject({ retries: 2, requests: 4 });
  });

  it("retries a finance report, a POST that only reads, like a GET on 5xx", async () => {
    mockToken();
    nock(ORIGIN)
      .post("/v1/finance/report/consolidated")
      .reply(503)
      .post("/v1/finance/report/consolidated")
      .reply(200, REPORT);
    const { client } = testClient();

    await expect(client.finance.consolidated(financeQuery)).resolves.toMatchObject({ currency: "EUR" });
    expect(client.stats().retries).toBe(1);
  });

  it("retries a GET after ECONNRESET", async () => {
    mockToken();
    nock(ORIGIN)
      .get("/v1/listings/1")
      .replyWithError(connectionReset())
      .get("/v1/listings/1")
      .reply(200, envelope(listing(1)));
    const { client } = testClient();

    await expect(client.listings.get(1)).resolves.toMatchObject({ id: 1 });
    expect(client.stats().retries).toBe(1);
  });

  it("retries a finance report after ECONNRESET, as it would a GET", async () => {
    mockToken();
    nock(ORIGIN)
      .post("/v1/finance/report/listingFinancials")
      .replyWithError(connectionReset())
      .post("/v1/finance/report/listingFinancials")
      .reply(200, REPORT);
    const { client } = testClient();

    await expect(client.finance.listingFinancials(financeQuery)).resolves.toMatchObject({ currency: "EUR" });
    expect(client.stats().retries).toBe(1);
  });

  it("stops retrying when the next backoff would pass the deadline", async () => {
    mockToken();
    nock(ORIGIN).get("/v1/listings/1").times(4).reply(503);
    const { client, clock } = testClient({ deadlineMs: 2500, retry: { random: () => 0.99 } });

    const error = await failure(client.listings.get(1));

    expect(error).toBeInstanceOf(HostawayUpstreamError);
    expect(clock.sleeps).toHaveLength(1); // 990 ms fits; the next ~1980 ms would not
  });
});

describe("timeouts and cancellation", () => {
  it("a hung request times out and is reported as a timeout", async () => {
    mockToken();
    nock(ORIGIN)
      .get("/v1/listings/1")
      .delay(2000)
      .reply(200, envelope(listing(1)));
    const { client } = testClient({ timeoutMs: 100, retry: { maxAttempts: 1 } });

    const error = await failure(client.listings.get(1));

    expect(error).toBeInstanceOf(HostawayTimeoutError);
    expect(error).toMatchObject({ errorType: "timeout", sent: true, isRetryable: true });
    expect(error.message).toBe("GET /listings/1: no response within 100 ms");
  });

  it("a timed-out GET is retried", async () => {
    mockToken();
    nock(ORIGIN)
      .get("/v1/listings/1")
      .delay(2000)
      .reply(200, envelope(listing(1)))
      .get("/v1/listings/1")
      .reply(200, envelope(listing(2)));
    const { client } = testClient();

    await expect(client.listings.get(1, { timeoutMs: 100 })).resolves.toMatchObject({ id: 2 });
  });

  it("the deadline bounds the whole call, retries included", async () => {
    mockToken();
    nock(ORIGIN)
      .get("/v1/listings/1")
      .times(4)
      .delay(1000)
      .reply(200, envelope(listing(1)));
    const { client } = testClient({ timeoutMs: 5000, deadlineMs: 150 });

    const error = await failure(client.listings.get(1));

    expect(error).toBeInstanceOf(HostawayTimeoutError);
    expect(error.message).toMatch(
      /^GET \/listings\/1: no (answer within the 150 ms deadline|response within \d+ ms)$/,
    );
  });

  it("a signal aborted before the call sends nothing", async () => {
    const token = mockToken();
    const { client } = testClient();

    const error = await failure(client.listings.get(1, { signal: AbortSignal.abort() }));

    expect(error).toBeInstanceOf(HostawayAbortError);
    expect(error).toMatchObject({ sent: false, code: "HOSTAWAY_ABORTED", errorType: "internal_error" });
    expect(token.isDone()).toBe(false);
    expect(client.stats().requests).toBe(0);
  });

  it("aborting while the request is on the wire rejects at once with sent: true", async () => {
    mockToken();
    nock(ORIGIN)
      .get("/v1/listings/1")
      .delay(5000)
      .reply(200, envelope(listing(1)));
    const { client } = testClient();
    const controller = new AbortController();
    const pending = client.listings.get(1, { signal: controller.signal });
    await vi.waitFor(() => expect(client.stats().requests).toBe(2));

    controller.abort();
    const error = await failure(pending);

    expect(error).toBeInstanceOf(HostawayAbortError);
    expect(error).toMatchObject({ sent: true });
    expect(error.message).toBe("GET /listings/1: aborted by the caller after the request was sent");
  });

  it("an AbortSignal.timeout() from the caller is classified as a timeout", async () => {
    mockToken();
    nock(ORIGIN)
      .get("/v1/listings/1")
      .delay(5000)
      .reply(200, envelope(listing(1)));
    const { client } = testClient();

    const error = await failure(client.listings.get(1, { signal: AbortSignal.timeout(50) }));

    expect(error).toBeInstanceOf(HostawayAbortError);
    expect(error.errorType).toBe("timeout");
  });
});

describe("coalescing identical GETs", () => {
  it("identical concurrent GETs share one upstream request", async () => {
    mockToken();
    const api = nock(ORIGIN)
      .get("/v1/listings")
      .query({ city: "Berlin", limit: "5" })
      .delay(50)
      .reply(200, envelope([listing(1)]));
    const { client } = testClient();

    const pages = await Promise.all([
      client.listings.list({ city: "Berlin", limit: 5 }),
      client.listings.list({ limit: 5, city: "Berlin" }), // same query, other key order
      client.listings.list({ city: "Berlin", limit: 5 }),
    ]);

    expect(pages.map((page) => page.items[0]?.id)).toEqual([1, 1, 1]);
    expect(api.isDone()).toBe(true);
    expect(client.stats()).toMatchObject({ coalesced: 2, requests: 2 });
  });

  it("different queries are not coalesced", async () => {
    mockToken();
    nock(ORIGIN).get("/v1/listings").query(true).times(2).reply(200, envelope([]));
    const { client } = testClient();

    await Promise.all([client.listings.list({ city: "Berlin" }), client.listings.list({ city: "Paris" })]);

    expect(client.stats()).toMatchObject({ coalesced: 0, requests: 3 });
  });

  it("a waiter that aborts only detaches itself", async () => {
    mockToken();
    nock(ORIGIN)
      .get("/v1/listings/1")
      .delay(100)
      .reply(200, envelope(listing(1)));
    const { client } = testClient();
    const controller = new AbortController();

    const leaving = client.listings.get(1, { signal: controller.signal });
    const staying = client.listings.get(1);
    controller.abort();

    await expect(leaving).rejects.toBeInstanceOf(HostawayAbortError);
    await expect(staying).resolves.toMatchObject({ id: 1 });
    expect(client.stats().coalesced).toBe(1);
  });

  it("the shared request is aborted once every waiter has aborted", async () => {
    mockToken();
    nock(ORIGIN)
      .get("/v1/listings/1")
      .delay(5000)
      .reply(200, envelope(listing(1)));
    nock(ORIGIN)
      .get("/v1/listings/1")
      .reply(200, envelope(listing(1)));
    const { client } = testClient();
    const a = new AbortController();
    const b = new AbortController();

    const first = client.listings.get(1, { signal: a.signal });
    const second = client.listings.get(1, { signal: b.signal });
    await vi.waitFor(() => expect(client.stats().requests).toBe(2));
    a.abort();
    b.abort();

    await expect(first).rejects.toBeInstanceOf(HostawayAbortError);
    await expect(second).rejects.toBeInstanceOf(HostawayAbortError);
    // A new caller starts afresh rather than joining the abandoned request.
    await expect(client.listings.get(1)).resolves.toMatchObject({ id: 1 });
    expect(client.stats().requests).toBe(3);
  });

  it("POSTs are never coalesced", async () => {
    mockToken();
    nock(ORIGIN).post("/v1/finance/report/consolidated").times(2).reply(200, REPORT);
    const { client } = testClient();

    await Promise.all([client.finance.consolidated(financeQuery), client.finance.consolidated(financeQuery)]);

    expect(client.stats()).toMatchObject({ coalesced: 0, requests: 3 });
  });
});

describe("secrets and guest data stay out of errors and logs", () => {
  it("redacts the secret, the token, emails and phone numbers from upstream text", async () => {
    mockToken();
    nock(ORIGIN)
      .get("/v1/reservations")
      .query(true)
      .reply(400, {
        status: "fail",
        result: `Bad request for anna.schmidt@example.com (+49 170 1234567) with ${TOKEN} and ${SECRET}`,
      });
    const { client } = testClient();

    const error = await failure(
      client.reservations.list({ match: "Anna Schmidt", guestEmail: "anna.schmidt@example.com" }),
    );

    expect(error.message).toMatch(
      /^GET \/reservations: request failed \(HTTP 400\): Bad request for \[redacted\]/,
    );
    for (const secret of [SECRET, TOKEN, "anna.schmidt", "1234567", "Anna Schmidt", "guestEmail"]) {
      expect(error.message).not.toContain(secret);
    }
    expect(error.path).toBe("/reservations");
  });

  it("logs method, path, status, attempt and duration, never the token, the secret or query values", async () => {
    mockToken();
    nock(ORIGIN)
      .get("/v1/reservations")
      .query(true)
      .reply(503)
      .get("/v1/reservations")
      .query(true)
      .reply(200, envelope([]));
    const lines: Array<{ fields: Record<string, unknown>; message: string }> = [];
    const logger = {
      debug: (fields: Record<string, unknown>, message: string) => lines.push({ fields, message }),
    };
    const { client } = testClient({ logger });

    await client.reservations.list({ match: "Anna Schmidt", guestEmail: "anna.schmidt@example.com" });

    expect(lines.map((line) => line.message)).toEqual([
      "hostaway request",
      "hostaway request",
      "hostaway retry scheduled",
      "hostaway request",
    ]);
    expect(lines[1]?.fields).toMatchObject({ method: "GET", path: "/reservations", status: 503, attempt: 1 });
    expect(lines[1]?.fields.durationMs).toEqual(expect.any(Number));
    const logged = JSON.stringify(lines);
    for (const secret of [SECRET, TOKEN, "Anna", "anna.schmidt"]) expect(logged).not.toContain(secret);
  });
});
