import nock from "nock";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { envelope, listing, testClient } from "../test/helpers.js";
import { type LocalServer, startLocalServer, withTokenEndpoint } from "../test/local-server.js";
import { HostawayAbortError, HostawayTimeoutError } from "./errors.js";

let server: LocalServer | undefined;

beforeAll(() => nock.enableNetConnect("127.0.0.1"));
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const REPORT = envelope({ columns: [], rows: [], totals: [], currency: "EUR" });
const financeQuery = { fromDate: "2026-01-01", toDate: "2026-01-31" };

describe("against a real socket", () => {
  it("reuses one keep-alive connection across calls", async () => {
    server = await startLocalServer(
      withTokenEndpoint((_request, response) => {
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify(envelope(listing(1))));
      }),
    );
    const { client } = testClient({ baseUrl: server.baseUrl });

    for (let i = 0; i < 4; i += 1) await client.listings.get(1);

    expect(client.stats().requests).toBe(5);
    expect(server.connections()).toBe(1);
    client.close();
  });

  it("a connection reset is retried on a GET and on a finance report (a POST that only reads)", async () => {
    const reset = new Set<string | undefined>();
    server = await startLocalServer(
      withTokenEndpoint((request, response) => {
        // The first request of each method has its connection reset.
        if (!reset.has(request.method)) {
          reset.add(request.method);
          request.socket.resetAndDestroy();
          return;
        }
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify(request.method === "GET" ? envelope(listing(1)) : REPORT));
      }),
    );
    const { client } = testClient({ baseUrl: server.baseUrl });

    await expect(client.listings.get(1)).resolves.toMatchObject({ id: 1 });
    expect(client.stats().retries).toBe(1);

    await expect(client.finance.consolidated(financeQuery)).resolves.toMatchObject({ currency: "EUR" });
    expect(client.stats().retries).toBe(2);
    client.close();
  });

  it("a request that never gets an answer times out as a timeout", async () => {
    server = await startLocalServer(withTokenEndpoint(() => {}));
    const { client } = testClient({
      baseUrl: server.baseUrl,
      timeoutMs: 150,
      retry: { maxAttempts: 2, random: () => 0 },
    });

    const error = await client.listings.get(1).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(HostawayTimeoutError);
    expect(error).toMatchObject({ sent: true, message: "GET /listings/1: no response within 150 ms" });
    expect(client.stats()).toMatchObject({ requests: 3, retries: 1 });
    client.close();
  });

  it("aborting a POST in flight reports sent: true (it may have happened) and closes the socket", async () => {
    let closed = false;
    server = await startLocalServer(
      withTokenEndpoint((request) => {
        request.socket.on("close", () => {
          closed = true;
        });
      }),
    );
    const { client } = testClient({ baseUrl: server.baseUrl });
    const controller = new AbortController();
    const pending = client.finance.consolidated(financeQuery, { signal: controller.signal });
    const outcome = pending.catch((e: unknown) => e);
    await vi.waitFor(() => expect(client.stats().requests).toBe(2));

    controller.abort();

    const error = await outcome;
    expect(error).toBeInstanceOf(HostawayAbortError);
    expect(error).toMatchObject({ sent: true });
    expect((error as Error).message).toBe(
      "POST /finance/report/consolidated: aborted by the caller after the request was sent",
    );
    await vi.waitFor(() => expect(closed).toBe(true));
    client.close();
  });
});
