import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";

/** A transport that knows which requests still wait for their answer, so a shutdown can let them finish. */
export interface TrackedTransport extends Transport {
  /** Requests received and not yet answered. */
  readonly pending: number;
  /** Resolves once no request is pending, or after `graceMs`, whichever comes first; true when all finished. */
  settled(graceMs: number): Promise<boolean>;
}

/** Wraps `inner`, counting each JSON-RPC request from its arrival until a response with its id is sent. */
export function trackRequests(inner: Transport): TrackedTransport {
  const pending = new Set<string | number>();
  const waiters = new Set<() => void>();
  const release = () => {
    if (pending.size > 0) return;
    for (const waiter of waiters) waiter();
    waiters.clear();
  };

  const outer: TrackedTransport = {
    start: () => inner.start(),
    close: () => inner.close(),
    async send(message, options) {
      await inner.send(message, options);
      const id = responseId(message);
      if (id !== undefined && pending.delete(id)) release();
    },
    get sessionId() {
      return inner.sessionId;
    },
    setProtocolVersion: (version) => inner.setProtocolVersion?.(version),
    get pending() {
      return pending.size;
    },
    settled(graceMs) {
      if (pending.size === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(done);
          resolve(false);
        }, graceMs);
        const done = () => {
          clearTimeout(timer);
          resolve(true);
        };
        waiters.add(done);
      });
    },
  };
  inner.onclose = () => outer.onclose?.();
  inner.onerror = (error) => outer.onerror?.(error);
  inner.onmessage = (message, extra) => {
    if ("method" in message && "id" in message) pending.add(message.id);
    // A cancelled request gets no response (MCP: cancellation), so it stops counting as pending here.
    if ("method" in message && message.method === "notifications/cancelled") {
      const cancelled = (message.params as { requestId?: unknown } | undefined)?.requestId;
      if ((typeof cancelled === "string" || typeof cancelled === "number") && pending.delete(cancelled))
        release();
    }
    outer.onmessage?.(message, extra);
  };
  return outer;
}

function responseId(message: JSONRPCMessage): string | number | undefined {
  if ("method" in message) return undefined;
  const id = (message as { id?: unknown }).id;
  return typeof id === "string" || typeof id === "number" ? id : undefined;
}
