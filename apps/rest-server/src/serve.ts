import type { Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express } from "express";
import { isLoopback } from "./config.js";

export interface RunningServer {
  server: Server;
  /** `http://host:port` as bound (the real port when 0 was asked for). */
  url: string;
  /**
   * Graceful stop: stop accepting connections, let in-flight requests finish (closing idle keep-alive sockets
   * right away), and after `graceMs` cut whatever is still open.
   */
  close(graceMs?: number): Promise<void>;
}

/**
 * Starts `app` on `host:port` and resolves once it listens. Rejects on e.g. EADDRINUSE, and for an app without
 * API keys on anything but a loopback address.
 */
export function serve(app: Express, { port, host }: { port: number; host: string }): Promise<RunningServer> {
  if (app.locals.loopbackOnly === true && !isLoopback(host)) {
    return Promise.reject(
      new Error(`refusing to listen on the non-loopback address "${host}" without API keys (set API_KEYS)`),
    );
  }
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    // Responses still being worked on; on shutdown they are told to close their connection when done.
    const inFlight = new Set<ServerResponse>();
    let stopping = false;
    server.on("request", (_req, res: ServerResponse) => {
      if (stopping && !res.headersSent) res.setHeader("Connection", "close");
      inFlight.add(res);
      res.once("close", () => inFlight.delete(res));
    });
    server.once("error", reject);
    server.once("listening", () => {
      server.off("error", reject);
      const address = server.address() as AddressInfo;
      const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
      let closing: Promise<void> | undefined;
      resolve({
        server,
        url: `http://${shownHost}:${address.port}`,
        close(graceMs = 10_000) {
          closing ??= new Promise<void>((done, fail) => {
            stopping = true;
            for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
            const force = setTimeout(() => server.closeAllConnections(), graceMs);
            force.unref();
            server.close((error) => {
              clearTimeout(force);
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
