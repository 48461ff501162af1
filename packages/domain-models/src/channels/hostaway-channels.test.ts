import { describe, expect, test } from "vitest";
import { z } from "zod";
import { channelIdFor, HOSTAWAY_CHANNEL_IDS, HOSTAWAY_CHANNEL_NAMES } from "./hostaway-channels.js";

describe("Hostaway channels", () => {
  test("maps the documented names to their ids (REFERENCE.md §8.2), plus airbnb from the examples", () => {
    expect(channelIdFor("bookingcom")).toBe(2005);
    expect(channelIdFor("airbnbOfficial")).toBe(2018);
    expect(channelIdFor("airbnb")).toBe(2001);
    expect(channelIdFor("direct")).toBe(2000);
    expect(HOSTAWAY_CHANNEL_NAMES).toEqual(Object.keys(HOSTAWAY_CHANNEL_IDS));
    expect(new Set(Object.values(HOSTAWAY_CHANNEL_IDS)).size).toBe(HOSTAWAY_CHANNEL_NAMES.length);
  });

  test("matches names case-insensitively and ignores surrounding spaces", () => {
    expect(channelIdFor("AIRBNBOFFICIAL")).toBe(2018);
    expect(channelIdFor("  customical ")).toBe(2015);
  });

  test("an unknown name is a ZodError at `channel` that lists every allowed name", () => {
    let caught: unknown;
    try {
      channelIdFor("myspace");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(z.ZodError);
    const [issue] = (caught as z.ZodError).issues;
    expect(issue?.path).toEqual(["channel"]);
    expect(issue?.message).toMatch(/^"myspace" is not a Hostaway channel name; allowed: direct, airbnb,/);
    for (const name of HOSTAWAY_CHANNEL_NAMES) expect(issue?.message).toContain(name);
  });

  test("an unknown name is quoted at most 100 characters long", () => {
    const message = (() => {
      try {
        channelIdFor("m".repeat(5_000));
      } catch (error) {
        return (error as z.ZodError).issues[0]?.message;
      }
    })();
    expect(message).toMatch(/^"m{100}…" is not a Hostaway channel name;/);
  });

  test("the table cannot be changed by a caller", () => {
    expect(Object.isFrozen(HOSTAWAY_CHANNEL_IDS)).toBe(true);
    expect(Object.isFrozen(HOSTAWAY_CHANNEL_NAMES)).toBe(true);
  });
});
