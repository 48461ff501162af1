import { createHash } from "node:crypto";
import { expect, it } from "vitest";
import { findApiKey } from "./bearer-auth.js";

const digest = (key: string) => createHash("sha256").update(key).digest();

it("matches a presented key against any configured key, comparing digests", () => {
  const keys = ["alpha-key", "beta-key"].map(digest);
  expect(findApiKey("alpha-key", keys)).toBe(true);
  expect(findApiKey("beta-key", keys)).toBe(true);
  expect(findApiKey("alpha-ke", keys)).toBe(false);
  expect(findApiKey("", keys)).toBe(false);
  expect(findApiKey("alpha-key", [])).toBe(false);
  // Lengths never matter to the comparison (digests are equal-length).
  expect(findApiKey("x".repeat(10_000), keys)).toBe(false);
});
