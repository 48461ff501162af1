import { describe, expect, it } from "vitest";
import { listNames, quoteValue } from "./bounded-echo.js";

describe("quoteValue", () => {
  it("quotes a short value whole, as JSON", () => {
    expect(quoteValue("page")).toBe('"page"');
    expect(quoteValue('say "hi"')).toBe('"say \\"hi\\""');
    expect(quoteValue(42)).toBe('"42"');
  });

  it("cuts a long value at 100 characters, or at the given length", () => {
    expect(quoteValue("x".repeat(150))).toBe(`"${"x".repeat(100)}…"`);
    expect(quoteValue("x".repeat(100))).toBe(`"${"x".repeat(100)}"`);
    expect(quoteValue("abcdef", 3)).toBe('"abc…"');
  });

  it("counts characters, never splitting one in two", () => {
    expect(quoteValue("😀".repeat(5), 2)).toBe('"😀😀…"');
  });

  it("escapes control and bidirectional-override characters", () => {
    expect(quoteValue("a\u202eb\nc\u0085")).toBe('"a\\u202eb\\nc\\u0085"');
  });
});

describe("listNames", () => {
  it("lists up to ten names, quoted", () => {
    expect(listNames(["a", "b"])).toBe('"a", "b"');
    expect(listNames([])).toBe("");
  });

  it("counts the names past the tenth", () => {
    const names = Array.from({ length: 2_000 }, (_, i) => `n${i}`);
    expect(listNames(names)).toBe(
      `${Array.from({ length: 10 }, (_, i) => `"n${i}"`).join(", ")} and 1,990 more`,
    );
    expect(listNames(names, 2)).toBe('"n0", "n1" and 1,998 more');
  });

  it("cuts each long name", () => {
    expect(listNames(["y".repeat(1_000)])).toBe(`"${"y".repeat(40)}…"`);
  });
});
