import nock from "nock";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { envelope, listing, ORIGIN, SECRET, testClient } from "../test/helpers.js";
import { createHostawayClient, DEFAULT_BASE_URL } from "./create-client.js";

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe("createHostawayClient", () => {
  it("explains every invalid option by name", () => {
    const valid = { accountId: "10450", secretKey: SECRET };

    expect(() => createHostawayClient(undefined as never)).toThrow("options must be an object");
    expect(() => createHostawayClient({ ...valid, accountId: "acme" })).toThrow(
      "createHostawayClient: accountId must be the numeric Hostaway account id",
    );
    expect(() => createHostawayClient({ ...valid, secretKey: " " })).toThrow(
      "secretKey must be a non-empty string",
    );
    expect(() => createHostawayClient({ ...valid, baseUrl: "api.hostaway.com" })).toThrow(
      "baseUrl must be an absolute http(s) URL",
    );
    expect(() => createHostawayClient({ ...valid, timeoutMs: 0 })).toThrow(
      "createHostawayClient: timeoutMs must be a number of milliseconds > 0, got 0",
    );
    expect(() => createHostawayClient({ ...valid, tokenActivationDelayMs: -1 })).toThrow(
      "tokenActivationDelayMs must be a number of milliseconds ≥ 0",
    );
    expect(() => createHostawayClient({ ...valid, retry: { maxAttempts: 0 } })).toThrow("retry.maxAttempts");
    expect(() => createHostawayClient({ ...valid, rateLimit: { ip: -1 } })).toThrow("rateLimit.ip");
  });

  it("defaults to Hostaway's v1 base URL", () => {
    expect(DEFAULT_BASE_URL).toBe("https://api.hostaway.com/v1");
    expect(() => createHostawayClient({ accountId: 10450, secretKey: SECRET }).close()).not.toThrow();
  });

  it("accepts a trailing slash on the base URL and hands out stats as a copy", async () => {
    nock(ORIGIN).post("/v1/accessTokens").reply(200, { access_token: "t" }); // no expires_in: a fallback lifetime
    nock(ORIGIN)
      .get("/v1/listings/1")
      .reply(200, envelope(listing(1)));
    const { client } = testClient({ baseUrl: `${ORIGIN}/v1/` });

    await client.listings.get(1);
    const stats = client.stats();
    (stats as { requests: number }).requests = 99;

    expect(client.stats().requests).toBe(2);
  });
});
