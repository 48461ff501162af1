import { expect, it } from "vitest";
import * as server from "./index.js";

it("exports exactly the documented runtime API", () => {
  expect(Object.keys(server).sort()).toEqual([
    "EdgeRefusal",
    "LOG_LEVELS",
    "LOG_REDACT_PATHS",
    "MAX_WEBHOOK_BODY_BYTES",
    "MIN_API_KEY_LENGTH",
    "REDACTED",
    "SettingsError",
    "WEBHOOK_PATH",
    "callerIdOf",
    "clientOptionsFrom",
    "createEdgeGuard",
    "createInboundLimiter",
    "createKeyMatcher",
    "createMemoryLimitStore",
    "createRedisLimitStore",
    "createServerMetrics",
    "createServerRuntime",
    "createWebhookReceiver",
    "interpretWebhook",
    "isLoopbackHost",
    "isLoopbackOrigin",
    "listen",
    "loadSharedSettings",
    "presentedKey",
    "rateLimitHeaders",
    "redactUrl",
    "setSecurityHeaders",
  ]);
});
