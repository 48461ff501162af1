/** What `isLastPage` reads of a page: its items and the page size the server applied (null when it did not say). */
export interface PageShape {
  readonly items: readonly unknown[];
  readonly limit: number | null;
}

/**
 * Whether a Hostaway list has ended at this page (REFERENCE.md §6.2: stop on a short or empty page). A page is
 * short against the limit Hostaway applied (`page.limit`, which may be clamped below what was asked, §11), falling
 * back to the one asked for when Hostaway does not say.
 */
export function isLastPage(page: PageShape, requestedLimit: number): boolean {
  return page.items.length === 0 || page.items.length < (page.limit ?? requestedLimit);
}
