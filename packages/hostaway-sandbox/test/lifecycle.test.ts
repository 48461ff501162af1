import { describe, expect, it, vi } from "vitest";
import { DEFAULT_ANCHOR_DATE, DEFAULT_CREDENTIALS, startSandbox } from "../src/index.js";
import { SandboxClient } from "./support/sandbox-client.js";

describe("startSandbox options", () => {
  it("uses the documented defaults", async () => {
    const sandbox = await startSandbox();
    try {
      expect(sandbox.credentials).toEqual(DEFAULT_CREDENTIALS);
      expect(DEFAULT_CREDENTIALS).toEqual({ accountId: "10450", secretKey: "sandbox-secret-key" });
      expect(sandbox.data.anchorDate).toBe(new Date(DEFAULT_ANCHOR_DATE).toISOString());
      expect(sandbox.data.accountId).toBe(10450);
      expect(sandbox.port).toBeGreaterThan(0);
    } finally {
      await sandbox.close();
    }
  });

  it("honours pageSizeCap and anchorDate", async () => {
    const sandbox = await startSandbox({
      pageSizeCap: 7,
      anchorDate: new Date("2030-01-15T08:00:00Z"),
      rateLimits: false,
    });
    try {
      const client = new SandboxClient(sandbox);
      await client.authenticate();
      const page = await client.get("/reservations?limit=50");
      expect(page.body.limit).toBe(7);
      expect(page.body.result).toHaveLength(7);
      expect(sandbox.data.anchorDate).toBe("2030-01-15T08:00:00.000Z");
      const calendar = await client.get(`/listings/${sandbox.fixtures.listingIds[0]}/calendar`);
      expect(calendar.body.result[0].date).toBe("2030-01-15");
    } finally {
      await sandbox.close();
    }
  });

  it.each([
    [{ latencyMs: -1 }, /latencyMs/],
    [{ pageSizeCap: 0 }, /pageSizeCap/],
    [{ tokenTtlSeconds: 1.5 }, /tokenTtlSeconds/],
    [{ tokenNotBeforeMs: Number.NaN }, /tokenNotBeforeMs/],
    [{ financeReporting: "off" as never }, /financeReporting/],
    [{ rateLimits: { ip: 15, account: 20, windowMs: 0 } }, /rateLimits.windowMs/],
    [{ anchorDate: "someday" }, /anchorDate/],
  ])("rejects %j with a message naming the option", async (options, message) => {
    await expect(startSandbox(options)).rejects.toThrow(message);
  });
});

describe("close()", () => {
  it("ends hanging requests and requests waiting for latency", async () => {
    const sandbox = await startSandbox({ rateLimits: false, latencyMs: 5_000 });
    sandbox.injectFault({ path: "/v1/listings", kind: "hang" });
    const hanging = fetch(`${sandbox.url}/listings`).then(
      (r) => r.status,
      () => "closed",
    );
    const waiting = fetch(`${sandbox.url}/reservations`).then(
      (r) => r.status,
      () => "closed",
    );
    // Close only once both requests have reached the server: one held by the fault, one waiting for latency.
    await vi.waitFor(() => expect(sandbox.stats()).toMatchObject({ total: 2, faultsInjected: 1 }), {
      timeout: 10_000,
      interval: 10,
    });
    await sandbox.close();
    expect(await hanging).toBe("closed");
    expect(await waiting).toBe("closed");
  });
});
