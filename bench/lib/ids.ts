/** Picking ids for the scenarios from the sandbox's fixtures. */

/** `size` ids spread evenly over the whole list (first and last included). */
export function spread(ids: readonly number[], size: number): number[] {
  if (ids.length <= size) return [...ids];
  return Array.from(
    { length: size },
    (_, index) => ids[Math.floor((index * (ids.length - 1)) / (size - 1 || 1))]!,
  );
}

/** Every real id up to `size`, then ids past the largest one (which do not exist) to make up the size. */
export function idsWithFiller(ids: readonly number[], size: number): { ids: number[]; existing: number } {
  const real = ids.slice(0, size);
  const largest = Math.max(0, ...ids);
  const filler = Array.from({ length: size - real.length }, (_, index) => largest + 1000 + index);
  return { ids: [...real, ...filler], existing: real.length };
}

export interface ResourceTarget {
  resource: "listing" | "booking";
  id: number;
}

/** `count` distinct reads: every listing once, then bookings spread over the dataset to make up the count. */
export function listingsThenBookings(
  listingIds: readonly number[],
  bookingIds: readonly number[],
  count: number,
): ResourceTarget[] {
  const listings = listingIds.slice(0, count).map((id) => ({ resource: "listing" as const, id }));
  const remaining = count - listings.length;
  if (remaining > bookingIds.length) {
    throw new RangeError(
      `the sandbox has only ${listingIds.length + bookingIds.length} listings and bookings, ${count} asked`,
    );
  }
  const bookings = spread(bookingIds, remaining).map((id) => ({ resource: "booking" as const, id }));
  return [...listings, ...bookings];
}
