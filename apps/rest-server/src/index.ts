// Public API of @hostaway-mcp/rest-server. Every export is named here on purpose (no `export *`).
export type { CreateAppOptions } from "./app.js";
export { createApp } from "./app.js";
export type { AppConfig, ConfigOverrides, LogLevel, ServerConfig } from "./config.js";
export { ConfigError, DEFAULT_APP_CONFIG, isLoopback, loadConfig } from "./config.js";
export type { ErrorResponse } from "./errors/error-response.js";
export { ErrorResponseSchema } from "./errors/error-response.js";
export type { AuditLine, AuditOutcome, AuditSink } from "./http/audit.js";
export { createLogger } from "./logger.js";
export { buildOpenApiDocument } from "./openapi/build-openapi-document.js";
export { apiRoutes } from "./routes/api-routes.js";
export type { RouteContext, RouteDefinition } from "./routes/route-definition.js";
export type { RunningServer } from "./serve.js";
export { serve } from "./serve.js";
