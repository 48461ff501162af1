import type { ServerResponse } from "node:http";
import { sendFail, sendRateLimited, sendText } from "../http/send.js";
import type { FaultSpec } from "./fault-injector.js";

/** A truncated success body: valid HTTP, invalid JSON. */
const MALFORMED_JSON = '{"status":"success","result":[{"id":1,"name":"Trunc';

/**
 * Answers a request with an injected fault. `delay` is the sandbox's latency (hangs and resets skip it: they
 * never answer).
 */
export async function applyFault(
  fault: FaultSpec,
  response: ServerResponse,
  options: { delay: () => Promise<void>; retryAfterHeader: boolean },
): Promise<void> {
  switch (fault.kind) {
    case "hang":
      // Never answers; the socket stays open until the client gives up or the sandbox closes.
      return;
    case "reset": {
      const socket = response.socket;
      // resetAndDestroy sends a TCP RST (ECONNRESET on the client); destroy() is the fallback.
      if (socket && typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
      else socket?.destroy();
      return;
    }
    case "rate_limit":
      await options.delay();
      sendRateLimited(response, options.retryAfterHeader ? (fault.retryAfterSeconds ?? 1) * 1000 : undefined);
      return;
    case "status": {
      await options.delay();
      const status = fault.status ?? 500;
      const headers: Record<string, string> =
        fault.retryAfterSeconds === undefined ? {} : { "retry-after": String(fault.retryAfterSeconds) };
      sendFail(response, status, `Injected fault: HTTP ${status}`, headers);
      return;
    }
    case "malformed_json":
      await options.delay();
      sendText(response, 200, MALFORMED_JSON, "application/json; charset=utf-8");
      return;
    case "fail_200":
      await options.delay();
      // Hostaway does not say whether a fail body can come with HTTP 200 (REFERENCE.md §5); clients must cope.
      sendFail(response, 200, "Injected fault: a failure reported with HTTP 200");
      return;
  }
}
