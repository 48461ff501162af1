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
