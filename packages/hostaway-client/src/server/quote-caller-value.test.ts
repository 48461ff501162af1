import { expect, it } from "vitest";
import { quoteCallerValue } from "./quote-caller-value.js";

it("quotes a short value whole, as JSON", () => {
  expect(quoteCallerValue("evil.example")).toBe('"evil.example"');
});

it("quotes at most 100 characters of a long value, cut with an ellipsis", () => {
  const quoted = quoteCallerValue("a".repeat(5000));
  expect(JSON.parse(quoted)).toBe(`${"a".repeat(100)}…`);
  expect(quoted.length).toBeLessThanOrEqual(103);
});

it("counts characters, not UTF-16 units, so an emoji is never split in half", () => {
  const quoted = JSON.parse(quoteCallerValue("😀".repeat(150))) as string;
  expect(Array.from(quoted)).toHaveLength(101);
  expect(quoted.startsWith("😀".repeat(100))).toBe(true);
});

it("escapes control characters, DEL, C1 controls, line separators and bidi overrides", () => {
  const quoted = quoteCallerValue("a\nb\u001b[31mc\u007fd\u0085e\u2028f\u202eg");
  // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting that none is left is the point.
  expect(quoted).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
  expect(quoted).toBe('"a\\nb\\u001b[31mc\\u007fd\\u0085e\\u2028f\\u202eg"');
  expect(JSON.parse(quoted)).toBe("a\nb\u001b[31mc\u007fd\u0085e\u2028f\u202eg");
});

it("honours a smaller maximum", () => {
  expect(quoteCallerValue("abcdef", 3)).toBe('"abc…"');
});
