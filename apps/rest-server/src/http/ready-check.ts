import type { HostawayClient } from "@hostaway-mcp/hostaway-client";

/**
 * Readiness = Hostaway hands this server a token and answers a call with it. The cheapest such call is a one-item
 * listing page. A success is trusted for `cacheMs` and concurrent probes share one check, so probes cannot drain
 * the upstream budget (15 requests per 10 s, REFERENCE.md §4).
 */
export function createReadyCheck(client: HostawayClient, cacheMs: number, now: () => number = Date.now) {
  let readyUntil = 0;
  let inFlight: Promise<void> | undefined;
  return async (): Promise<void> => {
    if (now() < readyUntil) return;
    inFlight ??= client.listings
      .list({ limit: 1 }, { timeoutMs: 10_000 })
      .then(() => {
        readyUntil = now() + cacheMs;
      })
      .finally(() => {
        inFlight = undefined;
      });
    await inFlight;
  };
}
