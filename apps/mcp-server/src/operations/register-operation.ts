import type { OperationDeclaration, OperationHandler } from "@hostaway-mcp/domain-models";
import type { HostawayClient } from "@hostaway-mcp/hostaway-client";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import type { CallToolResult, ServerNotification, ServerRequest } from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";
import type { AuditLog, AuditOutcome } from "../audit.js";
import type { Logger } from "../logger.js";
import { failureText, referByToolName } from "./failure-text.js";

export interface OperationDependencies {
  client: HostawayClient;
  /** The implementation of each catalogued operation (domain-models `bindOperations`). */
  handlerOf: (name: string) => OperationHandler<HostawayClient>;
  logger: Logger;
  audit: AuditLog;
  responseBudget: number;
  /** The audit identity when the transport carries none (stdio). */
  defaultCaller: string;
  /** Whether a write may ask the user to approve it (elicitation; stdio only). */
  elicit?: boolean;
}

/** Hints every tool of this server carries: they only read from Hostaway, an outside system. */
export const READ_ONLY_ANNOTATIONS = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: true,
} as const;

/** Write tools: they change Hostaway (a message to a guest), never destroy, and a send repeats safely by draft id. */
function annotationsOf(operation: OperationDeclaration) {
  if (operation.write !== true) return READ_ONLY_ANNOTATIONS;
  return {
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: operation.idempotent === true,
    openWorldHint: true,
  };
}

type HandlerExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/** Asks the user to approve a send, where the client supports elicitation; else says it cannot. */
function confirmer(server: McpServer, enabled: boolean) {
  return async (preview: string): Promise<"accepted" | "declined" | "unsupported"> => {
    if (!enabled || server.server.getClientCapabilities()?.elicitation === undefined) return "unsupported";
    const answer = await server.server.elicitInput({
      message: preview,
      requestedSchema: {
        type: "object",
        properties: { send: { type: "boolean", title: "Send this reply to the guest" } },
        required: ["send"],
      },
    });
    return answer.action === "accept" && answer.content?.send === true ? "accepted" : "declined";
  };
}

/** Sends `notifications/progress` only when the caller asked (a progress token), and only with rising values. */
function progressReporter(extra: HandlerExtra, logger: Logger) {
  const progressToken = extra._meta?.progressToken;
  let last = -1;
  return ({ done, total, message }: { done: number; total?: number | undefined; message: string }) => {
    if (progressToken === undefined || done <= last) return;
    last = done;
    extra
      .sendNotification({
        method: "notifications/progress",
        params: { progressToken, progress: done, ...(total === undefined ? {} : { total }), message },
      })
      .catch((error: unknown) => logger.debug({ err: error }, "progress notification not delivered"));
  };
}

function errorResult(text: string): CallToolResult {
  return { isError: true, content: [{ type: "text", text }] };
}

/**
 * Registers one catalogued operation as a tool (`registerTool` with its zod schemas and explicit annotations) and
 * runs it: the answer goes out as `structuredContent` plus the same JSON as text (notes beside it); a failure is an
 * isError result that says what went wrong and what to do next; guest-data operations write an audit line.
 */
export function registerOperation(
  server: McpServer,
  operation: OperationDeclaration,
  dependencies: OperationDependencies,
): void {
  const { logger, audit } = dependencies;
  const handler = dependencies.handlerOf(operation.name);
  server.registerTool(
    operation.name,
    {
      title: operation.title,
      description: operation.description,
      inputSchema: operation.input as z.ZodType,
      outputSchema: operation.output as z.ZodType,
      annotations: { title: operation.title, ...annotationsOf(operation) },
    },
    async (input: unknown, extra: HandlerExtra): Promise<CallToolResult> => {
      const caller = extra.authInfo?.clientId ?? dependencies.defaultCaller;
      const recordAudit = (outcome: AuditOutcome, output?: unknown): void => {
        if (!operation.auditedBookings) return;
        for (const bookingId of operation.auditedBookings(input as never, output as never)) {
          audit.record({ tool: operation.name, bookingId, caller, outcome });
        }
      };
      const notes: string[] = [];
      try {
        const output = await handler(dependencies.client, input, {
          signal: extra.signal,
          onProgress: progressReporter(extra, logger),
          responseBudget: dependencies.responseBudget,
          onNote: (text) => notes.push(text),
          refer: referByToolName,
          caller,
          confirm: confirmer(server, dependencies.elicit === true),
        });
        const checked = operation.output.safeParse(output);
        if (!checked.success) {
          // A mapper produced something the published schema does not allow: a bug on our side, not the caller's.
          logger.error(
            { tool: operation.name, issues: checked.error.issues },
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
          logger.warn({ tool: operation.name, chars: text.length }, "result exceeds the response budget");
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
        const failure = failureText(operation, input, error, extra.signal);
        if (failure.kind === "internal_error") {
          logger.error({ tool: operation.name, err: error }, "tool failed unexpectedly");
        } else {
          logger.info({ tool: operation.name, errorType: failure.kind, err: error }, "tool call failed");
        }
        recordAudit(
          failure.kind === "not_found" ? "not_found" : failure.kind === "cancelled" ? "cancelled" : "error",
        );
        return errorResult(failure.text);
      }
    },
  );
}
