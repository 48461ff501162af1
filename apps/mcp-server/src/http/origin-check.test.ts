import type { NextFunction, Request, Response } from "express";
import { describe, expect, it } from "vitest";
import { originCheck } from "./origin-check.js";
import { quoteHeaderValue } from "./quote-header-value.js";

function refuse(origin: string): string {
  let body: { error: { message: string } } | undefined;
  const res = {
    status(code: number) {
      expect(code).toBe(403);
      return res;
    },
    json(value: typeof body) {
      body = value;
      return res;
    },
  } as unknown as Response;
  const next: NextFunction = () => {
    throw new Error("expected the origin to be refused");
  };
  originCheck([])({ headers: { origin } } as Request, res, next);
  return body?.error.message ?? "";
}

describe("originCheck", () => {
  it("quotes a refused origin with its control characters removed", () => {
    const message = refuse("https://evil.example\t\u0085\u001b[31m\r\nX-Injected: 1");
    expect(message).toContain("origin https://evil.example[31mX-Injected: 1 is not allowed");
    const controls = [...message].filter((char) => {
      const code = char.charCodeAt(0);
      return code < 0x20 || (code >= 0x7f && code <= 0x9f);
    });
    expect(controls).toEqual([]);
  });

  it("quotes at most 100 characters of a long origin", () => {
    const origin = `https://${"a".repeat(10_000)}.example`;
    const message = refuse(origin);
    expect(message).toContain(`origin ${origin.slice(0, 100)}… is not allowed`);
    expect(message.length).toBeLessThan(250);
  });

  it("leaves a short, printable origin as it is", () => {
    expect(quoteHeaderValue("https://evil.example")).toBe("https://evil.example");
  });
});
