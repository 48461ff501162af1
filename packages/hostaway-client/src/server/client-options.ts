import type { HostawayClientOptions } from "../create-client.js";
import type { Logger } from "../logger.js";
import type { SharedSettings } from "./load-settings.js";

/** The client both servers build from their settings: one place, so a new setting reaches both. */
export function clientOptionsFrom(settings: SharedSettings, logger?: Logger): HostawayClientOptions {
  const { hostaway } = settings;
  const { cache } = hostaway;
  return {
    accountId: hostaway.accountId,
    secretKey: hostaway.secretKey,
    baseUrl: hostaway.baseUrl,
    rateLimit: {
      ip: hostaway.rateLimitIp,
      account: hostaway.rateLimitAccount,
      backgroundShare: hostaway.backgroundShare,
    },
    timeoutMs: hostaway.timeoutMs,
    deadlineMs: hostaway.deadlineMs,
    cache: cache.enabled
      ? {
          freshMs: cache.freshMs,
          listingFreshMs: cache.listingFreshMs,
          maxEntries: cache.maxEntries,
          maxBytes: cache.maxBytes,
        }
      : false,
    ...(logger === undefined ? {} : { logger }),
  };
}
