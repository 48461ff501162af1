// Public API of @hostaway-mcp/mcp-server. Every export is named here on purpose (no `export *`).

export type { AuditEntry, AuditLog, AuditOutcome, AuditSink } from "./audit.js";
export { ANONYMOUS_CALLER, callerFromApiKey, createAuditLog, STDIO_CALLER } from "./audit.js";
export type { CreateServerOptions } from "./create-server.js";
export { createServer, DEFAULT_RESPONSE_BUDGET, TOOL_NAMES } from "./create-server.js";
export type { HttpAppOptions, McpRequestScope } from "./http/create-http-app.js";
export { createHttpApp } from "./http/create-http-app.js";
export type { RunningHttpServer, StartHttpServerOptions } from "./http/start-http-server.js";
export { startHttpServer } from "./http/start-http-server.js";
export type { CreateLoggerOptions, Logger } from "./logger.js";
export { createLogger } from "./logger.js";
export type { MainOutcome, MainStreams } from "./main.js";
export { main, SHUTDOWN_GRACE_MS } from "./main.js";
export type { McpSettings, SettingsOverrides, TransportKind } from "./settings.js";
export { DEFAULT_PORT, loadMcpSettings } from "./settings.js";
export { SERVER_NAME, SERVER_VERSION } from "./version.js";
