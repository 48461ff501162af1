import { describe, expect, it } from "vitest";
import { redactText } from "./redact.js";

describe("redactText", () => {
  it("removes secrets, tokens, emails and phone numbers but keeps ids", () => {
    const text =
      "Reservation 4711 of anna.schmidt@example.com (+49 170 1234567, 555-123-4567) with key s3cr3t-key, " +
      "Bearer abc.def-ghi and eyJhbGciOi.eyJzdWIi.c2ln";

    const redacted = redactText(text, ["s3cr3t-key"]);

    expect(redacted).toBe(
      "Reservation 4711 of [redacted] ([redacted], [redacted]) with key [redacted], Bearer [redacted] and [redacted]",
    );
  });

  it("ignores secrets too short to be meaningful and truncates long text", () => {
    expect(redactText("a b c", ["b"])).toBe("a b c");
    const long = redactText("x".repeat(500));
    expect(long).toHaveLength(201);
    expect(long.endsWith("…")).toBe(true);
  });

  it("masks the value of secret-named keys, in form and JSON spelling", () => {
    expect(redactText("POST /accessTokens client_secret=abc123&grant=x")).toBe(
      "POST /accessTokens client_secret=[redacted]&grant=x",
    );
    expect(redactText('{"secretKey": "s3cr3t", "api_key": "k-123"}')).toBe(
      '{"secretKey": "[redacted]", "api_key": "[redacted]"}',
    );
  });

  it("keeps ids and dates, which are not phone numbers", () => {
    expect(redactText("GET /reservations/143523935 on 2026-11-20 12:00:00")).toBe(
      "GET /reservations/143523935 on 2026-11-20 12:00:00",
    );
  });
});
