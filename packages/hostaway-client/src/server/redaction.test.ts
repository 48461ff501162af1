import { describe, expect, it } from "vitest";
import { LOG_REDACT_PATHS, REDACTED, redactUrl } from "./redaction.js";

describe("redactUrl", () => {
  it("hides credentials and guest data in the query, keeps the path and everything else as sent", () => {
    const logged = redactUrl("/api/x?api_key=abc&guest_name=Ann&limit=5");
    expect(logged).toBe("/api/x?api_key=[redacted]&guest_name=[redacted]&limit=5");
    expect(logged).not.toContain("abc");
    expect(logged).not.toContain("Ann");
    expect(logged).toContain("limit=5");
  });

  it("covers every sensitive name, in any case, and their spelling variants", () => {
    const names = [
      "api_key",
      "APIKEY",
      "key",
      "token",
      "access_token",
      "secret",
      "password",
      "guest_name",
      "guest_email",
      "email",
      "phone",
      "match",
      "guestEmail",
      "guest_phone",
      "refresh_token",
      "client_secret",
      "guest_email[]",
    ];
    const url = `/api/bookings?${names.map((name) => `${name}=VALUE`).join("&")}`;
    expect(redactUrl(url)).toBe(`/api/bookings?${names.map((name) => `${name}=${REDACTED}`).join("&")}`);
  });

  it("decodes a name before judging it, and keeps unrelated values byte for byte", () => {
    expect(redactUrl("/a?api%5Fkey=abc&q=a%20b+c&status=confirmed")).toBe(
      "/a?api%5Fkey=[redacted]&q=a%20b+c&status=confirmed",
    );
    expect(redactUrl("/a?%E0%A4%A=1&email=x")).toBe("/a?%E0%A4%A=1&email=[redacted]");
  });

  it("hides every repeat of a parameter, and leaves a name without a value alone", () => {
    expect(redactUrl("/a?email=x@y.z&email=q@r.s&flag")).toBe("/a?email=[redacted]&email=[redacted]&flag");
  });

  it("leaves a URL without a query as it is, and drops a fragment", () => {
    expect(redactUrl("/api/bookings/4711")).toBe("/api/bookings/4711");
    expect(redactUrl("http://127.0.0.1:8080/a?token=t#email=x")).toBe(
      "http://127.0.0.1:8080/a?token=[redacted]",
    );
  });
});

describe("LOG_REDACT_PATHS", () => {
  it("lists each sensitive key at the top level and one level down", () => {
    for (const key of [
      "secretKey",
      "secret_key",
      "client_secret",
      "secret",
      "password",
      "token",
      "access_token",
      "accessToken",
      "apiKey",
      "api_key",
      "apiKeys",
      "authorization",
      "cookie",
      "email",
      "guestEmail",
      "guest_email",
      "phone",
      "guestPhone",
      "guest_phone",
      "guest_name",
      "guestName",
    ]) {
      expect(LOG_REDACT_PATHS, key).toContain(key);
      expect(LOG_REDACT_PATHS, key).toContain(`*.${key}`);
    }
  });

  it("covers the credential headers of requests and responses", () => {
    expect(LOG_REDACT_PATHS).toEqual(
      expect.arrayContaining([
        "req.headers.authorization",
        "req.headers.cookie",
        'req.headers["x-api-key"]',
        'res.headers["set-cookie"]',
      ]),
    );
  });

  it("holds only paths pino's redaction accepts (dotted identifiers, * or a quoted bracket)", () => {
    for (const path of LOG_REDACT_PATHS) {
      expect(path).toMatch(/^(\*|[A-Za-z_]\w*)(\.(\*|[A-Za-z_]\w*)|\["[a-z-]+"\])*$/);
    }
    expect(new Set(LOG_REDACT_PATHS).size).toBe(LOG_REDACT_PATHS.length);
  });
});
