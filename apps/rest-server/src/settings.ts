import { loadSharedSettings, type SharedSettings } from "@hostaway-mcp/hostaway-client/server";

export const DEFAULT_PORT = 8080;

/** What `createApp()` needs beyond the client; every field has a default (`DEFAULT_APP_SETTINGS`). */
export interface AppSettings {
  /** Accepted API keys; empty means no auth (only allowed on a loopback address). */
  apiKeys: readonly string[];
  /** Host names served besides loopback and the bound address (checked always without keys). */
  allowedHosts: readonly string[];
  /** Browser origins allowed (CORS and the Origin check); empty: loopback origins only. */
  allowedOrigins: readonly string[];
  /** The address the server binds (its name is an allowed Host). */
  bindHost: string;
  /** Inbound requests per API key per window (0 = off). */
  perKeyLimit: number;
  /** Inbound requests without a valid key, per client address per window (0 = off). */
  perIpLimit: number;
  /** The inbound rate-limit window. */
  windowMs: number;
  /** How long `/ready` trusts its last successful upstream check. */
  readyCacheMs: number;
  /** How long `/ready` repeats a failed check without asking Hostaway again. */
  readyFailureCacheMs: number;
  /** The most one `/ready` check may take before it answers 503 (a timeout). */
  readyDeadlineMs: number;
  /** Hostaway's webhook credentials (Basic auth); undefined: `POST /webhooks/hostaway` answers 404. */
  webhook: { login: string; password: string } | undefined;
}

export const DEFAULT_APP_SETTINGS: AppSettings = {
  apiKeys: [],
  allowedHosts: [],
  allowedOrigins: [],
  bindHost: "127.0.0.1",
  perKeyLimit: 20,
  perIpLimit: 15,
  windowMs: 10_000,
  readyCacheMs: 30_000,
  readyFailureCacheMs: 5_000,
  readyDeadlineMs: 5_000,
  webhook: undefined,
};

/** Everything the `hostaway-rest` binary reads: the shared settings (the MCP server's loader too). */
export type RestSettings = SharedSettings;

/**
 * Reads the shared settings with this app's default port. Throws one `SettingsError` naming every bad variable;
 * no message repeats a value.
 */
export function loadRestSettings(
  env: Readonly<Record<string, string | undefined>>,
  overrides: { host?: string | undefined; port?: string | undefined } = {},
): RestSettings {
  return loadSharedSettings(env, { defaultPort: DEFAULT_PORT, host: overrides.host, port: overrides.port });
}

/** The app's settings from the loaded ones. */
export function appSettingsOf(settings: RestSettings): AppSettings {
  return {
    ...DEFAULT_APP_SETTINGS,
    apiKeys: settings.http.apiKeys,
    allowedHosts: settings.http.allowedHosts,
    allowedOrigins: settings.http.allowedOrigins,
    bindHost: settings.http.host,
    perKeyLimit: settings.http.perKeyLimit,
    perIpLimit: settings.http.perIpLimit,
    webhook: settings.webhook,
  };
}
