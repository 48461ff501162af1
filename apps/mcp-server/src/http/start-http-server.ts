import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ConfigError } from "../config.js";
import { createHttpApp, type HttpAppOptions } from "./create-http-app.js";
import { isLoopbackHost } from "./loopback.js";

export interface StartHttpServerOptions extends HttpAppOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
}

export interface RunningHttpServer {
  /** Base URL, e.g. `http://127.0.0.1:3000`; the MCP endpoint is `${url}/mcp`. */
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/**
 * Binds the Streamable HTTP app. Refuses (with a `ConfigError`) to listen beyond this machine without API keys:
 * an open MCP endpoint on the network would hand anyone the account's guest data.
 */
export async function startHttpServer(options: StartHttpServerOptions): Promise<RunningHttpServer> {
  if (!isLoopbackHost(options.host) && options.apiKeys.length === 0) {
    throw new ConfigError(
      `refusing to listen on ${options.host} without API keys: set API_KEYS (comma-separated bearer tokens) ` +
        "or bind a loopback address such as 127.0.0.1",
    );
  }
  const app = createHttpApp(options);
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(options.port, options.host, (error?: Error) => {
      if (error) reject(error);
      else resolve(listening);
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostForUrl = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${hostForUrl}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
