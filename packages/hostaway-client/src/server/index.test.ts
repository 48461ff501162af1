import { expect, it } from "vitest";
import * as server from "./index.js";

it("exports exactly the documented runtime API", () => {
  expect(Object.keys(server).sort()).toEqual([
    "EdgeRefusal",
    "LOG_LEVELS",
    "LOG_REDACT_PATHS",
    "MIN_API_KEY_LENGTH",
    "REDACTED",
    "SettingsError",
    "callerIdOf",
    "createEdgeGuard",
    "createInboundLimiter",
    "createKeyMatcher",
    "createMemoryLimitStore",
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
