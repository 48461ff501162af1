import { listen, type RunningServer } from "@hostaway-mcp/hostaway-client/server";
import type { Express } from "express";

export type { RunningServer } from "@hostaway-mcp/hostaway-client/server";

/**
 * Starts `app` on `host:port` with the shared `listen` (hostaway-client/server: graceful close with a grace period)
 * and resolves once it listens. Rejects on e.g. EADDRINUSE, and for an app without API keys on anything but a
 * loopback address.
 */
export function serve(app: Express, { port, host }: { port: number; host: string }): Promise<RunningServer> {
  return listen(app, { host, port, loopbackOnly: app.locals.loopbackOnly === true });
}
