import nock from "nock";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { envelope, listing, mockToken, ORIGIN, SECRET, testClient, virtualClock } from "../test/helpers.js";
import { type LocalServer, startLocalServer } from "../test/local-server.js";
import type { Clock } from "./clock.js";
import { HostawayAbortError, HostawayAuthError, HostawayNetworkError } from "./errors.js";

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
});
let server: LocalServer | undefined;
afterEach(async () => {
  nock.cleanAll();
  await server?.close();
  server = undefined;
});

/** A clock whose sleeps end only when their signal aborts: the activation wait is still running. */
function stalledClock(): Clock & { sleeping(): number } {
  const base = virtualClock();
  let sleeping = 0;
  return {
    now: base.now,
    sleeping: () => sleeping,
    sleep: (_ms, signal) =>
      new Promise<void>((_resolve, reject) => {
        sleeping += 1;
        signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
      }),
  };
}

describe("client.authenticate()", () => {
  it("fetches a token, waits for its activation, and the next call sends no token request", async () => {
    const tokenScope = mockToken();
    nock(ORIGIN)
      .get("/v1/listings/1")
      .reply(200, envelope(listing(1)));
    const { client, clock } = testClient({ tokenActivationDelayMs: 1000 });

    await client.authenticate();

    expect(tokenScope.isDone()).toBe(true);
    expect(clock.sleeps).toEqual([1000]); // REFERENCE.md §2: usable 1 s after issue
    expect(client.stats()).toMatchObject({ tokenRequests: 1, requests: 1 });

    await client.listings.get(1);

    expect(client.stats()).toMatchObject({ tokenRequests: 1, requests: 2 });
    expect(clock.sleeps).toEqual([1000]); // the call did not wait again
  });

  it("reuses a cached, active token without a request or a wait", async () => {
    mockToken();
    const { client, clock } = testClient({ tokenActivationDelayMs: 1000 });
    await client.authenticate();

    await client.authenticate();
    await client.authenticate({ signal: new AbortController().signal });

    expect(client.stats().tokenRequests).toBe(1);
    expect(clock.sleeps).toEqual([1000]);
  });

  it("shares one token request with calls made at the same time", async () => {
    mockToken();
    nock(ORIGIN)
      .get(/\/v1\/listings\/\d$/)
      .times(3)
      .reply(200, envelope(listing(1)));
    const { client } = testClient();

    await Promise.all([
      client.authenticate(),
      client.listings.get(1),
      client.authenticate(),
      client.listings.get(2),
      client.listings.get(3),
    ]);

    expect(client.stats()).toMatchObject({ tokenRequests: 1, requests: 4 });
  });

  it("rejected credentials are an auth error that does not carry the secret", async () => {
    nock(ORIGIN)
      .post("/v1/accessTokens")
      .reply(401, { status: "fail", result: `Invalid client_secret ${SECRET}` });
    const { client } = testClient();

    const error = await client.authenticate().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(HostawayAuthError);
    expect(error).toMatchObject({ errorType: "unauthorized", method: "POST", path: "/accessTokens" });
    expect((error as Error).message).not.toContain(SECRET);
  });

  it("an unreachable Hostaway is a network error once the retries are spent", async () => {
    // nock 15 emits only Error instances (a plain `{ code }` object leaves the request hanging).
    const refused = () => Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    nock(ORIGIN).post("/v1/accessTokens").replyWithError(refused());
    nock(ORIGIN).post("/v1/accessTokens").replyWithError(refused());
    const { client } = testClient({ retry: { maxAttempts: 2, random: () => 0 } });

    const error = await client.authenticate().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(HostawayNetworkError);
    expect(error).toMatchObject({ networkCode: "ECONNREFUSED", errorType: "upstream_error" });
    expect(client.stats()).toMatchObject({ tokenRequests: 2, retries: 1 });
  });

  it("an already aborted signal sends nothing", async () => {
    const tokenScope = mockToken();
    const { client } = testClient();

    const error = await client.authenticate({ signal: AbortSignal.abort() }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(HostawayAbortError);
    expect(error).toMatchObject({ sent: false, path: "/accessTokens", errorType: "internal_error" });
    expect((error as Error).message).toContain("before anything was sent");
    expect(tokenScope.isDone()).toBe(false);
    expect(client.stats().tokenRequests).toBe(0);
  });

  it("aborting during the activation wait rejects with an abort error that says the token request left", async () => {
    mockToken();
    const clock = stalledClock();
    const { client } = testClient({ clock, tokenActivationDelayMs: 1000 });
    const controller = new AbortController();

    const pending = client.authenticate({ signal: controller.signal }).catch((e: unknown) => e);
    await waitFor(() => clock.sleeping() === 1);
    controller.abort(new DOMException("stop", "TimeoutError"));
    const error = await pending;

    expect(error).toBeInstanceOf(HostawayAbortError);
    expect(error).toMatchObject({ sent: true, errorType: "timeout", method: "POST", path: "/accessTokens" });
    expect((error as Error).message).toContain("the token request carries on");
  });

  it("a caller that stops waiting leaves the shared token request to the others", async () => {
    // A real server that holds the token response until told to answer (nock's delay resets form POSTs).
    const heldTokenResponses: Array<() => void> = [];
    server = await startLocalServer((request, response) => {
      request.resume();
      response.setHeader("content-type", "application/json");
      if (request.method === "POST" && request.url === "/v1/accessTokens") {
        heldTokenResponses.push(() =>
          response.end(JSON.stringify({ token_type: "Bearer", expires_in: 3600, access_token: "shared" })),
        );
        return;
      }
      response.end(JSON.stringify(envelope(listing(1))));
    });
    const { client } = testClient({ baseUrl: server.baseUrl });
    const controller = new AbortController();

    const abandoned = client.authenticate({ signal: controller.signal }).catch((e: unknown) => e);
    const other = client.listings.get(1);
    await waitFor(() => heldTokenResponses.length === 1);
    controller.abort();
    const error = await abandoned;
    heldTokenResponses[0]?.();

    expect(error).toBeInstanceOf(HostawayAbortError);
    expect(error).toMatchObject({ sent: true });
    await expect(other).resolves.toMatchObject({ id: 1 });
    expect(client.stats()).toMatchObject({ tokenRequests: 1, requests: 2 });
    client.close();
  });
});

/** Lets pending I/O and timers run until `condition` holds. */
async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 1));
}
