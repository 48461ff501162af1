import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { CallToolResult, JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";

const PROTOTYPE_KEY = "__proto__";

/** A `tools/call` whose arguments carry an own `__proto__` key (JSON allows it), and the tool it names. */
function toolCallWithPrototypeKey(
  message: JSONRPCMessage,
): { id: string | number; tool: string } | undefined {
  if (!("method" in message) || message.method !== "tools/call" || !("id" in message)) return undefined;
  const params = message.params as { name?: unknown; arguments?: unknown } | undefined;
  const args = params?.arguments;
  if (typeof args !== "object" || args === null || !Object.hasOwn(args, PROTOTYPE_KEY)) return undefined;
  return { id: message.id, tool: typeof params?.name === "string" ? params.name : "this tool" };
}

/**
 * Wraps a transport so a `tools/call` with a `__proto__` argument is answered with a validation error naming it.
 * The SDK parses `arguments` with a zod record, which assigns each key to a plain object: `__proto__` becomes the
 * prototype instead of a key and the tools' strict schemas never see it, so the argument would be ignored
 * silently. Everything else passes through unchanged.
 */
export function guardPrototypeKeys(inner: Transport): Transport {
  const outer: Transport = {
    start: () => inner.start(),
    send: (message, options) => inner.send(message, options),
    close: () => inner.close(),
    get sessionId() {
      return inner.sessionId;
    },
    setProtocolVersion: (version) => inner.setProtocolVersion?.(version),
  };
  inner.onclose = () => outer.onclose?.();
  inner.onerror = (error) => outer.onerror?.(error);
  inner.onmessage = (message, extra) => {
    const rejected = toolCallWithPrototypeKey(message);
    if (rejected === undefined) {
      outer.onmessage?.(message, extra);
      return;
    }
    const result: CallToolResult = {
      isError: true,
      content: [
        {
          type: "text",
          text:
            `validation_error: ${PROTOTYPE_KEY} is not an argument of ${rejected.tool}. ` +
            "Next step: call again without it; the tool's inputSchema lists its arguments.",
        },
      ],
    };
    inner
      .send({ jsonrpc: "2.0", id: rejected.id, result })
      .catch((error: unknown) => outer.onerror?.(error instanceof Error ? error : new Error(String(error))));
  };
  return outer;
}
