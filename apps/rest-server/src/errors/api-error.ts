import type { ErrorType } from "@hostaway-mcp/domain-models";

/**
 * An error this app answers with: the HTTP status, the shared `ErrorType`, a message a caller can act on, and
 * optional structured details. The one error middleware turns it into `{ "error": { type, message, details } }`.
 */
export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly status: number,
    readonly type: ErrorType,
    message: string,
    readonly details: Record<string, unknown> | null = null,
    /** Extra response headers, e.g. `Retry-After`. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** One problem with one input field. */
export interface FieldIssue {
  /** The query or path parameter, e.g. `limit` or `property_ids[3]`. */
  field: string;
  /** What is wrong and what is allowed, as a phrase that names the field. */
  message: string;
}

/** 400 for input that does not match the route's request schema. */
export function badRequest(issues: readonly FieldIssue[], extra: Record<string, unknown> = {}): ApiError {
  const summary = issues.map((issue) => issue.message).join("; ");
  return new ApiError(400, "validation_error", `Invalid request: ${summary}`, { issues, ...extra });
}
