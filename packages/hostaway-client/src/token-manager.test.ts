import nock from "nock";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  ACCOUNT_ID,
  envelope,
  idOf,
  listing,
  mockToken,
  ORIGIN,
  reservation,
  SECRET,
  TOKEN,
  testClient,
} from "../test/helpers.js";
import { HostawayAuthError } from "./errors.js";
import { createMemoryTokenStore } from "./token-store.js";

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe("access tokens", () => {
  it("uses the client-credentials grant, form-encoded, and caches the token across calls", async () => {
    const tokenScope = nock(ORIGIN)
      .post("/v1/accessTokens", (body) => {
        expect(body).toEqual({
          grant_type: "client_credentials",
          client_id: ACCOUNT_ID,
          client_secret: SECRET,
          scope: "general",
        });
        return true;
      })
      .matchHeader("content-type", "application/x-www-form-urlencoded")
      .reply(200, { token_type: "Bearer", expires_in: 3600, access_token: TOKEN });
    const api = nock(ORIGIN)
      .matchHeader("authorization", `Bearer ${TOKEN}`)
      .get("/v1/listings/1")
      .times(3)
      .reply(200, envelope(listing(1)));
    const { client } = testClient();

    for (let i = 0; i < 3; i += 1) expect((await client.listings.get(1)).id).toBe(1);

    expect(tokenScope.isDone()).toBe(true);
    expect(api.isDone()).toBe(true);
    expect(client.stats()).toMatchObject({ tokenRequests: 1, requests: 4 });
  });

  it("waits the activation delay after a new token before using it (REFERENCE.md §2)", async () => {
    mockToken();
    nock(ORIGIN)
      .get("/v1/listings/1")
      .reply(200, envelope(listing(1)));
    const { client, clock } = testClient({ tokenActivationDelayMs: 1000 });

    await client.listings.get(1);

    expect(clock.sleeps).toEqual([1000]);
  });

  it("20 concurrent calls with no token cause exactly one token request", async () => {
    const tokenScope = mockToken();
    nock(ORIGIN)
      .get(/\/v1\/reservations\/\d+$/)
      .times(20)
      .reply(200, (request: Request) => envelope(reservation(idOf(request))));
    const { client } = testClient();

    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => client.reservations.get(i + 1)));

    expect(results.map((r) => r.id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(tokenScope.isDone()).toBe(true);
    expect(client.stats().tokenRequests).toBe(1);
  });

  it("20 concurrent calls on an expired token cause exactly one token request", async () => {
    const tokenStore = createMemoryTokenStore();
    const { client, clock } = testClient({ tokenStore });
    await tokenStore.set({
      accessToken: "old-token",
      usableAt: clock.now() - 7_200_000,
      expiresAt: clock.now() - 1,
    });
    mockToken("fresh-token");
    nock(ORIGIN)
      .matchHeader("authorization", "Bearer fresh-token")
      .get(/\/v1\/reservations\/\d+$/)
      .times(20)
      .reply(200, (request: Request) => envelope(reservation(idOf(request))));

    await Promise.all(Array.from({ length: 20 }, (_, i) => client.reservations.get(i + 1)));

    expect(client.stats().tokenRequests).toBe(1);
    expect((await tokenStore.get())?.accessToken).toBe("fresh-token");
  });

  it("20 concurrent calls rejected with 403 re-authenticate once between them", async () => {
    const tokenStore = createMemoryTokenStore();
    const { client, clock } = testClient({ tokenStore });
    await tokenStore.set({
      accessToken: "revoked",
      usableAt: clock.now(),
      expiresAt: clock.now() + 3_600_000,
    });
    nock(ORIGIN)
      .matchHeader("authorization", "Bearer revoked")
      .get(/\/v1\/listings\/\d+$/)
      .times(20)
      .reply(403);
    mockToken("fresh-token");
    nock(ORIGIN)
      .matchHeader("authorization", "Bearer fresh-token")
      .get(/\/v1\/listings\/\d+$/)
      .times(20)
      .reply(200, (request: Request) => envelope(listing(idOf(request))));

    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => client.listings.get(i + 1)));

    expect(results).toHaveLength(20);
    expect(client.stats()).toMatchObject({ tokenRequests: 1, requests: 41, retries: 0 });
  });

  it("refreshes a little before expires_in runs out", async () => {
    mockToken("first", 3600);
    nock(ORIGIN)
      .get("/v1/listings/1")
      .times(3)
      .reply(200, envelope(listing(1)));
    const { client, clock } = testClient();

    await client.listings.get(1);
    clock.advance(3000 * 1000); // 50 minutes: still well inside the hour
    await client.listings.get(1);
    expect(client.stats().tokenRequests).toBe(1);

    mockToken("second", 3600);
    clock.advance(9 * 60 * 1000); // 59 minutes: inside the refresh margin (10 % of the lifetime)
    await client.listings.get(1);
    expect(client.stats().tokenRequests).toBe(2);
  });

  it("on 403 re-authenticates once and retries, for a POST too (a 403 means nothing was done)", async () => {
    mockToken("stale");
    nock(ORIGIN)
      .matchHeader("authorization", "Bearer stale")
      .post("/v1/finance/report/consolidated")
      .reply(403);
    mockToken("fresh");
    nock(ORIGIN)
      .matchHeader("authorization", "Bearer fresh")
      .post("/v1/finance/report/consolidated")
      .reply(200, { status: "success", result: { columns: [], rows: [], totals: [], currency: "EUR" } });
    const { client } = testClient();

    const report = await client.finance.consolidated({ fromDate: "2026-01-01", toDate: "2026-01-31" });

    expect(report.currency).toBe("EUR");
    expect(client.stats().tokenRequests).toBe(2);
  });

  it("a 403 after re-authenticating is an auth error (no loop)", async () => {
    mockToken("one");
    mockToken("two");
    const api = nock(ORIGIN).get("/v1/listings/1").times(2).reply(403);
    const { client } = testClient();

    const error = await client.listings.get(1).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(HostawayAuthError);
    expect(error).toMatchObject({
      errorType: "unauthorized",
      status: 403,
      method: "GET",
      path: "/listings/1",
    });
    expect((error as Error).message).toBe(
      "GET /listings/1: access token rejected again after re-authenticating (HTTP 403)",
    );
    expect(api.isDone()).toBe(true);
    expect(client.stats().tokenRequests).toBe(2);
  });

  it("rejected credentials surface as an auth error that names the endpoint, not the secret", async () => {
    nock(ORIGIN)
      .post("/v1/accessTokens")
      .reply(401, { status: "fail", result: `Invalid client_secret ${SECRET}` });
    const { client } = testClient();

    const error = (await client.listings.get(1).catch((e: unknown) => e)) as HostawayAuthError;

    expect(error).toBeInstanceOf(HostawayAuthError);
    expect(error.message).toMatch(/^POST \/accessTokens: credentials rejected/);
    expect(error.message).not.toContain(SECRET);
    expect(client.stats().tokenRequests).toBe(1);
  });

  it("a token request that fails transiently is retried (it is idempotent)", async () => {
    nock(ORIGIN).post("/v1/accessTokens").reply(503, "Service Unavailable");
    mockToken();
    nock(ORIGIN)
      .get("/v1/listings/1")
      .reply(200, envelope(listing(1)));
    const { client } = testClient();

    await client.listings.get(1);

    expect(client.stats()).toMatchObject({ tokenRequests: 2, retries: 1 });
  });

  it("uses a token already in a shared store without asking for one", async () => {
    const { clock } = testClient();
    const tokenStore = createMemoryTokenStore({
      accessToken: "shared",
      usableAt: clock.now(),
      expiresAt: clock.now() + 86_400_000,
    });
    const { client } = testClient({ tokenStore, clock });
    nock(ORIGIN)
      .matchHeader("authorization", "Bearer shared")
      .get("/v1/listings/1")
      .reply(200, envelope(listing(1)));

    await client.listings.get(1);

    expect(client.stats().tokenRequests).toBe(0);
  });
});
