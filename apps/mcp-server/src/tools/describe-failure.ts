import type { ErrorType } from "@hostaway-mcp/domain-models";
import { HostawayError } from "@hostaway-mcp/hostaway-client";
import { TimelineValidationError } from "@hostaway-mcp/message-timeline";
import type { NotFoundExplanation } from "./define-tool.js";

/** A failed tool call in words: what went wrong and what to do next. */
export interface FailureDescription {
  errorType: ErrorType | "cancelled";
  problem: string;
  nextStep: string;
  /** For rate limits: how long to wait before retrying. */
  retryAfterSeconds: number | null;
}

/** Hostaway's windows are 10 s long (REFERENCE.md §4), so one window is the longest a 429 can last. */
const DEFAULT_RETRY_AFTER_SECONDS = 10;

/**
 * Maps anything a tool can throw to a description an agent can act on. Client errors carry their own
 * classification (`errorType`); their messages name method and path only, never secrets or contact data.
 */
export function describeFailure(
  error: unknown,
  notFound: NotFoundExplanation,
  signal?: AbortSignal,
): FailureDescription {
  if (isZodError(error)) {
    // e.g. decodeCursor's "not a valid next_cursor", whose issue path names the field.
    const issue = error.issues[0];
    const field = issue?.path?.map(String).join(".") || "arguments";
    return {
      errorType: "validation_error",
      problem: `Invalid argument \`${field}\`: ${error.issues.map((each) => each.message).join("; ")}`,
      nextStep: `fix \`${field}\` and call the tool again.`,
      retryAfterSeconds: null,
    };
  }
  if (TimelineValidationError.isInstance(error)) {
    const field = error.field.replace(/^criteria\./, "");
    return {
      errorType: "validation_error",
      problem: `Invalid argument \`${field}\`: ${error.issues.map((issue) => issue.message).join("; ")}`,
      nextStep: `fix \`${field}\` and call the tool again.`,
      retryAfterSeconds: null,
    };
  }
  if (signal?.aborted || (HostawayError.isInstance(error) && error.code === "HOSTAWAY_ABORTED")) {
    return {
      errorType: "cancelled",
      problem: "The call was cancelled before it finished.",
      nextStep: "call the tool again if you still need the answer.",
      retryAfterSeconds: null,
    };
  }
  if (HostawayError.isInstance(error)) {
    switch (error.errorType) {
      case "not_found":
        return {
          errorType: "not_found",
          problem: notFound.problem,
          nextStep: notFound.nextStep,
          retryAfterSeconds: null,
        };
      case "rate_limit": {
        const retryAfterMs = (error as { retryAfterMs?: number }).retryAfterMs;
        const seconds =
          retryAfterMs === undefined
            ? DEFAULT_RETRY_AFTER_SECONDS
            : Math.max(1, Math.ceil(retryAfterMs / 1000));
        return {
          errorType: "rate_limit",
          problem: "Hostaway's rate limit was reached (15 requests per 10 s per IP, 20 per account).",
          nextStep: `retry in ${seconds} seconds.`,
          retryAfterSeconds: seconds,
        };
      }
      case "timeout":
        return {
          errorType: "timeout",
          problem: "Hostaway did not answer in time.",
          nextStep: "retry in a few seconds; for batches or searches, ask for fewer items.",
          retryAfterSeconds: null,
        };
      case "unauthorized":
        return {
          errorType: "unauthorized",
          problem: "Hostaway rejected this server's credentials.",
          nextStep:
            "retrying will not help: the server's operator must check HOSTAWAY_ACCOUNT_ID and HOSTAWAY_SECRET_KEY.",
          retryAfterSeconds: null,
        };
      case "validation_error":
        return {
          errorType: "validation_error",
          problem: `Hostaway refused the request (${error.message}).`,
          nextStep: "check the arguments against the tool's input schema and call again.",
          retryAfterSeconds: null,
        };
      default:
        return {
          errorType: error.errorType === "internal_error" ? "internal_error" : "upstream_error",
          problem: `Hostaway failed to answer properly (${error.message}).`,
          nextStep: "retry in a minute; if it keeps failing, Hostaway may be having an outage.",
          retryAfterSeconds: null,
        };
    }
  }
  return {
    errorType: "internal_error",
    problem: "An unexpected error occurred in the MCP server (details are in its log).",
    nextStep: "retry once; if it fails again, report it to the server's operator.",
    retryAfterSeconds: null,
  };
}

/** Duck-typed so it holds for any zod copy that threw it. */
function isZodError(error: unknown): error is { issues: Array<{ path?: PropertyKey[]; message: string }> } {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { name?: unknown }).name === "ZodError" &&
    Array.isArray((error as { issues?: unknown }).issues)
  );
}
