import { describe, expect, it } from "vitest";
import { virtualClock } from "../../test/helpers.js";
import type { CacheEntry, CacheStore } from "./cache-store.js";
import { createMemoryCacheStore } from "./memory-cache-store.js";
import { cachedOnly } from "./only-if-cached.js";
import { DEFAULT_CACHE_SETTINGS, ReadCache, type ReadPolicy } from "./read-cache.js";
import { trackReads } from "./read-log.js";
import { createResourceCache } from "./resource-cache.js";

function setup(store: CacheStore = createMemoryCacheStore()) {
  const clock = virtualClock();
  const cache = new ReadCache(store, clock, DEFAULT_CACHE_SETTINGS);
  let fetches = 0;
  let value = "v1";
  const fetch = async () => {
    fetches += 1;
    return { value };
  };
  return {
    clock,
    cache,
    fetch,
    fetches: () => fetches,
    change: (next: string) => {
      value = next;
    },
  };
}

const policy = (overrides: Partial<ReadPolicy<{ value: string }>> = {}): ReadPolicy<{ value: string }> => ({
  key: "thing:1",
  tags: ["thing:1"],
  freshMs: 15_000,
  ...overrides,
});

describe("ReadCache", () => {
  it("serves a fresh entry without reading, and reads again once it is older than freshMs", async () => {
    const { cache, fetch, fetches, clock, change } = setup();
    expect(await cache.read(policy(), fetch)).toMatchObject({ value: { value: "v1" }, outcome: "miss" });
    clock.advance(14_999);
    change("v2");
    expect(await cache.read(policy(), fetch)).toMatchObject({ value: { value: "v1" }, outcome: "fresh" });
    expect(fetches()).toBe(1);
    clock.advance(1);
    expect(await cache.read(policy(), fetch)).toMatchObject({ value: { value: "v2" }, outcome: "miss" });
    expect(fetches()).toBe(2);
  });

  it("reuses an older entry whose signal is unchanged and was read within freshMs, moving its readAt", async () => {
    const { cache, fetch, fetches, clock } = setup();
    const signalPolicy = policy({ signal: () => cache.signalOf("conversation:1") });
    await cache.recordSignal("conversation:1", "state-a", clock.now(), ["conversation:1"]);
    const first = await cache.read(signalPolicy, fetch);
    clock.advance(60_000);
    await cache.recordSignal("conversation:1", "state-a", clock.now(), ["conversation:1"]);
    const again = await cache.read(signalPolicy, fetch);
    expect(again).toMatchObject({ outcome: "revalidated", readAt: clock.now() });
    expect(again.readAt).toBeGreaterThan(first.readAt);
    expect(fetches()).toBe(1);
  });

  it("reads again when the signal changed, or is itself too old to prove anything", async () => {
    const { cache, fetch, fetches, clock, change } = setup();
    const signalPolicy = policy({ signal: () => cache.signalOf("conversation:1") });
    await cache.recordSignal("conversation:1", "state-a", clock.now(), []);
    await cache.read(signalPolicy, fetch);

    clock.advance(20_000);
    await cache.recordSignal("conversation:1", "state-b", clock.now(), []);
    change("v2");
    expect(await cache.read(signalPolicy, fetch)).toMatchObject({ value: { value: "v2" }, outcome: "miss" });

    clock.advance(20_000); // the entry is stale and the last signal (state-b) is 20 s old: no proof
    change("v3");
    expect(await cache.read(signalPolicy, fetch)).toMatchObject({ value: { value: "v3" }, outcome: "miss" });
    expect(fetches()).toBe(3);
  });

  it("keeps the signature a value carries itself (signatureOf) and compares the signal with it", async () => {
    const { cache, clock } = setup();
    let activity = "2026-11-20 10:00:00";
    let fetches = 0;
    const fetch = async () => {
      fetches += 1;
      return { latestActivityOn: activity };
    };
    const reservationPolicy = {
      key: "reservation:7",
      tags: ["booking:7"],
      freshMs: 15_000,
      signal: () => cache.signalOf("reservation:7"),
      signatureOf: (value: { latestActivityOn: string }) => value.latestActivityOn,
    };
    await cache.read(reservationPolicy, fetch);
    clock.advance(30_000);
    await cache.recordSignal("reservation:7", "2026-11-20 10:00:00", clock.now(), ["booking:7"]);
    expect((await cache.read(reservationPolicy, fetch)).outcome).toBe("revalidated");
    clock.advance(30_000);
    activity = "2026-11-20 10:05:00";
    await cache.recordSignal("reservation:7", activity, clock.now(), ["booking:7"]);
    expect(await cache.read(reservationPolicy, fetch)).toMatchObject({
      outcome: "miss",
      value: { latestActivityOn: "2026-11-20 10:05:00" },
    });
    expect(fetches).toBe(2);
  });

  it("drops entries and signals by tag, including tags only the value names (tagsOf)", async () => {
    const { cache, fetch, fetches } = setup();
    const tagged = policy({ tagsOf: () => ["booking:4711"] });
    await cache.read(tagged, fetch);
    await cache.recordSignal("conversation:1", "s", 0, ["booking:4711"]);
    await cache.invalidate(["booking:4711"]);
    expect((await cache.read(tagged, fetch)).outcome).toBe("miss");
    expect(await cache.signalOf("conversation:1")).toBeUndefined();
    expect(fetches()).toBe(2);
  });

  it("bypass reads upstream and keeps the new answer", async () => {
    const { cache, fetch, fetches, change } = setup();
    await cache.read(policy(), fetch);
    change("v2");
    expect((await cache.read(policy({ bypass: true }), fetch)).value).toEqual({ value: "v2" });
    expect(await cache.read(policy(), fetch)).toMatchObject({ outcome: "fresh", value: { value: "v2" } });
    expect(fetches()).toBe(2);
  });

  it("gives every caller its own copy: mutating an answer never changes the cache", async () => {
    const { cache, fetch } = setup();
    const first = await cache.read(policy(), fetch);
    first.value.value = "mutated";
    expect((await cache.read(policy(), fetch)).value).toEqual({ value: "v1" });
  });

  it("answers from upstream when the store fails (a lost shared store costs reads, never answers)", async () => {
    const broken: CacheStore = {
      get: async () => {
        throw new Error("store down");
      },
      set: async () => {
        throw new Error("store down");
      },
      delete: async () => {},
      invalidateTags: async () => {},
    };
    const { cache, fetch, fetches } = setup(broken);
    expect((await cache.read(policy(), fetch)).value).toEqual({ value: "v1" });
    expect((await cache.read(policy(), fetch)).outcome).toBe("miss");
    expect(await cache.signalOf("anything")).toBeUndefined();
    expect(fetches()).toBe(2);
  });

  it("records each read in the trackReads log of the call it belongs to", async () => {
    const { cache, fetch, clock } = setup();
    const { reads: first } = await trackReads(() => cache.read(policy(), fetch));
    clock.advance(1000);
    const { reads: second } = await trackReads(() => cache.read(policy(), fetch));
    expect(first).toEqual([{ key: "thing:1", outcome: "miss", readAt: clock.now() - 1000 }]);
    expect(second).toEqual([{ key: "thing:1", outcome: "fresh", readAt: clock.now() - 1000 }]);
  });
});

describe("createResourceCache without a store (HOSTAWAY_CACHE=off)", () => {
  it("reads upstream every time, remembers nothing and still says when it read", async () => {
    const clock = virtualClock();
    const cache = createResourceCache(undefined, clock, DEFAULT_CACHE_SETTINGS);
    let fetches = 0;
    const fetch = async () => ++fetches;
    await cache.recordSignal("conversation:1", "s", clock.now(), []);
    const { reads } = await trackReads(async () => {
      await cache.read(policy() as never, fetch);
      return cache.read(policy() as never, fetch);
    });
    expect(fetches).toBe(2);
    expect(reads.map((read) => read.outcome)).toEqual(["miss", "miss"]);
    expect(reads[0]?.readAt).toBe(clock.now());
    expect(await cache.signalOf("conversation:1")).toBeUndefined();
    await expect(cache.invalidate(["conversation:1"])).resolves.toBeUndefined();
  });
});

describe("createMemoryCacheStore", () => {
  const entry = (value: unknown, tags: string[] = []): CacheEntry => ({
    value,
    fetchedAt: 0,
    validatedAt: 0,
    tags,
  });

  it("holds at most maxEntries, dropping the least recently used first", async () => {
    const store = createMemoryCacheStore({ maxEntries: 2 });
    await store.set("a", entry(1), 60_000);
    await store.set("b", entry(2), 60_000);
    await store.get("a"); // a is now more recent than b
    await store.set("c", entry(3), 60_000);
    expect(await store.get("b")).toBeUndefined();
    expect((await store.get("a"))?.value).toBe(1);
    expect((await store.get("c"))?.value).toBe(3);
  });

  it("holds at most maxBytes of JSON, and never an entry larger than the whole budget", async () => {
    const store = createMemoryCacheStore({ maxBytes: 100 });
    await store.set("big", entry("x".repeat(60)), 60_000);
    await store.set("bigger", entry("y".repeat(60)), 60_000);
    expect(await store.get("big")).toBeUndefined();
    expect(await store.get("bigger")).toBeDefined();
    await store.set("huge", entry("z".repeat(500)), 60_000);
    expect(await store.get("huge")).toBeUndefined();
  });

  it("expires an entry after its ttl", async () => {
    const store = createMemoryCacheStore();
    await store.set("short", entry(1), 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await store.get("short")).toBeUndefined();
  });

  it("invalidates by tag, forgetting evicted keys so the tag index stays small", async () => {
    const store = createMemoryCacheStore({ maxEntries: 1 });
    await store.set("a", entry(1, ["booking:1"]), 60_000);
    await store.set("b", entry(2, ["booking:1", "conversation:2"]), 60_000); // evicts a
    await store.set("c", entry(3, ["conversation:3"]), 60_000); // evicts b
    await store.set("d", entry(4, ["booking:1"]), 60_000);
    await store.invalidateTags(["booking:1"]);
    expect(await store.get("d")).toBeUndefined();
    await store.set("e", entry(5, ["conversation:5"]), 60_000);
    await store.delete("e");
    expect(await store.get("e")).toBeUndefined();
  });
});

describe("ReadCache: indirect proofs, priming and only-if-cached", () => {
  it("proves an entry by its indirect signal within indirectMs of its last direct proof, never beyond", async () => {
    const { cache, fetch, fetches, clock } = setup();
    const revalidated: [number, number][] = [];
    const threadPolicy = policy({
      indirectSignal: () => cache.signalOf("reservation:7"),
      onRevalidated: async (_value, at, provenAt) => {
        revalidated.push([at, provenAt]);
      },
    });
    await cache.recordSignal("reservation:7", "2026-11-20 10:00:00", clock.now(), []);
    const first = await cache.read(threadPolicy, fetch);

    for (let minute = 1; minute <= 4; minute++) {
      clock.advance(60_000);
      await cache.recordSignal("reservation:7", "2026-11-20 10:00:00", clock.now(), []);
      expect((await cache.read(threadPolicy, fetch)).outcome).toBe("revalidated");
    }
    // Each indirect proof moved readAt but not the last direct proof.
    expect(revalidated.every(([, provenAt]) => provenAt === first.readAt)).toBe(true);

    clock.advance(61_000); // 5 min 1 s after the read: the indirect signal no longer suffices
    await cache.recordSignal("reservation:7", "2026-11-20 10:00:00", clock.now(), []);
    expect((await cache.read(threadPolicy, fetch)).outcome).toBe("miss");
    expect(fetches()).toBe(2);
  });

  it("keeps the last recorded state with a value read later than the fresh window (the safe side)", async () => {
    const { cache, fetch, fetches, clock } = setup();
    const threadPolicy = policy({ indirectSignal: (maxAgeMs) => cache.signalOf("reservation:7", maxAgeMs) });
    await cache.recordSignal("reservation:7", "a", clock.now(), []);
    clock.advance(40_000); // a slow plan reads the value 40 s after the reservation list
    await cache.read(threadPolicy, fetch);
    clock.advance(60_000);
    await cache.recordSignal("reservation:7", "a", clock.now(), []);
    expect((await cache.read(threadPolicy, fetch)).outcome).toBe("revalidated");
    clock.advance(60_000);
    await cache.recordSignal("reservation:7", "b", clock.now(), []);
    expect((await cache.read(threadPolicy, fetch)).outcome).toBe("miss");
    expect(fetches()).toBe(2);
  });

  it("refuses a direct signal that was itself recorded from an old indirect proof", async () => {
    const { cache, fetch, clock } = setup();
    const pagePolicy = policy({ signal: () => cache.signalOf("conversation:1") });
    await cache.recordSignal("conversation:1", "s", clock.now(), []);
    await cache.read(pagePolicy, fetch);
    clock.advance(400_000);
    // Recorded now, but only as current as a proof 400 s old (more than indirectMs).
    await cache.recordSignal("conversation:1", "s", clock.now(), [], clock.now() - 400_000);
    expect((await cache.read(pagePolicy, fetch)).outcome).toBe("miss");
  });

  it("primes an entry as if it had been read, so the next read is answered from it", async () => {
    const { cache, fetch, fetches, clock } = setup();
    await cache.prime(policy(), { value: "from a bulk read" }, clock.now());
    expect(await cache.read(policy(), fetch)).toMatchObject({
      outcome: "fresh",
      value: { value: "from a bulk read" },
    });
    expect(fetches()).toBe(0);
  });

  it("answers cachedOnly from fresh or proven entries, and undefined without sending anything otherwise", async () => {
    const { cache, fetch, fetches, clock } = setup();
    expect(await cachedOnly(() => cache.read(policy(), fetch))).toBeUndefined();
    expect(fetches()).toBe(0);
    await cache.read(policy(), fetch);
    expect(await cachedOnly(() => cache.read(policy(), fetch))).toMatchObject({ outcome: "fresh" });
    clock.advance(20_000);
    expect(await cachedOnly(() => cache.read(policy(), fetch))).toBeUndefined();
    expect(fetches()).toBe(1);
    const off = createResourceCache(undefined, clock, DEFAULT_CACHE_SETTINGS);
    expect(await cachedOnly(() => off.read(policy(), fetch))).toBeUndefined();
    await expect(cachedOnly(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  });
});
