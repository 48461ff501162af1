import { describe, expect, it } from "vitest";
import { createHostawayClient } from "../create-client.js";
import { clientOptionsFrom } from "./client-options.js";
import { loadSharedSettings } from "./load-settings.js";

const REQUIRED = { HOSTAWAY_ACCOUNT_ID: "12345", HOSTAWAY_SECRET_KEY: "s3cret-value" };

describe("clientOptionsFrom", () => {
  it("carries limits, timeouts and the cache rules from the environment to the client", () => {
    const settings = loadSharedSettings(
      {
        ...REQUIRED,
        HOSTAWAY_RATE_LIMIT_IP: "0",
        HOSTAWAY_TIMEOUT_SECONDS: "3",
        HOSTAWAY_CACHE_FRESH_SECONDS: "5",
        HOSTAWAY_CACHE_MAX_MB: "2",
      },
      { defaultPort: 1 },
    );
    const logger = { debug: () => {} };
    const options = clientOptionsFrom(settings, logger);
    expect(options).toEqual({
      accountId: "12345",
      secretKey: "s3cret-value",
      baseUrl: "https://api.hostaway.com/v1",
      rateLimit: { ip: 0, account: 20, backgroundShare: 0.25 },
      timeoutMs: 3000,
      deadlineMs: 45_000,
      cache: { freshMs: 5000, listingFreshMs: 600_000, maxEntries: 10_000, maxBytes: 2 * 1024 * 1024 },
      logger,
    });
    expect(() => createHostawayClient(options).close()).not.toThrow();
  });

  it("turns the cache off with HOSTAWAY_CACHE=off", () => {
    const settings = loadSharedSettings({ ...REQUIRED, HOSTAWAY_CACHE: "off" }, { defaultPort: 1 });
    expect(clientOptionsFrom(settings).cache).toBe(false);
    expect(clientOptionsFrom(settings)).not.toHaveProperty("logger");
  });
});
