import {
  type OperationDeclaration,
  operationNamed,
  parseRequest,
  quoteValue,
  type RequestProblem,
} from "@hostaway-mcp/domain-models";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { CallToolResult, JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";

/** The text of an isError result for arguments the operation's schema refused (the REST app's 400, in MCP words). */
export function invalidArgumentsText(problem: RequestProblem): string {
  const field = problem.issues[0]?.field ?? "arguments";
  const messages = problem.issues.map((issue) => issue.message).join("; ");
  return `validation_error: Invalid argument \`${field}\`: ${messages} Next step: fix \`${field}\` and call the tool again.`;
}

type Answer = { result: CallToolResult } | { error: { code: number; message: string } };

/**
 * What to answer a `tools/call` before the SDK sees it, or `undefined` to let it through. The SDK would echo an
 * unknown tool name whole, answer a non-object `arguments` with an internal error and a zod dump, and drop a
 * `__proto__` argument silently (its zod record assigns keys to a plain object); here the call is checked with
 * the operation's own schema by domain-models' `parseRequest`, the same parser the REST app uses, with bounded
 * echoes (100 characters of a value, 10 unknown names).
 */
function answerFor(message: JSONRPCMessage, lookup: OperationLookup): Answer | undefined {
  if (!("method" in message) || message.method !== "tools/call" || !("id" in message)) return undefined;
  const params = message.params as { name?: unknown; arguments?: unknown } | undefined;
  if (typeof params?.name !== "string") return undefined;
  const operation = lookup(params.name);
  if (operation === undefined) {
    return {
      error: {
        code: -32602,
        message: `Unknown tool ${quoteValue(params.name)}; tools/list names the tools.`,
      },
    };
  }
  const args = params.arguments ?? {};
  if (typeof args !== "object" || args === null || Array.isArray(args)) {
    return {
      error: {
        code: -32602,
        message: `Invalid params: \`arguments\` of ${operation.name} must be an object (see its inputSchema).`,
      },
    };
  }
  const parsed = parseRequest(operation.input, args as Record<string, unknown>);
  if (parsed.ok) return undefined;
  return {
    result: { isError: true, content: [{ type: "text", text: invalidArgumentsText(parsed.problem) }] },
  };
}

/** Wraps a transport so tool calls with bad arguments are answered here, the same way on every transport. */
/** The operations a server serves, by tool name (the catalogue, plus the write tools when they are on). */
export type OperationLookup = (name: string) => OperationDeclaration | undefined;

export function guardToolCalls(inner: Transport, lookup: OperationLookup = operationNamed): Transport {
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
    const answer = answerFor(message, lookup);
    if (answer === undefined) {
      outer.onmessage?.(message, extra);
      return;
    }
    const id = (message as { id: string | number }).id;
    inner
      .send({ jsonrpc: "2.0", id, ...answer } as JSONRPCMessage)
      .catch((error: unknown) => outer.onerror?.(error instanceof Error ? error : new Error(String(error))));
  };
  return outer;
}
