import type { OperationDeclaration } from "@hostaway-mcp/domain-models";
import { describeError } from "@hostaway-mcp/hostaway-client";

/** An MCP tool names other operations by their tool names. */
export const referByToolName = (operationName: string): string => operationName;

/** What a failed tool call says: `<error_type>: <problem> Next step: <what to do>`. */
export interface FailureText {
  /** The error type, or `cancelled` for the caller's own cancellation. */
  kind: string;
  text: string;
}

/**
 * A failure as an isError result's text. The client's describer classifies it and says what went wrong; this app
 * adds only its own next step: the operation's not-found wording (through its tool names), or the step that fits
 * the error type.
 */
export function failureText(
  operation: OperationDeclaration,
  input: unknown,
  error: unknown,
  signal: AbortSignal,
): FailureText {
  const described = describeError(error);
  if (signal.aborted || described.cancelled) {
    return {
      kind: "cancelled",
      text: "cancelled: The call was cancelled before it finished. Next step: call the tool again if you still need the answer.",
    };
  }
  const say = (problem: string, nextStep: string) => ({
    kind: described.error_type,
    text: `${described.error_type}: ${problem} Next step: ${nextStep}`,
  });
  switch (described.error_type) {
    case "validation_error": {
      const field = described.issues[0]?.field.replace(/^criteria\./, "");
      if (field === undefined || described.issues.length === 0) {
        return say(
          `${capitalise(described.message)}.`,
          "check the arguments against the tool's input schema and call again.",
        );
      }
      const messages = described.issues.map((issue) => issue.message).join("; ");
      return say(`Invalid argument \`${field}\`: ${messages}`, `fix \`${field}\` and call the tool again.`);
    }
    case "not_found": {
      const { problem, nextStep } = operation.notFound(input as never, referByToolName);
      return say(problem, nextStep);
    }
    case "rate_limit": {
      const seconds = Math.max(1, Math.ceil((described.retry_after_ms ?? 10_000) / 1000));
      return say(
        "Hostaway's rate limit was reached (15 requests per 10 s per IP, 20 per account).",
        `retry in ${seconds} seconds.`,
      );
    }
    case "timeout":
      return say(
        "Hostaway did not answer in time.",
        "retry in a few seconds; for batches or searches, ask for fewer items.",
      );
    case "unauthorized":
      return say(
        "Hostaway rejected this server's credentials.",
        "retrying will not help: the server's operator must check HOSTAWAY_ACCOUNT_ID and HOSTAWAY_SECRET_KEY.",
      );
    case "upstream_error":
      return say(
        `Hostaway failed to answer properly (${described.message}).`,
        "retry in a minute; if it keeps failing, Hostaway may be having an outage.",
      );
    default:
      return say(
        "An unexpected error occurred in the MCP server (details are in its log).",
        "retry once; if it fails again, report it to the server's operator.",
      );
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
