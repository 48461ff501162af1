import { z } from "zod";
import { decodeCursor, encodeCursor } from "./cursor.js";

/**
 * Cursors name the list they page, so a listings cursor handed to the bookings search is refused as "another query"
 * instead of silently paging something else. Both apps issue and accept these same cursors, so a `next_cursor`
 * from one works in the other.
 */
const ListingsCursorSchema = z.strictObject({ list: z.literal("listings"), offset: z.number().int().min(0) });
const BookingsCursorSchema = z.strictObject({
  list: z.literal("bookings"),
  afterId: z.number().int().positive(),
});

/** The listing list pages by offset (REFERENCE.md §6.1); the cursor hides it. */
export const listingsCursor = {
  encode: (offset: number): string => encodeCursor({ list: "listings", offset }),
  /** The offset to resume at; 0 without a cursor. A foreign or damaged cursor throws a ZodError on `cursor`. */
  decode: (cursor: string | undefined): number =>
    cursor === undefined ? 0 : decodeCursor(cursor, ListingsCursorSchema).offset,
} as const;

/** Reservations page by Hostaway's `afterId` (REFERENCE.md §6.2: `offset` is deprecated); the cursor hides it. */
export const bookingsCursor = {
  encode: (afterId: number): string => encodeCursor({ list: "bookings", afterId }),
  /** Hostaway's `afterId` to resume after; undefined without a cursor. A foreign cursor throws on `cursor`. */
  decode: (cursor: string | undefined): number | undefined =>
    cursor === undefined ? undefined : decodeCursor(cursor, BookingsCursorSchema).afterId,
} as const;
