import type { ErrorType } from "@hostaway-mcp/domain-models";

const brand = Symbol.for("hostaway-mcp.batch-item-error");

/**
 * An error a worker throws to fail one item with a known `error_type`, for failures the worker detects itself
 * (an id missing from a complete listing index is `not_found` without any request for it).
 */
export class BatchItemError extends Error {
  readonly [brand] = true;
  override readonly name = "BatchItemError";

  constructor(
    readonly errorType: ErrorType,
    message: string,
  ) {
    super(message);
  }

  /** Survives duplicate installs of this package, unlike `instanceof`. */
  static isInstance(value: unknown): value is BatchItemError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}
