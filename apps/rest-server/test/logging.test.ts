import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/index.js";
import { API_KEY, type Harness, startHarness } from "./harness.js";

const lines: Array<Record<string, unknown>> = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    logger: createLogger("info", sink),
    config: { allowedOrigins: ["https://app.example.com"] },
  });
});
afterAll(async () => h?.close());

/** The request-log lines pino-http wrote for a request id. */
const logsFor = (id: string) => lines.filter((line) => (line.req as { id?: string } | undefined)?.id === id);

describe("request logs", () => {
  it("carry a request id, echoed as X-Request-Id (the caller's when it is sane)", async () => {
    const own = await h.get("/health", { "X-Request-Id": "trace-42.abc" });
    expect(own.headers.get("x-request-id")).toBe("trace-42.abc");
    expect(logsFor("trace-42.abc")).toHaveLength(1);
    const insane = await h.get("/health", { "X-Request-Id": "<script>alert(1)</script>" });
    expect(insane.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const generated = await h.get("/health", {});
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated.headers.get("x-request-id")).not.toBe(insane.headers.get("x-request-id"));
  });

  it("redact credentials and guest contact data", async () => {
    const guest = h.sandbox.data.reservations.find((r) => r.guestEmail !== null)!;
    const email = guest.guestEmail!;
    const viaHeader = await h.get(`/api/bookings?guest_email=${encodeURIComponent(email)}`, {
      "X-API-Key": API_KEY,
      "X-Request-Id": "redaction-1",
      Cookie: "session=abc123secret",
    });
    expect(viaHeader.status).toBe(200);
    const guestInfo = await h.get(`/api/bookings/${guest.id}/guest`, {
      Authorization: `Bearer ${API_KEY}`,
      "X-Request-Id": "redaction-2",
    });
    expect(guestInfo.body.email).toBe(email);

    const logged = JSON.stringify([...logsFor("redaction-1"), ...logsFor("redaction-2")]);
    expect(logsFor("redaction-1")).toHaveLength(1);
    expect(logged).not.toContain(API_KEY);
    expect(logged).not.toContain("abc123secret");
    expect(logged).not.toContain(email);
    expect(logged).not.toContain(encodeURIComponent(email));
    if (guest.phone) expect(logged).not.toContain(guest.phone);
    const entry = logsFor("redaction-1")[0] as {
      req: { url: string; headers: Record<string, string> };
      res: { statusCode: number };
    };
    expect(entry.req.url).toBe("/api/bookings?guest_email=[redacted]");
    expect(entry.req.headers["x-api-key"]).toBe("[redacted]");
    expect(entry.req.headers.cookie).toBe("[redacted]");
    expect(entry.res.statusCode).toBe(200);
    expect(
      (logsFor("redaction-2")[0] as { req: { headers: Record<string, string> } }).req.headers.authorization,
    ).toBe("[redacted]");
  });

  it("redact keys sent in the query string and guest names searched for", async () => {
    const answer = await h.get(
      "/api/bookings?guest_name=Anna%20Schmidt&api_key=leaked-key-0123456789&limit=1",
      {
        "X-API-Key": API_KEY,
        "X-Request-Id": "redaction-3",
      },
    );
    expect(answer.status).toBe(400); // api_key is not a parameter
    const logged = JSON.stringify(logsFor("redaction-3"));
    expect(logged).not.toContain("leaked-key-0123456789");
    expect(logged).not.toContain("Anna");
    expect((logsFor("redaction-3")[0] as { req: { url: string } }).req.url).toBe(
      "/api/bookings?guest_name=[redacted]&api_key=[redacted]&limit=1",
    );
  });

  it("redact tokens, passwords, keys and guest phones wherever a log line carries them", async () => {
    const written: string[] = [];
    const logger = createLogger(
      "info",
      new Writable({
        write(chunk, _encoding, done) {
          written.push(String(chunk));
          done();
        },
      }),
    );
    const values = { token: "t-1", password: "p-1", apiKey: "k-1", guestPhone: "+49 170 1111111" };
    logger.info({ ...values, err: { ...values } }, "both levels");
    const line = JSON.parse(written.join(""));
    for (const key of Object.keys(values)) {
      expect([line[key], line.err[key]]).toEqual(["[redacted]", "[redacted]"]);
    }
  });

  it("record the error type of failed requests at warn level", async () => {
    await h.get("/api/listings?limit=0", { "X-API-Key": API_KEY, "X-Request-Id": "failing-1" });
    expect(logsFor("failing-1")[0]).toMatchObject({ level: 40, error_type: "validation_error" });
  });
});

describe("security headers and CORS", () => {
  it("sends the shared security headers and no X-Powered-By", async () => {
    const { headers } = await h.get("/health", {});
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(headers.get("x-powered-by")).toBeNull();
    // The reference page needs its own scripts and styles.
    const docs = await fetch(`${h.url}/docs/`);
    expect(docs.headers.get("content-security-policy")).toContain("script-src 'self'");
  });

  it("allows only the configured origins", async () => {
    const allowed = await h.get("/api/listings?limit=1", {
      "X-API-Key": API_KEY,
      Origin: "https://app.example.com",
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    const foreign = await h.get("/api/listings?limit=1", {
      "X-API-Key": API_KEY,
      Origin: "https://evil.example.com",
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await fetch(`${h.url}/api/listings`, {
      method: "OPTIONS",
      headers: {
        Origin: "https://app.example.com",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "x-api-key",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("X-API-Key");
  });

  it("allows only loopback origins when none is configured", async () => {
    const plain = await startHarness();
    try {
      const foreign = await plain.get("/api/listings?limit=1", {
        "X-API-Key": API_KEY,
        Origin: "https://app.example.com",
      });
      expect(foreign.status).toBe(403);
      const local = await plain.get("/api/listings?limit=1", {
        "X-API-Key": API_KEY,
        Origin: "http://localhost:5173",
      });
      expect(local.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    } finally {
      await plain.close();
    }
  });
});
