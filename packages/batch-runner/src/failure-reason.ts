import type { ErrorType } from "@hostaway-mcp/domain-models";
import { HostawayError } from "@hostaway-mcp/hostaway-client";
import { BatchItemError } from "./batch-item-error.js";
import { isZodError } from "./classify-error.js";
import { redactMessage } from "./redact.js";

/**
 * Why an item failed, as a short phrase for `error_message` ("not found in Hostaway (HTTP 404)"). The client's
 * messages name the upstream request (`GET /reservations/1: …`) and may quote Hostaway's own text; neither belongs
 * in an answer to an agent, so a client error is described by its type and HTTP status alone. Our own words (a
 * worker's `BatchItemError`, an argument the client refused before sending, a schema failure's field paths) are
 * kept; anything else is a bug, named with its redacted message.
 */
export function failureReason(error: unknown, errorType: ErrorType): string {
  if (HostawayError.isInstance(error)) return clientErrorReason(error);
  if (BatchItemError.isInstance(error)) return redactMessage(withoutRequestPrefix(error.message));
  if (isZodError(error)) {
    const issues = error.issues
      .slice(0, 3)
      .map(
        (issue) =>
          `${issue.path?.length ? issue.path.map(String).join(".") : "(root)"}: ${issue.message ?? "invalid"}`,
      )
      .join("; ");
    return redactMessage(`the data did not match the expected shape (${issues})`);
  }
  if (errorType === "timeout") return "no answer came in time";
  if (error instanceof Error) {
    return redactMessage(`${error.name}: ${withoutRequestPrefix(error.message || "(no message)")}`);
  }
  return `failed with a non-error value (${typeof error})`;
}

function clientErrorReason(error: HostawayError): string {
  const status = (error as { status?: unknown }).status;
  const http = typeof status === "number" ? ` (HTTP ${status})` : "";
  switch (error.errorType) {
    case "not_found":
      return `not found in Hostaway${http}`;
    case "unauthorized":
      // REFERENCE.md §2: the token request is where the account id and secret are checked.
      return error.path === "/accessTokens"
        ? `Hostaway rejected the account id or secret key${http}`
        : `Hostaway refused access${http}`;
    case "validation_error":
      // An argument the client refused before sending: its text is ours and names the field, never the value.
      return error.code === "HOSTAWAY_INVALID_ARGUMENT"
        ? redactMessage(withoutRequestPrefix(error.message))
        : `Hostaway rejected the request as invalid${http}`;
    case "rate_limit":
      return `Hostaway's rate limit was reached${http}`;
    case "timeout":
      return "Hostaway did not answer in time";
    case "upstream_error":
      return upstreamReason(error, http);
    default:
      return "the request was cancelled";
  }
}

function upstreamReason(error: HostawayError, http: string): string {
  if (error.code === "HOSTAWAY_NETWORK_ERROR") {
    const networkCode = (error as { networkCode?: unknown }).networkCode;
    return `the connection to Hostaway failed${typeof networkCode === "string" ? ` (${networkCode})` : ""}`;
  }
  if (error.code === "HOSTAWAY_RESPONSE_INVALID") return "Hostaway's answer did not have the expected shape";
  if (error.code === "HOSTAWAY_MALFORMED_RESPONSE") return `Hostaway sent an unreadable answer${http}`;
  return `Hostaway failed${http}`;
}

/** `GET /reservations/1: not found` → `not found`: the upstream method and path stay out of answers. */
export function withoutRequestPrefix(message: string): string {
  return message.replace(/^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \/\S*: /, "");
}
