import type { ReadRecord } from "@hostaway-mcp/hostaway-client";

/** The name this server's cache goes by in `Cache-Status` (RFC 9211 §2). */
export const CACHE_NAME = "hostaway-client";

/**
 * `Age` and `Cache-Status` (RFC 9111 §5.1, RFC 9211) for an answer built from the reads the client's cache
 * recorded: every read from cache is a `hit` (`detail=revalidated` when a cheaper signal proved an older entry
 * current), none is `fwd=miss`, some is `fwd=partial`. `Age` is the seconds since the oldest read behind the
 * answer, sent whenever anything came from cache. No reads (a bad id refused before any request): no headers.
 */
export function cacheHeaders(reads: readonly ReadRecord[], now: number): Record<string, string> {
  if (reads.length === 0) return {};
  const cached = reads.filter((read) => read.outcome !== "miss");
  if (cached.length === 0) return { "Cache-Status": `${CACHE_NAME}; fwd=miss; stored` };
  const oldest = Math.min(...reads.map((read) => read.readAt));
  const age = String(Math.max(0, Math.floor((now - oldest) / 1000)));
  if (cached.length < reads.length) {
    return { Age: age, "Cache-Status": `${CACHE_NAME}; fwd=partial; stored` };
  }
  const revalidated = cached.some((read) => read.outcome === "revalidated");
  return { Age: age, "Cache-Status": `${CACHE_NAME}; hit${revalidated ? '; detail="revalidated"' : ""}` };
}
