import { loadSharedSettings, SettingsError, type SharedSettings } from "@hostaway-mcp/hostaway-client/server";

/** Where the MCP protocol runs: stdin/stdout (the default for desktop clients) or Streamable HTTP at `/mcp`. */
export type TransportKind = "stdio" | "http";

/** Everything the server reads from its environment: the shared settings plus the transport. */
export interface McpSettings extends SharedSettings {
  transport: TransportKind;
}

export const DEFAULT_PORT = 3000;

/** Command-line flags that take precedence over their environment variables. */
export interface SettingsOverrides {
  transport?: string | undefined;
  port?: string | undefined;
  host?: string | undefined;
}

/**
 * Reads the shared settings (hostaway-client/server's one loader, the REST server's too) and `MCP_TRANSPORT`.
 * Throws one `SettingsError` naming every bad variable; no message repeats a value.
 */
export function loadMcpSettings(
  env: Readonly<Record<string, string | undefined>>,
  overrides: SettingsOverrides = {},
): McpSettings {
  const problems: string[] = [];
  const rawTransport = (overrides.transport ?? env.MCP_TRANSPORT ?? "").trim().toLowerCase() || "stdio";
  if (rawTransport !== "stdio" && rawTransport !== "http") {
    problems.push(
      `${overrides.transport === undefined ? "MCP_TRANSPORT" : "--transport"} must be stdio or http`,
    );
  }
  let shared: SharedSettings | undefined;
  try {
    // On stdio nothing listens, so HOST and PORT are not checked (a HOST meant for HTTP must not stop stdio).
    const listening = rawTransport === "http";
    shared = loadSharedSettings(env, {
      defaultPort: DEFAULT_PORT,
      host: listening ? overrides.host : "127.0.0.1",
      port: listening ? overrides.port : String(DEFAULT_PORT),
    });
  } catch (error) {
    if (!SettingsError.isInstance(error)) throw error;
    problems.push(...error.problems);
  }
  if (problems.length > 0 || shared === undefined) throw new SettingsError(problems);
  return { ...shared, transport: rawTransport as TransportKind };
}
