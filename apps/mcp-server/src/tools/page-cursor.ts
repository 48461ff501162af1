import { decodeCursor, encodeCursor } from "@hostaway-mcp/domain-models";
import { z } from "zod";

/**
 * Cursors name the list they page, so a listings cursor handed to the bookings tool is refused as "another query"
 * instead of silently paging something else.
 */
const ListingsCursorSchema = z.strictObject({ list: z.literal("listings"), offset: z.number().int().min(0) });
const BookingsCursorSchema = z.strictObject({
  list: z.literal("bookings"),
  afterId: z.number().int().positive(),
});

export const listingsCursor = {
  encode: (offset: number): string => encodeCursor({ list: "listings", offset }),
  /** The offset to resume at; 0 without a cursor. A foreign or damaged cursor throws a ZodError on `cursor`. */
  decode: (cursor: string | undefined): number =>
    cursor === undefined ? 0 : decodeCursor(cursor, ListingsCursorSchema).offset,
};

export const bookingsCursor = {
  encode: (afterId: number): string => encodeCursor({ list: "bookings", afterId }),
  /** Hostaway's `afterId` to resume after (REFERENCE.md §6.2); undefined without a cursor. */
  decode: (cursor: string | undefined): number | undefined =>
    cursor === undefined ? undefined : decodeCursor(cursor, BookingsCursorSchema).afterId,
};
