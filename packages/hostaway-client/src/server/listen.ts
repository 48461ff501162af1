import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isLoopbackHost } from "./loopback.js";
import { SettingsError } from "./settings-error.js";

/** What `listen` serves: a node request listener, or an Express app (which is one). */
export type RequestListener = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface ListenOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Refuse any but a loopback `host`: set it when the server runs without API keys. */
  loopbackOnly?: boolean;
}

export interface RunningServer {
  server: Server;
  /** `http://host:port` as bound (IPv6 in brackets, the real port when 0 was asked for). */
  url: string;
  port: number;
  /**
   * Graceful stop: no new connections; requests in flight finish (their answers carry `Connection: close`), idle
   * keep-alive connections close at once, and whatever is still open after `graceMs` (default 10 000) is cut.
   * Resolves when the server has closed; calling it again returns the same promise.
   */
  close(graceMs?: number): Promise<void>;
}

/**
 * Starts an HTTP server for `listener` on `host:port` and resolves once it listens. Rejects on a bind failure
 * (EADDRINUSE …), and with a `SettingsError` for a non-loopback `host` when `loopbackOnly`: a server without keys
 * on the network would hand anyone the account's guest data.
 */
export function listen(
  listener: RequestListener,
  { host, port, loopbackOnly = false }: ListenOptions,
): Promise<RunningServer> {
  if (loopbackOnly && !isLoopbackHost(host)) {
    return Promise.reject(
      new SettingsError([
        "refusing to listen on a non-loopback address without API keys (set API_KEYS, or bind 127.0.0.1)",
      ]),
    );
  }
  const server = createServer();
  // Answers still being worked on; on shutdown each is told to close its connection when done.
  const inFlight = new Set<ServerResponse>();
  let stopping = false;
  server.on("request", (_req: IncomingMessage, res: ServerResponse) => {
    inFlight.add(res);
    if (stopping) res.setHeader("Connection", "close"); // before the app runs: registered first
    res.once("close", () => {
      inFlight.delete(res);
      // A keep-alive socket whose answer was already under way when the stop began is idle now: let it go.
      if (stopping) setImmediate(() => server.closeIdleConnections());
    });
  });
  server.on("request", listener);

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address() as AddressInfo;
      const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
      let closing: Promise<void> | undefined;
      resolve({
        server,
        url: `http://${shownHost}:${address.port}`,
        port: address.port,
        close(graceMs = 10_000) {
          closing ??= new Promise<void>((done, fail) => {
            stopping = true;
            for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
            const cut = setTimeout(() => server.closeAllConnections(), graceMs);
            cut.unref();
            server.close((error) => {
              clearTimeout(cut);
              if (error) fail(error);
              else done();
            });
            // Keep-alive sockets with no request in flight would otherwise hold `close` open.
            server.closeIdleConnections();
          });
          return closing;
        },
      });
    });
  });
}
