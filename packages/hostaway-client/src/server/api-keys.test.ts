import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callerIdOf, createKeyMatcher, presentedKey } from "./api-keys.js";

const KEY_A = "alpha-0123456789abcdef";
const KEY_B = "bravo-0123456789abcdef";

describe("callerIdOf", () => {
  it("is key: plus the first 12 hex digits of the key's sha256, never the key", () => {
    const expected = `key:${createHash("sha256").update(KEY_A).digest("hex").slice(0, 12)}`;
    expect(callerIdOf(KEY_A)).toBe(expected);
    expect(callerIdOf(KEY_A)).toMatch(/^key:[0-9a-f]{12}$/);
    expect(callerIdOf(KEY_A)).not.toContain("alpha");
    expect(callerIdOf(KEY_B)).not.toBe(callerIdOf(KEY_A));
  });
});

describe("createKeyMatcher", () => {
  it("names the caller of whichever key matches", () => {
    const match = createKeyMatcher([KEY_A, KEY_B]);
    expect(match(KEY_A)).toBe(callerIdOf(KEY_A));
    expect(match(KEY_B)).toBe(callerIdOf(KEY_B));
  });

  it("refuses near misses, prefixes, extensions and the empty string", () => {
    const match = createKeyMatcher([KEY_A]);
    for (const candidate of [
      KEY_A.slice(0, -1),
      `${KEY_A}x`,
      KEY_A.toUpperCase(),
      ` ${KEY_A}`,
      "",
      "x".repeat(5000),
    ]) {
      expect(match(candidate), candidate.slice(0, 30)).toBeNull();
    }
  });

  it("matches nothing when no keys are configured", () => {
    expect(createKeyMatcher([])(KEY_A)).toBeNull();
  });
});

describe("presentedKey", () => {
  it("reads X-API-Key first, then a Bearer token", () => {
    expect(presentedKey({ "x-api-key": KEY_A })).toBe(KEY_A);
    expect(presentedKey({ authorization: `Bearer ${KEY_B}` })).toBe(KEY_B);
    expect(presentedKey({ authorization: `bearer   ${KEY_B}  ` })).toBe(KEY_B);
    expect(presentedKey({ "x-api-key": KEY_A, authorization: `Bearer ${KEY_B}` })).toBe(KEY_A);
    expect(presentedKey({ "x-api-key": [KEY_A, KEY_B] })).toBe(KEY_A);
  });

  it("finds no key in other schemes, empty headers or a token with spaces", () => {
    expect(presentedKey({})).toBeUndefined();
    expect(presentedKey({ "x-api-key": "" })).toBeUndefined();
    expect(presentedKey({ authorization: `Basic ${Buffer.from("a:b").toString("base64")}` })).toBeUndefined();
    expect(presentedKey({ authorization: "Bearer" })).toBeUndefined();
    expect(presentedKey({ authorization: "Bearer two words" })).toBeUndefined();
  });
});
