import { type Sandbox, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import nock from "nock";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createHostawayClient } from "../src/index.js";

let sandbox: Sandbox;

beforeAll(async () => {
  nock.enableNetConnect("127.0.0.1");
  // REFERENCE.md §2: a token is valid 1 s after it is issued; the sandbox answers 403 to one used sooner.
  sandbox = await startSandbox({ rateLimits: false, tokenNotBeforeMs: 1000 });
});
afterAll(() => sandbox.close());

it("after authenticate() the first call is accepted with the token already held (real clock, real activation)", async () => {
  const client = createHostawayClient({ ...sandbox.credentials, baseUrl: sandbox.url });
  try {
    await client.authenticate();
    expect(sandbox.stats()).toMatchObject({ total: 1, tokenRequests: 1 });

    const id = sandbox.fixtures.listingIds[0] as number;
    await expect(client.listings.get(id)).resolves.toMatchObject({ id });

    // One data request and no second token: the token was usable (a 403 would have re-authenticated).
    expect(sandbox.stats()).toMatchObject({ total: 2, tokenRequests: 1 });
    expect(client.stats()).toMatchObject({ requests: 2, tokenRequests: 1, retries: 0 });
  } finally {
    client.close();
  }
});
