import { describe, expect, test } from "vitest";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "./cursor.js";
import { bookingsCursor, listingsCursor } from "./list-cursors.js";

function zodIssueOf(run: () => unknown): z.core.$ZodIssue | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(z.ZodError);
    return (error as z.ZodError).issues[0];
  }
  throw new Error("expected a ZodError");
}

describe("listingsCursor", () => {
  test("round-trips an offset, and starts at 0 without a cursor", () => {
    expect(listingsCursor.decode(listingsCursor.encode(40))).toBe(40);
    expect(listingsCursor.decode(listingsCursor.encode(0))).toBe(0);
    expect(listingsCursor.decode(undefined)).toBe(0);
  });

  test("is the documented state (so cursors from either app work in both)", () => {
    expect(decodeCursor(listingsCursor.encode(20))).toEqual({ list: "listings", offset: 20 });
  });

  test("refuses a bookings cursor, a foreign one and a negative offset, at `cursor`", () => {
    for (const cursor of [
      bookingsCursor.encode(5),
      encodeCursor({ offset: 20 }),
      encodeCursor({ list: "listings", offset: -1 }),
      encodeCursor({ list: "listings", offset: 1, extra: true }),
    ]) {
      const issue = zodIssueOf(() => listingsCursor.decode(cursor));
      expect(issue?.path).toEqual(["cursor"]);
      expect(issue?.message).toContain("another query");
    }
  });
});

describe("bookingsCursor", () => {
  test("round-trips Hostaway's afterId, and is undefined without a cursor", () => {
    expect(bookingsCursor.decode(bookingsCursor.encode(4711))).toBe(4711);
    expect(bookingsCursor.decode(undefined)).toBeUndefined();
    expect(decodeCursor(bookingsCursor.encode(7))).toEqual({ list: "bookings", afterId: 7 });
  });

  test("refuses a listings cursor, afterId 0 and unreadable text, at `cursor`", () => {
    for (const cursor of [listingsCursor.encode(20), encodeCursor({ list: "bookings", afterId: 0 }), "%%%"]) {
      expect(zodIssueOf(() => bookingsCursor.decode(cursor))?.path).toEqual(["cursor"]);
    }
  });
});
