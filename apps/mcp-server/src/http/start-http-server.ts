import { listen, type RunningServer } from "@hostaway-mcp/hostaway-client/server";
import { createHttpApp, type HttpAppOptions } from "./create-http-app.js";

export interface StartHttpServerOptions extends HttpAppOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
}

export type RunningHttpServer = RunningServer;

/**
 * Binds the Streamable HTTP app with the shared `listen` (hostaway-client/server): graceful close with a grace
 * period, and a refusal to listen beyond this machine without API keys (an open MCP endpoint on the network would
 * hand anyone the account's guest data).
 */
export function startHttpServer(options: StartHttpServerOptions): Promise<RunningHttpServer> {
  return listen(createHttpApp(options), {
    host: options.host,
    port: options.port,
    loopbackOnly: options.apiKeys.length === 0,
  });
}
