import type { ErrorType } from "@hostaway-mcp/domain-models";
import { HostawayError } from "@hostaway-mcp/hostaway-client";
import { BatchItemError } from "./batch-item-error.js";

/**
 * The `error_type` of a failed item: the client's own classification when the error is a `HostawayError`,
 * cancellations and timeouts → `timeout`, schema (zod) failures → `validation_error`, anything else →
 * `internal_error` (a bug, not Hostaway's answer).
 */
export function classifyError(error: unknown): ErrorType {
  if (HostawayError.isInstance(error)) return error.errorType;
  if (BatchItemError.isInstance(error)) return error.errorType;
  if (isAbortOrTimeout(error)) return "timeout";
  if (isZodError(error)) return "validation_error";
  return "internal_error";
}

/** `AbortError` (fetch, got, `AbortSignal.abort()`) and `TimeoutError` (`AbortSignal.timeout()`). */
export function isAbortOrTimeout(error: unknown): boolean {
  const name = errorName(error);
  return name === "AbortError" || name === "TimeoutError";
}

/** Duck-typed, so it holds whichever zod copy (classic or core, any install) threw it. */
export function isZodError(error: unknown): error is { issues: ZodIssueLike[] } {
  return errorName(error) === "ZodError" && Array.isArray((error as { issues?: unknown }).issues);
}

export interface ZodIssueLike {
  path?: PropertyKey[];
  message?: string;
}

function errorName(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const name = (error as { name?: unknown }).name;
  return typeof name === "string" ? name : undefined;
}
