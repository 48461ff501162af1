import type { z } from "zod";

const BRAND = Symbol.for("hostaway-mcp.timeline-validation-error");

/**
 * Bad input to `getConversationHistory` or `searchMessages` (a limit out of range, an end date before the start
 * date, a search without any criterion). Thrown before any upstream request is made. `field` names the offending
 * input (`limit`, `criteria.start_date`, …) and the message says what is allowed. `errorType` is
 * `validation_error`, the same vocabulary as the client's errors, so a server can map both the same way.
 */
export class TimelineValidationError extends Error {
  override readonly name = "TimelineValidationError";
  readonly code = "TIMELINE_VALIDATION";
  readonly errorType = "validation_error" as const;
  readonly isRetryable = false;
  /** The offending input, as a dotted path (`limit`, `criteria.end_date`). */
  readonly field: string;
  /** Every problem found, when the input was checked by a schema. */
  readonly issues: readonly { field: string; message: string }[];

  constructor(field: string, message: string, issues?: readonly { field: string; message: string }[]) {
    super(`${field}: ${message}`);
    this.field = field;
    this.issues = issues ?? [{ field, message }];
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** Works across duplicate installs of this package, unlike `instanceof`. */
  static isInstance(error: unknown): error is TimelineValidationError {
    return typeof error === "object" && error !== null && BRAND in error;
  }

  /** Turns a zod error into one validation error that names the first offending field under `prefix`. */
  static fromZod(prefix: string, error: z.ZodError): TimelineValidationError {
    const issues = error.issues.map((issue) => ({
      field: [prefix, ...issue.path.map(String)].filter((part) => part !== "").join("."),
      message: issue.message,
    }));
    const first = issues[0] ?? { field: prefix, message: "invalid input" };
    return new TimelineValidationError(first.field, first.message, issues);
  }
}
