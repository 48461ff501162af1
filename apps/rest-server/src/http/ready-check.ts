import type { HostawayClient } from "@hostaway-mcp/hostaway-client";

export interface ReadyCheckOptions {
  /** How long a success is trusted. */
  successCacheMs: number;
  /** How long a failure is repeated without asking Hostaway again. */
  failureCacheMs: number;
  /** The most one probe may take, token request included; then it fails as a timeout. */
  deadlineMs: number;
  now?: () => number;
}

type ReadyClient = Pick<HostawayClient, "listings">;

/**
 * Readiness = Hostaway hands this server a token and answers a call with it. The cheapest such call is a one-item
 * listing page. Probes must not drain the upstream budget (15 requests per 10 s, REFERENCE.md §4) nor hang while
 * Hostaway is down or rate-limiting, so: concurrent probes share one check; a success is trusted for
 * `successCacheMs` and a failure repeated for `failureCacheMs`; and a check gives up after `deadlineMs` (the
 * client's own deadline is minutes, for a caller who is waiting for data, not for a load balancer).
 */
export function createReadyCheck(client: ReadyClient, options: ReadyCheckOptions): () => Promise<void> {
  const now = options.now ?? Date.now;
  let cached: { until: number; error?: unknown } | undefined;
  let inFlight: Promise<void> | undefined;

  const check = async (): Promise<void> => {
    try {
      await client.listings.list(
        { limit: 1 },
        // One attempt takes at most the whole deadline, so a hung Hostaway gets one request per probe.
        { timeoutMs: options.deadlineMs, deadlineMs: options.deadlineMs, fresh: true },
      );
      cached = { until: now() + options.successCacheMs };
    } catch (error) {
      cached = { until: now() + options.failureCacheMs, error };
      throw error;
    } finally {
      inFlight = undefined;
    }
  };

  return async (): Promise<void> => {
    if (cached !== undefined && now() < cached.until) {
      if ("error" in cached) throw cached.error;
      return;
    }
    inFlight ??= check();
    await inFlight;
  };
}
