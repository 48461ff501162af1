import type { ReadOutcome } from "./cache/read-log.js";

/** One attempt that reached the network. */
export interface UpstreamRequestEvent {
  method: string;
  /** The path with its ids replaced by `:id`, e.g. `/reservations/:id` (a bounded label set for metrics). */
  route: string;
  /** The HTTP status, or `error` when no response arrived (timeout, connection refused). */
  status: number | "error";
  /** How long the attempt waited for its rate-limit slot, ms. */
  waitMs: number;
  durationMs: number;
  tokenRequest: boolean;
  background: boolean;
}

/**
 * Hooks for metrics (the servers' `/metrics`, or a library user's own). Each is optional and called
 * synchronously; an observer must not throw.
 */
export interface ClientObserver {
  upstreamRequest?(event: UpstreamRequestEvent): void;
  /** How the read cache answered one read. */
  cacheRead?(outcome: ReadOutcome): void;
}

/** `/reservations/4711/conversations` → `/reservations/:id/conversations`. */
export function routeOf(path: string): string {
  return (
    path
      .split("?")[0]
      ?.split("/")
      .map((segment) => (/^\d+$/.test(segment) ? ":id" : segment))
      .join("/") ?? path
  );
}
