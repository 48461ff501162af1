import type { HostawayClient } from "@hostaway-mcp/hostaway-client";
import type { Logger } from "../logger.js";

/** What a tool's `run` gets besides its parsed input. */
export interface ToolContext {
  client: HostawayClient;
  logger: Logger;
  /** Aborts when the MCP client cancels the call or disconnects; passed to every upstream request. */
  signal: AbortSignal;
  /**
   * Reports progress to the MCP client when it asked for it (sent a progress token); a no-op otherwise.
   * `total` is optional when unknown.
   */
  progress(done: number, total?: number, message?: string): void;
  /** Most characters one result may serialise to; pages shrink (with a cursor and a note) to fit. */
  responseBudget: number;
  /**
   * Adds a note for the agent beside the JSON (a second text block), for outputs whose schema has no `note`
   * field: e.g. that a batch answer left items out to fit the response budget, and how to get them.
   */
  addNote(text: string): void;
}
