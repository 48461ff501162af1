import type { ErrorType } from "@hostaway-mcp/domain-models";

const BRAND = Symbol.for("hostaway-mcp.guest-reply-refusal");

/** Why a draft or a send was refused; each says what to do instead. */
export type RefusalReason =
  | "no_conversation"
  | "channel_not_available"
  | "unknown_draft"
  | "expired"
  | "other_caller"
  | "not_confirmed"
  | "declined"
  | "guest_wrote_again"
  | "unknown_outcome"
  | "in_progress";

/**
 * A refused guest reply. `errorType` is the toolkit's vocabulary, so both edges describe it with the one describer
 * (`not_found` for an unknown draft, `validation_error` for what the caller can fix, `upstream_error` when a send's
 * outcome is unknown); the message names the problem and the next step.
 */
export class GuestReplyRefusal extends Error {
  override readonly name = "GuestReplyRefusal";
  readonly reason: RefusalReason;
  readonly errorType: ErrorType;
  readonly isRetryable = false;
  readonly issues: readonly { field: string; message: string }[] = [];

  constructor(reason: RefusalReason, message: string) {
    super(message);
    this.reason = reason;
    this.errorType =
      reason === "unknown_draft"
        ? "not_found"
        : reason === "unknown_outcome"
          ? "upstream_error"
          : "validation_error";
    Object.defineProperty(this, BRAND, { value: true });
  }

  static isInstance(error: unknown): error is GuestReplyRefusal {
    return typeof error === "object" && error !== null && BRAND in error;
  }
}
