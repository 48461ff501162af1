import type { NextFunction, Request, Response } from "express";
import { describe, expect, it } from "vitest";
import { hostCheck } from "./host-check.js";

function check(host: string | undefined): { passed: boolean; message?: string } {
  let message: string | undefined;
  const res = {
    status(code: number) {
      expect(code).toBe(403);
      return res;
    },
    json(body: { error: { message: string } }) {
      message = body.error.message;
      return res;
    },
  } as unknown as Response;
  let passed = false;
  const next: NextFunction = () => {
    passed = true;
  };
  hostCheck(["localhost", "127.0.0.1", "[::1]"])({ headers: { host } } as Request, res, next);
  return message === undefined ? { passed } : { passed, message };
}

const controlCharacters = (text: string) =>
  [...text].filter((char) => {
    const code = char.charCodeAt(0);
    return code < 0x20 || (code >= 0x7f && code <= 0x9f);
  });

describe("hostCheck", () => {
  it("lets loopback names through on any port", () => {
    for (const host of ["localhost:3000", "127.0.0.1", "[::1]:8080", "LOCALHOST"]) {
      expect(check(host), host).toEqual({ passed: true });
    }
  });

  it("refuses a foreign or missing Host, naming it and what to do", () => {
    expect(check("attacker.example:80").message).toMatch(
      /host attacker\.example is not allowed\. Add it to ALLOWED_HOSTS/,
    );
    expect(check(undefined).message).toMatch(/no Host header/);
  });

  it("quotes at most 100 printable characters of the caller's Host", () => {
    const long = check(`${"a".repeat(5000)}.example`);
    expect(long.passed).toBe(false);
    expect(long.message).toContain(`host ${"a".repeat(100)}… is not allowed`);
    expect(long.message?.length).toBeLessThan(250);

    const unparsable = check(`bad host\u0085\u001b[2J${"x".repeat(5000)}`);
    expect(unparsable.message).toMatch(/^Forbidden: the Host header bad host\[2Jx+… is not a host name\.$/);
    expect(unparsable.message?.length).toBeLessThan(250);
    expect(controlCharacters(unparsable.message ?? "")).toEqual([]);
  });
});
