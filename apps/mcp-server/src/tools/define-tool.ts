import type { z } from "zod";
import type { ToolContext } from "./tool-context.js";

export interface NotFoundExplanation {
  problem: string;
  nextStep: string;
}

/** Hints every tool of this server carries: they only read from Hostaway, an outside system. */
export const READ_ONLY_ANNOTATIONS = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: true,
} as const;

/**
 * One MCP tool: its public face (name, title, description, input and output schemas) and what it does.
 * `run` returns the wire object; registration adds the `structuredContent` + text result, the error mapping,
 * progress and the audit line.
 */
export interface ToolDefinition<Input extends z.ZodType = z.ZodType, Output extends z.ZodType = z.ZodType> {
  name: string;
  title: string;
  description: string;
  inputSchema: Input;
  outputSchema: Output;
  /**
   * For tools that read guest data (contact details, messages): the bookings the audit lines name, one line each
   * (`null` when the access is not tied to one booking). `output` is absent when the call failed. Tools without it
   * are not audited.
   */
  auditedBookings?: (input: z.output<Input>, output?: z.output<Output>) => Array<number | null>;
  /** What a not-found answer from Hostaway means for this input, and which tool lists valid ids. */
  notFound: (input: z.output<Input>) => NotFoundExplanation;
  run(input: z.output<Input>, context: ToolContext): Promise<z.output<Output>>;
}

/** Keeps each tool file's types checked against its own schemas. */
export function defineTool<Input extends z.ZodType, Output extends z.ZodType>(
  definition: ToolDefinition<Input, Output>,
): ToolDefinition<Input, Output> {
  return definition;
}
