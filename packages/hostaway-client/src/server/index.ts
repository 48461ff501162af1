// Public API of @hostaway-mcp/hostaway-client/server: what both servers need at their HTTP edge and at start-up.
// Node types only (no Express dependency); every export is named here on purpose (no `export *`).

export { callerIdOf, createKeyMatcher, presentedKey } from "./api-keys.js";
export { clientOptionsFrom } from "./client-options.js";
export type { EdgeCorsOptions, EdgeGuard, EdgeGuardOptions, GuardedRequest } from "./edge-guard.js";
export { createEdgeGuard } from "./edge-guard.js";
export type { EdgeRefusalInit } from "./edge-refusal.js";
export { EdgeRefusal } from "./edge-refusal.js";
export type {
  InboundLimiter,
  InboundLimiterOptions,
  InboundLimitHit,
  InboundLimitResult,
  InboundLimitStore,
  MemoryLimitStoreOptions,
} from "./inbound-limiter.js";
export { createInboundLimiter, createMemoryLimitStore, rateLimitHeaders } from "./inbound-limiter.js";
export type { ListenOptions, RequestListener, RunningServer } from "./listen.js";
export { listen } from "./listen.js";
export type { CacheSettingsFromEnv, LoadSettingsOptions, SharedSettings } from "./load-settings.js";
export { loadSharedSettings, MIN_API_KEY_LENGTH } from "./load-settings.js";
export type { LogLevel } from "./log-levels.js";
export { LOG_LEVELS } from "./log-levels.js";
export { isLoopbackHost, isLoopbackOrigin } from "./loopback.js";
export type { ServerMetrics } from "./metrics.js";
export { createServerMetrics } from "./metrics.js";
export { LOG_REDACT_PATHS, REDACTED, redactUrl } from "./redaction.js";
export { createRedisLimitStore } from "./redis-limit-store.js";
export type { SecurityHeaderOptions } from "./security-headers.js";
export { setSecurityHeaders } from "./security-headers.js";
export type { RuntimeLogger, ServerRuntime } from "./server-runtime.js";
export { createServerRuntime } from "./server-runtime.js";
export { SettingsError } from "./settings-error.js";
export type { WebhookHint } from "./webhook-hint.js";
export { interpretWebhook } from "./webhook-hint.js";
export type { WebhookLogger, WebhookReceiverOptions } from "./webhook-receiver.js";
export { createWebhookReceiver, MAX_WEBHOOK_BODY_BYTES, WEBHOOK_PATH } from "./webhook-receiver.js";
