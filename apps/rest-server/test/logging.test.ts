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
    config: { corsOrigins: ["https://app.example.com"] },
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
    expect(entry.req.url).toBe("/api/bookings?guest_email=%5BRedacted%5D");
    expect(entry.req.headers["x-api-key"]).toBe("[Redacted]");
    expect(entry.req.headers.cookie).toBe("[Redacted]");
    expect(entry.res.statusCode).toBe(200);
    expect(
      (logsFor("redaction-2")[0] as { req: { headers: Record<string, string> } }).req.headers.authorization,
    ).toBe("[Redacted]");
  });

  it("record the error type of failed requests at warn level", async () => {
    await h.get("/api/listings?limit=0", { "X-API-Key": API_KEY, "X-Request-Id": "failing-1" });
    expect(logsFor("failing-1")[0]).toMatchObject({ level: 40, error_type: "validation_error" });
  });
});

describe("security headers and CORS", () => {
  it("sends helmet's headers and no X-Powered-By", async () => {
    const { headers } = await h.get("/health", {});
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("strict-transport-security")).toContain("max-age=");
    expect(headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(headers.get("x-powered-by")).toBeNull();
  });

  it("allows only the configured origins", async () => {
    const allowed = await h.get("/health", { Origin: "https://app.example.com" });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    const foreign = await h.get("/health", { Origin: "https://evil.example.com" });
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

  it("has CORS off when no origin is configured", async () => {
    const plain = await startHarness();
    try {
      const { headers } = await plain.get("/health", { Origin: "https://app.example.com" });
      expect(headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await plain.close();
    }
  });
});
