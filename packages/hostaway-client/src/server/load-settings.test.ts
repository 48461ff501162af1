import { describe, expect, it } from "vitest";
import { normalizeHostName, normalizeOrigin } from "./host-names.js";
import { type LoadSettingsOptions, loadSharedSettings } from "./load-settings.js";
import { SettingsError } from "./settings-error.js";

const REQUIRED = { HOSTAWAY_ACCOUNT_ID: "12345", HOSTAWAY_SECRET_KEY: "s3cret-value" };
const KEY_A = "a".repeat(16);
const KEY_B = "B-0123456789abcdef";

/** The SettingsError `load` throws (failing the test when it returns). */
function problemOf(
  env: Record<string, string | undefined>,
  options: LoadSettingsOptions = { defaultPort: 8080 },
): SettingsError {
  try {
    loadSharedSettings(env, options);
  } catch (error) {
    if (SettingsError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a SettingsError");
}

describe("loadSharedSettings", () => {
  it("applies the defaults", () => {
    expect(loadSharedSettings(REQUIRED, { defaultPort: 3000 })).toEqual({
      hostaway: {
        accountId: "12345",
        secretKey: "s3cret-value",
        baseUrl: "https://api.hostaway.com/v1",
        rateLimitIp: 15,
        rateLimitAccount: 20,
        timeoutMs: 10_000,
        deadlineMs: 45_000,
        cache: {
          enabled: true,
          freshMs: 15_000,
          listingFreshMs: 600_000,
          maxEntries: 10_000,
          maxBytes: 64 * 1024 * 1024,
        },
        backgroundShare: 0.25,
      },
      redis: undefined,
      metrics: false,
      writes: { enabled: false, keys: [] },
      warm: { mode: "off" },
      webhook: undefined,
      logLevel: "info",
      http: {
        host: "127.0.0.1",
        port: 3000,
        apiKeys: [],
        allowedHosts: [],
        allowedOrigins: [],
        perKeyLimit: 20,
        perIpLimit: 15,
      },
    });
  });

  it("reads every variable, trimming values and list items", () => {
    const settings = loadSharedSettings(
      {
        HOSTAWAY_ACCOUNT_ID: " 777 ",
        HOSTAWAY_SECRET_KEY: "k",
        HOSTAWAY_API_BASE_URL: "http://127.0.0.1:4010/v1///",
        HOSTAWAY_RATE_LIMIT_IP: "3",
        HOSTAWAY_RATE_LIMIT_ACCOUNT: "0",
        API_KEYS: ` ${KEY_A} ,, ${KEY_B} `,
        LOG_LEVEL: "DEBUG",
        HOST: "0.0.0.0",
        PORT: "9000",
        ALLOWED_HOSTS: "MCP.Example.com, fd00::7 ,[fd00::8]",
        ALLOWED_ORIGINS: "https://App.Example.com/, http://localhost:5173, https://x.example:443",
        RATE_LIMIT_PER_KEY: "50",
        RATE_LIMIT_PER_IP: "0",
        HOSTAWAY_TIMEOUT_SECONDS: "2.5",
        HOSTAWAY_DEADLINE_SECONDS: "30",
        HOSTAWAY_CACHE: " On ",
        HOSTAWAY_CACHE_FRESH_SECONDS: "0",
        HOSTAWAY_CACHE_LISTING_SECONDS: "60",
        HOSTAWAY_CACHE_MAX_ENTRIES: "500",
        HOSTAWAY_CACHE_MAX_MB: "8",
        HOSTAWAY_WEBHOOK_LOGIN: " hook ",
        HOSTAWAY_WEBHOOK_PASSWORD: "pa ss",
        HOSTAWAY_WARM: "Recent",
        HOSTAWAY_WARM_DAYS: "3",
        HOSTAWAY_BACKGROUND_SHARE: "0.4",
      },
      { defaultPort: 8080 },
    );
    expect(settings.hostaway).toEqual({
      accountId: "777",
      secretKey: "k",
      baseUrl: "http://127.0.0.1:4010/v1",
      rateLimitIp: 3,
      rateLimitAccount: 0,
      timeoutMs: 2500,
      deadlineMs: 30_000,
      cache: {
        enabled: true,
        freshMs: 0,
        listingFreshMs: 60_000,
        maxEntries: 500,
        maxBytes: 8 * 1024 * 1024,
      },
      backgroundShare: 0.4,
    });
    expect(settings.warm).toEqual({ mode: "recent", days: 3 });
    expect(settings.webhook).toEqual({ login: "hook", password: "pa ss" });
    expect(settings.logLevel).toBe("debug");
    expect(settings.http).toEqual({
      host: "0.0.0.0",
      port: 9000,
      apiKeys: [KEY_A, KEY_B],
      allowedHosts: ["mcp.example.com", "[fd00::7]", "[fd00::8]"],
      allowedOrigins: ["https://app.example.com", "http://localhost:5173", "https://x.example"],
      perKeyLimit: 50,
      perIpLimit: 0,
    });
  });

  it("names each bad cache, timeout or webhook variable without repeating its value", () => {
    const error = problemOf({
      ...REQUIRED,
      HOSTAWAY_CACHE: "maybe",
      HOSTAWAY_CACHE_FRESH_SECONDS: "-1",
      HOSTAWAY_CACHE_MAX_ENTRIES: "0",
      HOSTAWAY_TIMEOUT_SECONDS: "0.5",
      HOSTAWAY_DEADLINE_SECONDS: "soon",
      HOSTAWAY_WEBHOOK_LOGIN: "only-login-secret",
      HOSTAWAY_WARM: "always",
      HOSTAWAY_WARM_DAYS: "0",
      HOSTAWAY_BACKGROUND_SHARE: "1.5",
    });
    expect(error.problems).toEqual([
      "HOSTAWAY_TIMEOUT_SECONDS must be a number of seconds ≥ 1 (how long one upstream attempt may take)",
      "HOSTAWAY_DEADLINE_SECONDS must be a number of seconds ≥ 1 (how long one call may take, retries included)",
      "HOSTAWAY_CACHE must be on or off",
      "HOSTAWAY_CACHE_FRESH_SECONDS must be a number of seconds ≥ 0 (how long a read is served without asking Hostaway)",
      "HOSTAWAY_CACHE_MAX_ENTRIES must be a whole number ≥ 1 (most cached answers kept)",
      "HOSTAWAY_BACKGROUND_SHARE must be a number above 0 and at most 1 (the most of the account's rate-limit window cache warming may use, e.g. 0.25)",
      "HOSTAWAY_WARM must be off or recent",
      "HOSTAWAY_WARM_DAYS must be a whole number ≥ 1 (days of recent bookings kept warm)",
      "HOSTAWAY_WEBHOOK_LOGIN and HOSTAWAY_WEBHOOK_PASSWORD must be set together (the Basic-auth credentials you register with Hostaway's webhook)",
    ]);
    expect(error.message).not.toContain("only-login-secret");
    expect(
      problemOf({ ...REQUIRED, HOSTAWAY_WEBHOOK_LOGIN: "a:b", HOSTAWAY_WEBHOOK_PASSWORD: "p" }).message,
    ).toMatch(/may not contain a colon/);
  });

  it("refuses warming that could not work: without the cache, too many days, or a share below one request", () => {
    expect(
      problemOf({
        ...REQUIRED,
        HOSTAWAY_WARM: "recent",
        HOSTAWAY_CACHE: "off",
        HOSTAWAY_WARM_DAYS: "3000000",
        HOSTAWAY_BACKGROUND_SHARE: "0.01",
      }).problems,
    ).toEqual([
      "HOSTAWAY_WARM_DAYS must be at most 365 (days of recent bookings kept warm)",
      "HOSTAWAY_WARM=recent needs the cache: with HOSTAWAY_CACHE=off every pass would spend the background share re-reading and keep nothing",
      "HOSTAWAY_BACKGROUND_SHARE must be at least 0.05 with HOSTAWAY_WARM=recent: its share of HOSTAWAY_RATE_LIMIT_ACCOUNT (20 per 10 s) must allow one background request per window",
    ]);
    // Without an account limit the IP limit is the window; with warming off a small share is harmless.
    expect(
      problemOf({
        ...REQUIRED,
        HOSTAWAY_WARM: "recent",
        HOSTAWAY_RATE_LIMIT_ACCOUNT: "0",
        HOSTAWAY_BACKGROUND_SHARE: "0.05",
      }).problems,
    ).toEqual([
      "HOSTAWAY_BACKGROUND_SHARE must be at least 0.067 with HOSTAWAY_WARM=recent: its share of HOSTAWAY_RATE_LIMIT_IP (15 per 10 s) must allow one background request per window",
    ]);
    expect(
      loadSharedSettings({ ...REQUIRED, HOSTAWAY_BACKGROUND_SHARE: "0.01" }, { defaultPort: 1 }).warm,
    ).toEqual({
      mode: "off",
    });
    expect(
      loadSharedSettings(
        {
          ...REQUIRED,
          HOSTAWAY_WARM: "recent",
          HOSTAWAY_RATE_LIMIT_IP: "0",
          HOSTAWAY_RATE_LIMIT_ACCOUNT: "0",
        },
        { defaultPort: 1 },
      ).warm,
    ).toEqual({ mode: "recent", days: 7 });
  });

  it("lets --host and --port override HOST and PORT", () => {
    const settings = loadSharedSettings(
      { ...REQUIRED, HOST: "0.0.0.0", PORT: "1" },
      { defaultPort: 8080, host: "::1", port: "0" },
    );
    expect(settings.http.host).toBe("::1");
    expect(settings.http.port).toBe(0);
    expect(problemOf({ ...REQUIRED, PORT: "1" }, { defaultPort: 1, port: "x" }).problems).toEqual([
      "--port must be a port number between 0 and 65535",
    ]);
  });

  it("accepts every log level", () => {
    for (const level of ["fatal", "error", "warn", "info", "debug", "trace", "silent"]) {
      expect(loadSharedSettings({ ...REQUIRED, LOG_LEVEL: level }, { defaultPort: 1 }).logLevel).toBe(level);
    }
  });

  it("collects every problem into one SettingsError", () => {
    const error = problemOf({
      HOSTAWAY_API_BASE_URL: "ftp://files.example",
      HOSTAWAY_RATE_LIMIT_IP: "-1",
      HOSTAWAY_RATE_LIMIT_ACCOUNT: "1.5",
      LOG_LEVEL: "verbose",
      PORT: "70000",
      RATE_LIMIT_PER_KEY: "lots",
      RATE_LIMIT_PER_IP: "1e3",
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("SettingsError");
    expect(error.problems).toEqual([
      "HOSTAWAY_ACCOUNT_ID is required (your numeric Hostaway account id, shown in the dashboard)",
      "HOSTAWAY_SECRET_KEY is required (the API secret from Hostaway's dashboard)",
      "HOSTAWAY_API_BASE_URL must be an http(s) URL such as https://api.hostaway.com/v1",
      "HOSTAWAY_RATE_LIMIT_IP must be a whole number ≥ 0 (upstream requests per 10 s from this process; 0 switches it off)",
      "HOSTAWAY_RATE_LIMIT_ACCOUNT must be a whole number ≥ 0 (upstream requests per 10 s for the account; 0 switches it off)",
      "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent",
      "PORT must be a port number between 0 and 65535",
      "RATE_LIMIT_PER_KEY must be a whole number ≥ 0 (inbound requests per 10 s per API key; 0 switches it off)",
      "RATE_LIMIT_PER_IP must be a whole number ≥ 0 (inbound requests per 10 s per client IP without a valid key; 0 switches it off)",
    ]);
    expect(error.message).toBe(`invalid configuration: ${error.problems.join("; ")}`);
  });

  it("never echoes a bad HOSTAWAY_ACCOUNT_ID (it may be a pasted secret)", () => {
    const pasted = "sk_live_Zx81hfQ93hvDq";
    const error = problemOf({ ...REQUIRED, HOSTAWAY_ACCOUNT_ID: pasted });
    expect(error.problems).toEqual([
      "HOSTAWAY_ACCOUNT_ID must be your numeric Hostaway account id (digits only)",
    ]);
    expect(error.message).not.toContain(pasted);
    expect(error.message).not.toContain("Zx81");
    expect(JSON.stringify(error)).not.toContain(pasted);
  });

  it("never echoes any raw value, whichever variable is wrong", () => {
    const marker = "LEAKED-VALUE-1234567";
    const error = problemOf({
      HOSTAWAY_ACCOUNT_ID: marker,
      HOSTAWAY_SECRET_KEY: "x",
      HOSTAWAY_API_BASE_URL: marker,
      HOSTAWAY_RATE_LIMIT_IP: marker,
      HOSTAWAY_RATE_LIMIT_ACCOUNT: marker,
      API_KEYS: `${marker} with space,short${marker.slice(0, 3)}`,
      LOG_LEVEL: marker,
      HOST: `${marker}/x`,
      PORT: marker,
      ALLOWED_HOSTS: `${marker}:80`,
      ALLOWED_ORIGINS: marker,
      RATE_LIMIT_PER_KEY: marker,
      RATE_LIMIT_PER_IP: marker,
    });
    expect(error.problems.length).toBeGreaterThanOrEqual(12);
    expect(error.message).not.toMatch(/LEAKED|LEA\b|1234567/);
  });

  it("treats a 15-character API key as a problem, and 16 characters as enough", () => {
    const error = problemOf({ ...REQUIRED, API_KEYS: `${KEY_A},${"k".repeat(15)}` });
    expect(error.problems).toEqual([
      "API_KEYS must be comma-separated keys of at least 16 characters each (too short: item 2)",
    ]);
    expect(error.message).not.toContain("k".repeat(15));
    expect(
      loadSharedSettings({ ...REQUIRED, API_KEYS: "k".repeat(16) }, { defaultPort: 1 }).http.apiKeys,
    ).toEqual(["k".repeat(16)]);
  });

  it("refuses keys a header cannot carry", () => {
    expect(
      problemOf({ ...REQUIRED, API_KEYS: `${KEY_A},has a space in the key,ключ-ключ-ключ-ключ` }).problems,
    ).toEqual(["API_KEYS may hold only visible ASCII characters, no spaces (item 2, 3)"]);
  });

  it("refuses a non-loopback HOST without API keys, and allows it with keys", () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.5", "api.example.com"]) {
      expect(problemOf({ ...REQUIRED, HOST: host }).problems, host).toEqual([
        "API_KEYS is required to listen on a non-loopback HOST: anyone who can connect would read the account's guest data (set API_KEYS, or bind 127.0.0.1)",
      ]);
      expect(
        loadSharedSettings({ ...REQUIRED, HOST: host, API_KEYS: KEY_A }, { defaultPort: 1 }).http.host,
      ).toBe(host);
    }
    expect(problemOf(REQUIRED, { defaultPort: 1, host: "0.0.0.0" }).problems[0]).toMatch(
      /non-loopback --host/,
    );
    for (const host of ["localhost", "127.0.0.2", "::1", "[::1]", "::ffff:127.0.0.1"]) {
      expect(loadSharedSettings({ ...REQUIRED, HOST: host }, { defaultPort: 1 }).http.host).toBe(host);
    }
  });

  it("refuses a HOST that is no address or name", () => {
    expect(problemOf({ ...REQUIRED, HOST: "http://0.0.0.0" }).problems).toEqual([
      "HOST must be an IP address or a host name, such as 127.0.0.1",
    ]);
  });

  it("names the bad items of ALLOWED_HOSTS and ALLOWED_ORIGINS by position", () => {
    const error = problemOf({
      ...REQUIRED,
      ALLOWED_HOSTS: "ok.example,https://x.example,x.example:8080,*.example",
      ALLOWED_ORIGINS: "https://ok.example,*,https://x.example/app,https://user@x.example,null",
    });
    expect(error.problems).toEqual([
      "ALLOWED_HOSTS must be comma-separated host names without scheme or port, such as mcp.example.com (item 2, 3, 4)",
      'ALLOWED_ORIGINS must be comma-separated origins such as https://app.example.com (scheme, host, optional port; no path, no "*") (item 2, 3, 4, 5)',
    ]);
  });
});

describe("normalizeHostName / normalizeOrigin", () => {
  it("normalises what the edge compares", () => {
    expect(normalizeHostName("Example.COM.")).toBe("example.com");
    expect(normalizeHostName("::1")).toBe("[::1]");
    expect(normalizeHostName("[FD00::1]")).toBe("[fd00::1]");
    expect(normalizeHostName("[not-ipv6]")).toBe("");
    expect(normalizeHostName("a".repeat(300))).toBe("");
    expect(normalizeOrigin("HTTP://LOCALHOST:80")).toBe("http://localhost");
    expect(normalizeOrigin("https://[::1]:8443/")).toBe("https://[::1]:8443");
    expect(normalizeOrigin("ftp://x.example")).toBe("");
    expect(normalizeOrigin("https://x.example?q")).toBe("");
    expect(normalizeOrigin("https://")).toBe("");
    expect(normalizeOrigin("https://exa mple.com")).toBe("");
  });
});

it("SettingsError.isInstance recognises the brand, not look-alikes", () => {
  expect(SettingsError.isInstance(new SettingsError(["a"]))).toBe(true);
  expect(SettingsError.isInstance(Object.assign(new Error("x"), { problems: [] }))).toBe(false);
  expect(SettingsError.isInstance(null)).toBe(false);
  // The brand is Symbol.for, so a copy from another install is recognised too.
  const foreign = Object.defineProperty(new Error("x"), Symbol.for("hostaway-mcp.settings-error"), {
    value: true,
  });
  expect(SettingsError.isInstance(foreign)).toBe(true);
  expect(Object.keys(new SettingsError(["a"]))).toEqual(["name", "problems"]);
});

describe("loadSharedSettings: Redis and metrics", () => {
  const base = { HOSTAWAY_ACCOUNT_ID: "123", HOSTAWAY_SECRET_KEY: "s" };
  it("reads REDIS_URL, HOSTAWAY_EGRESS_ID, HOSTAWAY_REPLICAS and METRICS", () => {
    const settings = loadSharedSettings(
      {
        ...base,
        REDIS_URL: "redis://127.0.0.1:6380/2",
        HOSTAWAY_EGRESS_ID: "eu-west-nat",
        HOSTAWAY_REPLICAS: "3",
        METRICS: "1",
      },
      { defaultPort: 1 },
    );
    expect(settings.redis).toEqual({ url: "redis://127.0.0.1:6380/2", egressId: "eu-west-nat", replicas: 3 });
    expect(settings.metrics).toBe(true);
  });

  it("names each bad variable without echoing a value (a Redis URL may hold a password)", () => {
    const secret = "redis-password-xyz";
    let message = "";
    try {
      loadSharedSettings(
        {
          ...base,
          REDIS_URL: `http://:${secret}@host`,
          HOSTAWAY_EGRESS_ID: "bad id!",
          HOSTAWAY_REPLICAS: "0",
          METRICS: "yes",
        },
        { defaultPort: 1 },
      );
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of ["REDIS_URL", "HOSTAWAY_EGRESS_ID", "HOSTAWAY_REPLICAS", "METRICS"]) {
      expect(message).toContain(name);
    }
    expect(message).not.toContain(secret);
  });
});
