import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js";

/** One HTTP exchange, timed from the call to the last byte of the body. */
export interface TimedResponse {
  status: number;
  ms: number;
  body: string;
}

/** GET with the body read to the end, so the time covers the whole answer. */
export async function timedGet(url: string, headers: Record<string, string> = {}): Promise<TimedResponse> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  const body = await response.text();
  return { status: response.status, ms: performance.now() - started, body };
}

export interface JsonRpcResponse {
  jsonrpc: "2.0";
  id: number | string | null;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

/** A tools/call result as the MCP spec shapes it. */
export interface ToolCallResult {
  isError?: boolean;
  content?: { type: string; text?: string }[];
  structuredContent?: unknown;
}

export interface McpExchange extends TimedResponse {
  message: JsonRpcResponse | null;
}

/**
 * One JSON-RPC request over MCP Streamable HTTP, as a stateless client sends it: a POST to `/mcp` that accepts
 * either a JSON body or an SSE stream, and reads the response whose id matches.
 */
export async function mcpPost(
  endpoint: string,
  apiKey: string,
  request: { id: number; method: string; params?: unknown },
  signal?: AbortSignal,
): Promise<McpExchange> {
  const started = performance.now();
  const response = await fetch(endpoint, {
    method: "POST",
    headers: {
      authorization: `Bearer ${apiKey}`,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": LATEST_PROTOCOL_VERSION,
    },
    body: JSON.stringify({ jsonrpc: "2.0", ...request }),
    ...(signal ? { signal } : {}),
  });
  const body = await response.text();
  const ms = performance.now() - started;
  const contentType = response.headers.get("content-type") ?? "";
  return { status: response.status, ms, body, message: parseJsonRpc(body, contentType, request.id) };
}

/** Finds the response with `id` in a JSON body or in the `data:` lines of an SSE stream. */
export function parseJsonRpc(body: string, contentType: string, id: number): JsonRpcResponse | null {
  const candidates: string[] = contentType.includes("text/event-stream")
    ? body
        .split(/\r?\n\r?\n/)
        .map((event) =>
          event
            .split(/\r?\n/)
            .filter((line) => line.startsWith("data:"))
            .map((line) => line.slice(5).trimStart())
            .join("\n"),
        )
        .filter((data) => data !== "")
    : [body];
  for (const candidate of candidates) {
    try {
      const parsed = JSON.parse(candidate) as JsonRpcResponse | JsonRpcResponse[];
      for (const message of Array.isArray(parsed) ? parsed : [parsed]) {
        if (message && message.id === id && ("result" in message || "error" in message)) return message;
      }
    } catch {
      // Not JSON (a comment or a keep-alive): keep looking.
    }
  }
  return null;
}

/** A tools/call result, or a reason the call did not produce one. */
export function toolResult(
  exchange: McpExchange,
): { ok: true; result: ToolCallResult } | { ok: false; why: string } {
  if (exchange.status !== 200)
    return { ok: false, why: `HTTP ${exchange.status}: ${exchange.body.slice(0, 200)}` };
  const message = exchange.message;
  if (!message) return { ok: false, why: `no JSON-RPC response in: ${exchange.body.slice(0, 200)}` };
  if (message.error)
    return { ok: false, why: `JSON-RPC error ${message.error.code}: ${message.error.message}` };
  const result = message.result as ToolCallResult;
  if (result.isError)
    return { ok: false, why: `tool error: ${result.content?.[0]?.text?.slice(0, 200) ?? ""}` };
  return { ok: true, result };
}

/**
 * Runs `count` tasks with at most `concurrency` in flight (each worker takes the next index), and returns their
 * results in index order.
 */
export async function runPool<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      results[index] = await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}
