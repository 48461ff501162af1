import { describe, expect, it } from "vitest";
import { cacheHeaders } from "./cache-headers.js";

const now = Date.parse("2026-11-20T12:00:30Z");
const at = (secondsAgo: number) => now - secondsAgo * 1000;

describe("cacheHeaders", () => {
  it("sends nothing when no read happened", () => {
    expect(cacheHeaders([], now)).toEqual({});
  });

  it("says fwd=miss, and no Age, when every read went upstream", () => {
    expect(cacheHeaders([{ key: "a", outcome: "miss", readAt: at(0) }], now)).toEqual({
      "Cache-Status": "hostaway-client; fwd=miss; stored",
    });
  });

  it("says hit with the Age of the oldest read when all came from cache", () => {
    const reads = [
      { key: "a", outcome: "fresh" as const, readAt: at(4.9) },
      { key: "b", outcome: "fresh" as const, readAt: at(12.2) },
    ];
    expect(cacheHeaders(reads, now)).toEqual({ Age: "12", "Cache-Status": "hostaway-client; hit" });
  });

  it("marks a revalidated hit, and a mix of cached and upstream reads as fwd=partial", () => {
    expect(cacheHeaders([{ key: "a", outcome: "revalidated", readAt: at(2) }], now)).toEqual({
      Age: "2",
      "Cache-Status": 'hostaway-client; hit; detail="revalidated"',
    });
    const mixed = [
      { key: "a", outcome: "miss" as const, readAt: at(0) },
      { key: "b", outcome: "fresh" as const, readAt: at(9) },
    ];
    expect(cacheHeaders(mixed, now)).toEqual({
      Age: "9",
      "Cache-Status": "hostaway-client; fwd=partial; stored",
    });
  });

  it("never sends a negative Age (a clock that stepped back)", () => {
    expect(cacheHeaders([{ key: "a", outcome: "fresh", readAt: now + 5000 }], now).Age).toBe("0");
  });
});
