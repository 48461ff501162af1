import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { expect, it } from "vitest";
import { setSecurityHeaders } from "./security-headers.js";

const response = () => new ServerResponse(new IncomingMessage(new Socket()));

it("sets the headers every answer carries, caching revalidated", () => {
  const res = response();
  setSecurityHeaders(res);
  expect(res.getHeaders()).toEqual({
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-resource-policy": "same-origin",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    "cache-control": "private, no-cache",
  });
  expect(res.hasHeader("strict-transport-security")).toBe(false);
});

it("forbids storing an answer with guest data", () => {
  const res = response();
  setSecurityHeaders(res, { guestData: true });
  expect(res.getHeader("cache-control")).toBe("no-store");
  setSecurityHeaders(res, { guestData: false });
  expect(res.getHeader("cache-control")).toBe("private, no-cache");
});
