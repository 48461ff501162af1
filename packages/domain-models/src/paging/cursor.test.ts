import { describe, expect, test } from "vitest";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "./cursor.js";

describe("encodeCursor / decodeCursor", () => {
  test("round-trips paging state through opaque base64url text", () => {
    const state = { offset: 40, query: { city: "Zürich", match: "Café ☕" }, v: 1 };
    const cursor = encodeCursor(state);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain("offset");
    expect(decodeCursor(cursor)).toEqual(state);
  });

  test("validates the state against a schema", () => {
    const schema = z.object({ offset: z.number().int().nonnegative() });
    expect(decodeCursor(encodeCursor({ offset: 20 }), schema)).toEqual({ offset: 20 });
  });

  const invalid: Array<[string, string]> = [
    ["empty", ""],
    ["not base64url", "abc+/="],
    ["not JSON", Buffer.from("{nope", "utf8").toString("base64url")],
    ["an array", encodeCursor([1, 2] as unknown as Record<string, unknown>)],
    ["a number", Buffer.from("42", "utf8").toString("base64url")],
    ["too long", "a".repeat(2001)],
  ];

  test.each(invalid)("a cursor that is %s throws a ZodError naming `cursor`", (_why, cursor) => {
    let caught: unknown;
    try {
      decodeCursor(cursor);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(z.ZodError);
    const issue = (caught as z.ZodError).issues[0];
    expect(issue?.path).toEqual(["cursor"]);
    expect(issue?.message).toMatch(/^cursor is not a valid next_cursor/);
  });

  test("a cursor from another query fails the schema check with the same error", () => {
    const schema = z.object({ offset: z.number() });
    expect(() => decodeCursor(encodeCursor({ afterId: 3 }), schema)).toThrow(/belongs to another query/);
  });

  test("the error does not echo a huge cursor back", () => {
    try {
      decodeCursor(`${"!".repeat(500)}`);
    } catch (error) {
      const issue = (error as z.ZodError).issues[0] as { input?: unknown };
      expect(String(issue.input).length).toBeLessThan(110);
    }
  });
});
