export type { IssuedToken } from "./auth/token-registry.js";
export { buildDataset, DEFAULT_SEED } from "./dataset/build-dataset.js";
export type {
  CommunicationType,
  MessageStatus,
  SandboxAttachment,
  SandboxConversation,
  SandboxData,
  SandboxFixtures,
  SandboxListing,
  SandboxMessage,
  SandboxReservation,
} from "./dataset/types.js";
export type { FaultHandle, FaultKind, FaultSpec } from "./faults/fault-injector.js";
export type { FinanceReporting, SandboxCredentials } from "./http/route.js";
export { RATE_LIMIT_BODY } from "./http/send.js";
export { HOSTAWAY_RATE_LIMITS, type RateLimits } from "./limits/rate-limiter.js";
export type { AddMessageInput, ReservationPatch } from "./live/live-dataset.js";
export { DEFAULT_ANCHOR_DATE, DEFAULT_CREDENTIALS, type SandboxOptions } from "./options.js";
export { startRedisServer, type TestRedis } from "./redis/redis-server.js";
export { type Sandbox, startSandbox } from "./sandbox.js";
export type { SandboxStats } from "./stats/request-stats.js";
export type { WebhookAuth, WebhookConfig, WebhookDelivery } from "./webhooks/webhook-sender.js";
