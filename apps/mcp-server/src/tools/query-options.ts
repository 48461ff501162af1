import type { QueryOptions } from "@hostaway-mcp/hostaway-client";
import type { ToolContext } from "./tool-context.js";

/** The options a client query takes, from a tool call's context: its signal, budget and progress reporting. */
export function queryOptions({ signal, responseBudget, progress }: ToolContext): QueryOptions {
  return {
    signal,
    responseBudget,
    onProgress: ({ done, total, message }) => progress(done, total, message),
  };
}
