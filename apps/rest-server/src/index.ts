// Public API of @hostaway-mcp/rest-server. Every export is named here on purpose (no `export *`).
export type { CreateAppOptions } from "./app.js";
export { createApp } from "./app.js";
export type { ErrorResponse } from "./errors/error-response.js";
export { ErrorResponseSchema } from "./errors/error-response.js";
export type { AuditLine, AuditOutcome, AuditSink } from "./http/audit.js";
export { createLogger } from "./logger.js";
export { buildOpenApiDocument } from "./openapi/build-openapi-document.js";
export type { CliIo, CliResult } from "./run-cli.js";
export { runCli } from "./run-cli.js";
export type { RunningServer } from "./serve.js";
export { serve } from "./serve.js";
export type { AppSettings, RestSettings } from "./settings.js";
export { appSettingsOf, DEFAULT_APP_SETTINGS, DEFAULT_PORT, loadRestSettings } from "./settings.js";
