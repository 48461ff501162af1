import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

const required = { HOSTAWAY_ACCOUNT_ID: "10450", HOSTAWAY_SECRET_KEY: "s3cret-value" };

describe("loadConfig", () => {
  it("applies the documented defaults", () => {
    expect(loadConfig(required)).toEqual({
      hostaway: {
        accountId: "10450",
        secretKey: "s3cret-value",
        baseUrl: "https://api.hostaway.com/v1",
        rateLimitIp: 15,
        rateLimitAccount: 20,
      },
      logLevel: "info",
      transport: "stdio",
      http: { port: 3000, host: "127.0.0.1", apiKeys: [], allowedOrigins: [], allowedHosts: [] },
    });
  });

  it("reads every variable, and flags win over their variables", () => {
    const config = loadConfig(
      {
        ...required,
        HOSTAWAY_API_BASE_URL: "http://127.0.0.1:4010/v1/",
        HOSTAWAY_RATE_LIMIT_IP: "0",
        HOSTAWAY_RATE_LIMIT_ACCOUNT: "12",
        LOG_LEVEL: "DEBUG",
        MCP_TRANSPORT: "stdio",
        PORT: "8080",
        HOST: "0.0.0.0",
        API_KEYS: " key-one, key-two ,,",
        ALLOWED_ORIGINS: "https://app.example",
        ALLOWED_HOSTS: "mcp.example,localhost",
      },
      { transport: "http", port: "9090" },
    );
    expect(config.hostaway).toMatchObject({
      baseUrl: "http://127.0.0.1:4010/v1",
      rateLimitIp: 0,
      rateLimitAccount: 12,
    });
    expect(config.logLevel).toBe("debug");
    expect(config.transport).toBe("http");
    expect(config.http).toEqual({
      port: 9090,
      host: "0.0.0.0",
      apiKeys: ["key-one", "key-two"],
      allowedOrigins: ["https://app.example"],
      allowedHosts: ["mcp.example", "localhost"],
    });
  });

  it("names each missing or invalid variable in one message", () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    expect(() => loadConfig({})).toThrow(
      /^invalid configuration: HOSTAWAY_ACCOUNT_ID is required .*; HOSTAWAY_SECRET_KEY is required/,
    );
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ HOSTAWAY_ACCOUNT_ID: "acct-1" }, /HOSTAWAY_ACCOUNT_ID must be your numeric Hostaway account id/],
      [{ HOSTAWAY_SECRET_KEY: "  " }, /HOSTAWAY_SECRET_KEY is required/],
      [{ HOSTAWAY_API_BASE_URL: "ftp://example.com" }, /HOSTAWAY_API_BASE_URL must be an http\(s\) URL/],
      [{ HOSTAWAY_RATE_LIMIT_IP: "fast" }, /HOSTAWAY_RATE_LIMIT_IP must be a whole number/],
      [{ HOSTAWAY_RATE_LIMIT_ACCOUNT: "-1" }, /HOSTAWAY_RATE_LIMIT_ACCOUNT must be a whole number/],
      [{ LOG_LEVEL: "loud" }, /LOG_LEVEL must be one of fatal, error/],
      [{ MCP_TRANSPORT: "sse" }, /MCP_TRANSPORT \(or --transport\) must be stdio or http/],
      [{ PORT: "70000" }, /PORT \(or --port\) must be a port number/],
      [{ PORT: "eighty" }, /PORT \(or --port\) must be a port number/],
    ];
    for (const [overrides, message] of cases) {
      expect(() => loadConfig({ ...required, ...overrides })).toThrow(message);
    }
  });

  it("never repeats a secret's value in its message", () => {
    try {
      loadConfig({ HOSTAWAY_ACCOUNT_ID: "x", HOSTAWAY_SECRET_KEY: "top-secret", PORT: "bad" });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain("top-secret");
    }
  });
});
