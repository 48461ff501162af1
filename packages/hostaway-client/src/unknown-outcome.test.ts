import { describe, expect, it } from "vitest";
import {
  HostawayAbortError,
  HostawayNetworkError,
  HostawayNotFoundError,
  HostawayTimeoutError,
} from "./errors.js";
import { isUnknownOutcome } from "./unknown-outcome.js";

const where = { method: "POST", path: "/conversations/1/messages" } as const;

describe("isUnknownOutcome", () => {
  it("is true only when the request may have arrived and no answer came back", () => {
    expect(isUnknownOutcome(new HostawayTimeoutError({ ...where, detail: "t", sent: true }))).toBe(true);
    expect(isUnknownOutcome(new HostawayTimeoutError({ ...where, detail: "t", sent: false }))).toBe(false);
    expect(isUnknownOutcome(new HostawayAbortError({ ...where, detail: "a", sent: true }))).toBe(true);
    expect(
      isUnknownOutcome(new HostawayNetworkError({ ...where, detail: "r", networkCode: "ECONNRESET" })),
    ).toBe(true);
    expect(
      isUnknownOutcome(new HostawayNetworkError({ ...where, detail: "r", networkCode: "ECONNREFUSED" })),
    ).toBe(false);
    expect(isUnknownOutcome(new HostawayNotFoundError({ ...where, status: 404, detail: "n" }))).toBe(false);
    expect(isUnknownOutcome(new Error("other"))).toBe(false);
  });
});
