import { describe, expect, it } from "vitest";
import { ConfigError, isLoopback, loadConfig } from "./config.js";

const required = { HOSTAWAY_ACCOUNT_ID: "10450", HOSTAWAY_SECRET_KEY: "sandbox-secret-key" };
const key = "k".repeat(32);

function problemsOf(env: Record<string, string>, overrides = {}): string[] {
  try {
    loadConfig(env, overrides);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return [...(error as ConfigError).problems];
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("applies the documented defaults", () => {
    const config = loadConfig(required);
    expect(config).toMatchObject({
      hostaway: {
        accountId: "10450",
        secretKey: "sandbox-secret-key",
        baseUrl: "https://api.hostaway.com/v1",
        rateLimitIp: 15,
        rateLimitAccount: 20,
      },
      apiKeys: [],
      rateLimitIp: 15,
      rateLimitAccount: 20,
      rateLimitWindowMs: 10_000,
      corsOrigins: [],
      logLevel: "info",
      host: "127.0.0.1",
      port: 8080,
    });
  });

  it("reads every variable, and flags win over PORT/HOST", () => {
    const config = loadConfig(
      {
        ...required,
        HOSTAWAY_API_BASE_URL: "http://127.0.0.1:4010/v1/",
        HOSTAWAY_RATE_LIMIT_IP: "0",
        HOSTAWAY_RATE_LIMIT_ACCOUNT: "5",
        API_KEYS: ` ${key} , ${"z".repeat(20)} ,`,
        RATE_LIMIT_IP: "3",
        RATE_LIMIT_ACCOUNT: "4",
        CORS_ORIGINS: "https://app.example.com,http://localhost:5173",
        LOG_LEVEL: "debug",
        PORT: "9000",
        HOST: "0.0.0.0",
      },
      { port: "9001" },
    );
    expect(config.hostaway).toMatchObject({
      baseUrl: "http://127.0.0.1:4010/v1",
      rateLimitIp: 0,
      rateLimitAccount: 5,
    });
    expect(config.apiKeys).toEqual([key, "z".repeat(20)]);
    expect(config).toMatchObject({
      rateLimitIp: 3,
      rateLimitAccount: 4,
      logLevel: "debug",
      port: 9001,
      host: "0.0.0.0",
    });
    expect(config.corsOrigins).toEqual(["https://app.example.com", "http://localhost:5173"]);
  });

  it("names each missing or invalid variable in one error", () => {
    const problems = problemsOf({
      HOSTAWAY_ACCOUNT_ID: "abc",
      HOSTAWAY_API_BASE_URL: "ftp://nope",
      RATE_LIMIT_IP: "-1",
      LOG_LEVEL: "loud",
      PORT: "70000",
      CORS_ORIGINS: "*",
      API_KEYS: "short",
    });
    const text = problems.join("\n");
    for (const name of [
      "HOSTAWAY_ACCOUNT_ID",
      "HOSTAWAY_SECRET_KEY",
      "HOSTAWAY_API_BASE_URL",
      "RATE_LIMIT_IP",
      "LOG_LEVEL",
      "PORT",
      "CORS_ORIGINS",
      "API_KEYS",
    ]) {
      expect(text).toContain(name);
    }
    expect(problems).toHaveLength(8);
  });

  it("refuses a non-loopback address without API keys", () => {
    expect(problemsOf(required, { host: "0.0.0.0" })).toEqual([
      expect.stringContaining("API_KEYS is required to listen on the non-loopback address"),
    ]);
    expect(loadConfig({ ...required, API_KEYS: key }, { host: "0.0.0.0" }).host).toBe("0.0.0.0");
    expect(loadConfig(required, { host: "localhost" }).host).toBe("localhost");
  });

  it("reports a bad --port as the flag", () => {
    expect(problemsOf(required, { port: "eighty" })).toEqual([
      expect.stringContaining("--port must be a port number"),
    ]);
  });

  it("never echoes a base URL value (it could be a mistyped secret)", () => {
    const problems = problemsOf({ ...required, HOSTAWAY_API_BASE_URL: "s3cr3t-value" });
    expect(problems.join()).not.toContain("s3cr3t-value");
  });
});

describe("isLoopback", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.8.9.10", true],
    ["::1", true],
    ["[::1]", true],
    ["localhost", true],
    ["0.0.0.0", false],
    ["::", false],
    ["192.168.1.5", false],
    ["example.com", false],
  ])("%s → %s", (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });
});
