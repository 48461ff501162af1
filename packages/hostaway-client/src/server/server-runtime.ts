import { type ClientSharing, createHostawayClient, type HostawayClient } from "../create-client.js";
import type { Logger } from "../logger.js";
import { type LinkLogger, RedisLink } from "../redis/redis-link.js";
import { clientOptionsFrom } from "./client-options.js";
import type { InboundLimitStore } from "./inbound-limiter.js";
import type { SharedSettings } from "./load-settings.js";
import { createServerMetrics, type ServerMetrics } from "./metrics.js";
import { createRedisLimitStore } from "./redis-limit-store.js";

/** A pino logger fits. */
export interface RuntimeLogger extends Logger, LinkLogger {
  child(bindings: Record<string, unknown>): Logger;
}

/** What a server runs on: the client, where inbound limits are counted, the metrics, and the sharing mode. */
export interface ServerRuntime {
  client: HostawayClient;
  /** Inbound windows (edge guard, webhook guesses): in Redis with `REDIS_URL`, else undefined (in memory). */
  limitStore: InboundLimitStore | undefined;
  /** With `METRICS=1`. */
  metrics: ServerMetrics | undefined;
  /** The Redis connection with `REDIS_URL` (for what else the server shares, e.g. reply drafts). */
  link: RedisLink | undefined;
  /** `off` (no `REDIS_URL`), `shared`, or `local` (Redis away: conservative local limits). For `/ready`. */
  sharing(): ClientSharing;
  /** Closes the client and the Redis connection. */
  close(): Promise<void>;
}

/**
 * Builds what both servers run on from their settings (one place, so both share through Redis and count the same
 * metrics the same way). Without `REDIS_URL` it is one process, in memory, exactly as before.
 */
export function createServerRuntime(settings: SharedSettings, logger: RuntimeLogger): ServerRuntime {
  const link =
    settings.redis === undefined
      ? undefined
      : new RedisLink({
          url: settings.redis.url,
          logger: logger.child({ component: "redis" }) as RuntimeLogger,
        });
  const sharing = (): ClientSharing => link?.status() ?? { mode: "off" };
  const metrics = settings.metrics ? createServerMetrics({ sharing }) : undefined;
  const client = createHostawayClient({
    ...clientOptionsFrom(settings, logger.child({ component: "hostaway-client" })),
    ...(link === undefined || settings.redis === undefined
      ? {}
      : {
          redis: {
            link,
            replicas: settings.redis.replicas,
            ...(settings.redis.egressId === undefined ? {} : { egressId: settings.redis.egressId }),
          },
        }),
    ...(metrics === undefined ? {} : { observer: metrics.observer }),
  });
  return {
    client,
    limitStore: link === undefined ? undefined : createRedisLimitStore(link),
    metrics,
    link,
    sharing,
    close: async () => {
      client.close();
      await link?.close();
    },
  };
}
