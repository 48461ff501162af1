import type { Page } from "@hostaway-mcp/hostaway-client";

/**
 * Whether an `afterId`-paged reservation list has ended (REFERENCE.md §6.2: stop on a short or empty page). A page
 * is short against the limit Hostaway applied (`page.limit`, which may be clamped below what was asked, §11),
 * falling back to the one asked for when Hostaway does not say.
 */
export function isLastPage(page: Page<unknown>, requestedLimit: number): boolean {
  return page.items.length === 0 || page.items.length < (page.limit ?? requestedLimit);
}
