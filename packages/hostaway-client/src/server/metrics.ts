import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { ClientSharing } from "../create-client.js";
import type { ClientObserver } from "../observer.js";

/** What both servers count (`METRICS=1`, served at `GET /metrics` in Prometheus text). */
export interface ServerMetrics {
  /** Pass to the client (`observer`): upstream requests, 429s, token requests, waits, cache reads. */
  readonly observer: ClientObserver;
  /** One inbound request or tool call finished: its route (or tool name), status and duration. */
  inbound(route: string, status: number | string, seconds: number): void;
  /** Pass to the webhook receiver (`onEvent`). */
  webhook(event: string, outcome: "expired" | "ignored"): void;
  /** The Prometheus text exposition of every metric, default process metrics included. */
  render(): Promise<string>;
  readonly contentType: string;
}

/** Webhook event names kept as labels; anything else is counted as `other` (a label set must stay bounded). */
const KNOWN_EVENTS = new Set(["message.received", "reservation.created", "reservation.updated"]);

const WAIT_BUCKETS = [0.005, 0.05, 0.25, 1, 2.5, 5, 10, 20, 45];
const LATENCY_BUCKETS = [0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * One registry per server (never prom-client's global one, so two servers in one process, or a test, never mix
 * their counts), on prom-client, the standard Node client for Prometheus.
 */
export function createServerMetrics(options: { sharing?: () => ClientSharing } = {}): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const upstream = new Counter({
    name: "hostaway_upstream_requests_total",
    help: "Requests sent to Hostaway (retries and token requests included), by route, method and status",
    labelNames: ["route", "method", "status"],
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: "hostaway_upstream_rate_limited_total",
    help: "Hostaway answers with HTTP 429",
    registers: [registry],
  });
  const tokens = new Counter({
    name: "hostaway_token_requests_total",
    help: "POST /accessTokens requests",
    registers: [registry],
  });
  const wait = new Histogram({
    name: "hostaway_rate_limit_wait_seconds",
    help: "How long an upstream request waited for its rate-limit slot",
    buckets: WAIT_BUCKETS,
    registers: [registry],
  });
  const cacheReads = new Counter({
    name: "hostaway_cache_reads_total",
    help: "Read-cache answers: hit (fresh), revalidated (proven unchanged by a cheaper read) or miss",
    labelNames: ["outcome"],
    registers: [registry],
  });
  const webhooks = new Counter({
    name: "hostaway_webhook_events_total",
    help: "Authenticated webhook deliveries, by event and whether they expired cached entries",
    labelNames: ["event", "outcome"],
    registers: [registry],
  });
  const inboundRequests = new Counter({
    name: "http_requests_total",
    help: "Inbound requests (REST routes) and tool calls (MCP), by route or tool and status",
    labelNames: ["route", "status"],
    registers: [registry],
  });
  const inboundLatency = new Histogram({
    name: "http_request_duration_seconds",
    help: "Inbound request and tool call latency",
    labelNames: ["route"],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const sharing = options.sharing;
  if (sharing !== undefined) {
    new Gauge({
      name: "hostaway_redis_shared",
      help: "1 while windows, token, cache and limits are shared through Redis, 0 while on local limits",
      registers: [registry],
      collect() {
        this.set(sharing().mode === "shared" ? 1 : 0);
      },
    });
  }
  return {
    observer: {
      upstreamRequest(event) {
        upstream.inc({ route: event.route, method: event.method, status: String(event.status) });
        if (event.status === 429) rateLimited.inc();
        if (event.tokenRequest) tokens.inc();
        wait.observe(Math.max(0, event.waitMs) / 1000);
      },
      cacheRead(outcome) {
        cacheReads.inc({ outcome: outcome === "fresh" ? "hit" : outcome });
      },
    },
    inbound(route, status, seconds) {
      inboundRequests.inc({ route, status: String(status) });
      inboundLatency.observe({ route }, seconds);
    },
    webhook(event, outcome) {
      webhooks.inc({ event: KNOWN_EVENTS.has(event) ? event : "other", outcome });
    },
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
