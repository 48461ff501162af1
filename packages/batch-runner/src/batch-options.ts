import type { BatchItemId, BatchProgress, RunBatchOptions } from "./types.js";

// setTimeout fires at once for delays above 2^31-1 ms, which would turn a long deadline into none at all.
const maxTimerMs = 2_147_483_647;
export const defaultAbortGraceMs = 50;

/**
 * The whole batch's time limit when the caller sets none, so a batch always answers, with the items it could not
 * start reported as not attempted. Sized for the largest batch at Hostaway's pace: 50 bookings at 15 requests per
 * 10 s per IP (REFERENCE.md §4) take four windows, ~31 s with the token request and the limiter's safety margin,
 * plus the responses' latency; 45 s leaves room for that and stays under the 60 s an MCP client waits by default.
 * `deadlineMs: Infinity` turns it off.
 */
export const DEFAULT_BATCH_DEADLINE_MS = 45_000;
export const defaultNotFoundHint = "check that the id exists in this Hostaway account";

export interface BatchSettings<Id extends BatchItemId> {
  itemTimeoutMs: number | undefined;
  deadlineMs: number | undefined;
  signal: AbortSignal | undefined;
  onProgress: ((progress: BatchProgress) => void) | undefined;
  concurrency: number;
  describeItem: (id: Id) => string;
  notFoundHint: string;
  abortGraceMs: number;
}

/** Checks the options once, up front: a bad option is a clear `TypeError`/`RangeError` naming it, never a crash later. */
export function batchSettings<Id extends BatchItemId>(options: RunBatchOptions<Id>): BatchSettings<Id> {
  checkOptionsObject(options, "runBatch");
  return {
    itemTimeoutMs: optionalDuration(options.itemTimeoutMs, "itemTimeoutMs", 1),
    deadlineMs: deadlineOf(options.deadlineMs),
    signal: optionalSignal(options.signal),
    onProgress: optionalFunction(options.onProgress, "onProgress"),
    concurrency: concurrencyOf(options.concurrency),
    describeItem: optionalFunction(options.describeItem, "describeItem") ?? ((id: Id) => `item ${id}`),
    notFoundHint: optionalText(options.notFoundHint, "notFoundHint") ?? defaultNotFoundHint,
    abortGraceMs: optionalDuration(options.abortGraceMs, "abortGraceMs", 0) ?? defaultAbortGraceMs,
  };
}

export function checkOptionsObject(options: unknown, caller: string): asserts options is object {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(`${caller}: options must be an object, got ${describeValue(options)}`);
  }
}

/** Checks the ids: an array of numbers or non-empty strings. */
export function checkIds(ids: unknown): asserts ids is readonly BatchItemId[] {
  if (!Array.isArray(ids)) throw new TypeError(`runBatch: ids must be an array, got ${describeValue(ids)}`);
  ids.forEach((id, index) => {
    const valid =
      (typeof id === "number" && Number.isFinite(id)) || (typeof id === "string" && id.trim().length > 0);
    if (!valid) {
      throw new TypeError(
        `runBatch: ids[${index}] must be a finite number or a non-empty string, got ${describeValue(id)}`,
      );
    }
  });
}

function optionalDuration(value: unknown, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > maxTimerMs) {
    throw new RangeError(
      `runBatch: ${name} must be a number of milliseconds from ${min} to ${maxTimerMs}, got ${describeValue(value)}`,
    );
  }
  return value;
}

/** `undefined` = the default deadline; `Infinity` = none (undefined below); otherwise 1 ms to the timer maximum. */
function deadlineOf(value: unknown): number | undefined {
  if (value === Number.POSITIVE_INFINITY) return undefined;
  if (value === undefined) return DEFAULT_BATCH_DEADLINE_MS;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 1 || value > maxTimerMs) {
    throw new RangeError(
      `runBatch: deadlineMs must be a number of milliseconds from 1 to ${maxTimerMs}, or Infinity for no deadline, got ${describeValue(value)}`,
    );
  }
  return value;
}

function concurrencyOf(value: unknown): number {
  if (value === undefined) return Number.POSITIVE_INFINITY;
  const valid =
    value === Number.POSITIVE_INFINITY ||
    (typeof value === "number" && Number.isInteger(value) && value >= 1);
  if (!valid) {
    throw new RangeError(
      `runBatch: concurrency must be an integer ≥ 1 (or Infinity), got ${describeValue(value)}`,
    );
  }
  return value as number;
}

function optionalSignal(value: unknown): AbortSignal | undefined {
  if (value === undefined) return undefined;
  if (!(value instanceof AbortSignal)) {
    throw new TypeError(`runBatch: signal must be an AbortSignal, got ${describeValue(value)}`);
  }
  return value;
}

// biome-ignore lint/suspicious/noExplicitAny: the caller's own function type is preserved.
function optionalFunction<F extends (...args: any[]) => unknown>(
  value: F | undefined,
  name: string,
): F | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "function")
    throw new TypeError(`runBatch: ${name} must be a function, got ${describeValue(value)}`);
  return value;
}

function optionalText(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.trim() === "") {
    throw new TypeError(`runBatch: ${name} must be a non-empty string, got ${describeValue(value)}`);
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  return typeof value;
}
