import { type Sandbox, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import nock from "nock";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createHostawayClient } from "../src/index.js";

// Windows scaled down from Hostaway's 15 per 10 s so the queue spans the token's life in a few seconds.
const LIMITS = { ip: 3, account: 3, windowMs: 250 };

let sandbox: Sandbox;

beforeAll(async () => {
  nock.enableNetConnect("127.0.0.1");
  // Tokens live 2 s: the 30 requests below queue for ~2.5 s, so the token expires while most of them wait.
  sandbox = await startSandbox({ rateLimits: LIMITS, tokenTtlSeconds: 2 });
});

afterAll(async () => {
  await sandbox?.close();
});

it("takes the token when a request's slot is granted: an expiry while queued costs one refresh and no 403", async () => {
  const client = createHostawayClient({
    ...sandbox.credentials,
    baseUrl: sandbox.url,
    rateLimit: LIMITS,
    tokenActivationDelayMs: 0,
  });
  try {
    await client.authenticate();
    sandbox.resetStats();
    const ids = sandbox.fixtures.listingIds.slice(0, 30);

    const listings = await Promise.all(ids.map((id) => client.listings.get(id)));

    expect(listings.map((listing) => listing.id)).toEqual(ids);
    const stats = sandbox.stats();
    // Every request went out once with a token that was still valid: 30 reads and the one refresh.
    expect(stats.tokenRequests).toBe(1);
    expect(stats.total).toBe(31);
    expect(stats.rateLimited).toBe(0);
    expect(client.stats().retries).toBe(0);
  } finally {
    client.close();
  }
});
