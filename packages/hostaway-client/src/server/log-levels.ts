/** pino's levels, plus `silent`; `LOG_LEVEL` must be one of them (default `info`). */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
