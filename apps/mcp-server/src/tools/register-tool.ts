import type { HostawayClient } from "@hostaway-mcp/hostaway-client";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import type { CallToolResult, ServerNotification, ServerRequest } from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";
import type { AuditLog, AuditOutcome } from "../audit.js";
import type { Logger } from "../logger.js";
import { READ_ONLY_ANNOTATIONS, type ToolDefinition } from "./define-tool.js";
import { describeFailure } from "./describe-failure.js";
import type { ToolContext } from "./tool-context.js";

export interface ToolDependencies {
  client: HostawayClient;
  logger: Logger;
  audit: AuditLog;
  responseBudget: number;
  /** The audit identity when the transport carries none (stdio). */
  defaultCaller: string;
}

type HandlerExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/** Sends `notifications/progress` only when the caller asked (a progress token), and only with rising values. */
function progressReporter(extra: HandlerExtra, logger: Logger): ToolContext["progress"] {
  const progressToken = extra._meta?.progressToken;
  let last = -1;
  return (done, total, message) => {
    if (progressToken === undefined || done <= last) return;
    last = done;
    extra
      .sendNotification({
        method: "notifications/progress",
        params: {
          progressToken,
          progress: done,
          ...(total === undefined ? {} : { total }),
          ...(message === undefined ? {} : { message }),
        },
      })
      .catch((error: unknown) => logger.debug({ err: error }, "progress notification not delivered"));
  };
}

function errorResult(text: string): CallToolResult {
  return { isError: true, content: [{ type: "text", text }] };
}

/**
 * Registers one tool with the SDK's `registerTool` (zod input and output schemas, explicit annotations) and wraps
 * its `run`: the result goes out as `structuredContent` plus the same JSON as text; failures become `isError`
 * results that say what went wrong and what to do next; guest-data tools write an audit line.
 */
export function registerHostawayTool<Input extends z.ZodType, Output extends z.ZodType>(
  server: McpServer,
  tool: ToolDefinition<Input, Output>,
  dependencies: ToolDependencies,
): void {
  const { logger, audit } = dependencies;
  server.registerTool(
    tool.name,
    {
      title: tool.title,
      description: tool.description,
      // Widened to the base type so the SDK's callback type does not depend on this function's type parameters.
      inputSchema: tool.inputSchema as z.ZodType,
      outputSchema: tool.outputSchema as z.ZodType,
      annotations: { title: tool.title, ...READ_ONLY_ANNOTATIONS },
    },
    async (input: unknown, extra: HandlerExtra): Promise<CallToolResult> => {
      const parsedInput = input as z.output<Input>;
      const caller = extra.authInfo?.clientId ?? dependencies.defaultCaller;
      const recordAudit = (outcome: AuditOutcome, output?: z.output<Output>): void => {
        if (!tool.auditedBookings) return;
        for (const bookingId of tool.auditedBookings(parsedInput, output)) {
          audit.record({ tool: tool.name, bookingId, caller, outcome });
        }
      };
      const notes: string[] = [];
      const context: ToolContext = {
        client: dependencies.client,
        logger,
        signal: extra.signal,
        progress: progressReporter(extra, logger),
        responseBudget: dependencies.responseBudget,
        addNote: (text) => notes.push(text),
      };
      try {
        const output = await tool.run(parsedInput, context);
        const checked = tool.outputSchema.safeParse(output);
        if (!checked.success) {
          // A mapper produced something the published schema does not allow: a bug on our side, not the caller's.
          logger.error(
            { tool: tool.name, issues: checked.error.issues },
            "tool output does not match its schema",
          );
          recordAudit("error");
          return errorResult(
            "internal_error: The server built an answer that does not match its own output schema (logged). " +
              "Next step: retry once; if it fails again, report it to the server's operator.",
          );
        }
        const text = JSON.stringify(output);
        if (text.length > dependencies.responseBudget) {
          logger.warn({ tool: tool.name, chars: text.length }, "result exceeds the response budget");
        }
        recordAudit("success", checked.data);
        return {
          content: [
            { type: "text", text },
            ...notes.map((note) => ({ type: "text" as const, text: `Note: ${note}` })),
          ],
          structuredContent: output as Record<string, unknown>,
        };
      } catch (error) {
        const failure = describeFailure(error, tool.notFound(parsedInput), extra.signal);
        if (failure.errorType === "internal_error") {
          logger.error({ tool: tool.name, err: error }, "tool failed unexpectedly");
        } else {
          logger.info({ tool: tool.name, errorType: failure.errorType, err: error }, "tool call failed");
        }
        recordAudit(
          failure.errorType === "not_found"
            ? "not_found"
            : failure.errorType === "cancelled"
              ? "cancelled"
              : "error",
        );
        return errorResult(`${failure.errorType}: ${failure.problem} Next step: ${failure.nextStep}`);
      }
    },
  );
}
