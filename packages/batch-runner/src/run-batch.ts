import type { BatchFailure, PartialFailureResponse } from "@hostaway-mcp/domain-models";
import { buildBatchSummary } from "@hostaway-mcp/domain-models";
import { describeError } from "@hostaway-mcp/hostaway-client";
import { notAttemptedNote } from "./batch-note.js";
import { type BatchSettings, batchSettings, checkIds } from "./batch-options.js";
import { BatchStop, ItemStop, stopCauseOf } from "./batch-stops.js";
import { describeFailure, rateLimitWaitSeconds } from "./describe-failure.js";
import type { ItemFailure, ItemOutcome } from "./item-outcome.js";
import { NoAnswerError, settleWithin } from "./settle-within.js";
import type { BatchItemId, BatchWorker, RunBatchOptions } from "./types.js";

/**
 * Runs `worker` once per distinct id and returns every id's fate as data: `successful_results` (in input order),
 * `failed_items` (each with an `error_type`, a redacted message and a remediation) and a `summary`.
 *
 * - Duplicate ids run and answer once; `summary.total_attempted` is the number of distinct ids.
 * - A failure never cancels or rolls back the others; the promise only rejects on bad arguments.
 * - Items that could not start before the deadline or the caller's abort are failed items of type `timeout`
 *   whose remediation says they were not attempted, so every id in is accounted for in the answer; the answer's
 *   `note` then says how many were not attempted and that they are safe to retry (otherwise it is null).
 */
export async function runBatch<Id extends BatchItemId, T>(
  ids: readonly Id[],
  worker: BatchWorker<Id, T>,
  options: RunBatchOptions<Id> = {},
): Promise<PartialFailureResponse<T>> {
  checkIds(ids);
  if (typeof worker !== "function")
    throw new TypeError(`runBatch: worker must be a function, got ${typeof worker}`);
  const settings = batchSettings(options);
  const distinct = distinctIds(ids);
  const outcomes = new Array<ItemOutcome<T>>(distinct.length);
  const batchStop = new BatchStop(settings.deadlineMs, settings.signal);
  let done = 0;

  try {
    await forEachWithConcurrency(distinct.length, settings.concurrency, async (index) => {
      outcomes[index] = await runItem(distinct[index] as Id, worker, batchStop.signal, settings);
      done += 1;
      reportProgress(settings, done, distinct.length);
    });
  } finally {
    batchStop.dispose();
  }
  return assemble(distinct, outcomes, settings);
}

/** First occurrence wins; "42" and 42 name the same Hostaway item. */
function distinctIds<Id extends BatchItemId>(ids: readonly Id[]): Id[] {
  const seen = new Set<string>();
  return ids.filter((id) => {
    const key = String(id);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function runItem<Id extends BatchItemId, T>(
  id: Id,
  worker: BatchWorker<Id, T>,
  batchSignal: AbortSignal,
  settings: BatchSettings<Id>,
): Promise<ItemOutcome<T>> {
  if (batchSignal.aborted) {
    return {
      ok: false,
      error: batchSignal.reason,
      errorType: "timeout",
      notAttempted: true,
      stopCause: stopCauseOf(batchSignal),
    };
  }
  const itemStop = new ItemStop(batchSignal, settings.itemTimeoutMs);
  const signal = itemStop.signal;
  try {
    const value = await settleWithin(
      () => worker(id, { signal, batchSignal }),
      signal,
      settings.abortGraceMs,
    );
    return { ok: true, value };
  } catch (error) {
    if (signal.aborted && isStopError(error)) {
      return {
        ok: false,
        error,
        errorType: "timeout",
        notAttempted: wasNotSent(error),
        stopCause: stopCauseOf(signal),
      };
    }
    const errorType = describeError(error).error_type;
    // The client's own deadline can also pass while a request still waits in its limiter (`sent: false`).
    return {
      ok: false,
      error,
      errorType,
      notAttempted: errorType === "timeout" && wasNotSent(error),
      stopCause: undefined,
    };
  } finally {
    itemStop.dispose();
  }
}

/** `AbortError` (fetch, got, `AbortSignal.abort()`) and `TimeoutError` (`AbortSignal.timeout()`). */
function isAbortOrTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === "AbortError" || name === "TimeoutError";
}

/** The worker gave up because its signal aborted (rather than failing for a reason of its own). */
function isStopError(error: unknown): boolean {
  return error instanceof NoAnswerError || isAbortOrTimeout(error) || hasSentFlag(error);
}

/** `sent === false` (HostawayAbortError, HostawayTimeoutError): the request was still queued, nothing left. */
function wasNotSent(error: unknown): boolean {
  return hasSentFlag(error) && (error as { sent: boolean }).sent === false;
}

function hasSentFlag(error: unknown): boolean {
  return typeof (error as { sent?: unknown } | null)?.sent === "boolean";
}

/** Runs `task(0..count-1)` with at most `limit` in flight; `Infinity` starts them all at once. */
async function forEachWithConcurrency(
  count: number,
  limit: number,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, lane));
}

function reportProgress<Id extends BatchItemId>(
  settings: BatchSettings<Id>,
  done: number,
  total: number,
): void {
  try {
    settings.onProgress?.({ done, total });
  } catch {
    // A broken progress listener must not turn into a failed item or a rejected batch.
  }
}

function assemble<Id extends BatchItemId, T>(
  ids: readonly Id[],
  outcomes: readonly ItemOutcome<T>[],
  settings: BatchSettings<Id>,
): PartialFailureResponse<T> {
  const successful: T[] = [];
  const failures: Array<{ id: Id; failure: ItemFailure }> = [];
  ids.forEach((id, index) => {
    const outcome = outcomes[index];
    if (outcome === undefined)
      throw new Error(`batch-runner bug: item ${index} of ${ids.length} never settled`);
    if (outcome.ok) successful.push(outcome.value);
    else failures.push({ id, failure: outcome });
  });

  const retryIds = failures
    .filter(({ failure }) => failure.errorType === "rate_limit" || failure.errorType === "timeout")
    .map(({ id }) => id);
  const batchRateLimitWaitSeconds = Math.max(
    0,
    ...failures
      .filter(({ failure }) => failure.errorType === "rate_limit" && !failure.notAttempted)
      .map(({ failure }) => rateLimitWaitSeconds(failure.error)),
  );
  const limits = { itemTimeoutMs: settings.itemTimeoutMs, deadlineMs: settings.deadlineMs };
  const described = failures.map(({ id, failure }) => ({
    id,
    failure,
    described: describeFailure(id, failure, {
      label: labelOf(id, settings),
      notFoundHint: settings.notFoundHint,
      retryIds,
      batchRateLimitWaitSeconds,
      ...limits,
    }),
  }));
  const failed: BatchFailure[] = described.map((item) => item.described);
  const note = notAttemptedNote(
    described.filter(({ failure }) => failure.notAttempted),
    ids.length,
    limits,
  );

  const summary = buildBatchSummary(successful.length, failed.length);
  assertAccounted(ids.length, successful.length, failed.length, summary);
  return { successful_results: successful, failed_items: failed, summary, note };
}

/** A throwing `describeItem` must not lose the whole answer. */
function labelOf<Id extends BatchItemId>(id: Id, settings: BatchSettings<Id>): string {
  try {
    const label = settings.describeItem(id);
    if (typeof label === "string" && label.trim() !== "") return label;
  } catch {
    // fall through to the neutral label
  }
  return `item ${id}`;
}

/** The promise of this package: every distinct id in is exactly one result or one failure out. */
function assertAccounted(
  distinct: number,
  succeeded: number,
  failed: number,
  summary: { total_attempted: number; succeeded: number; failed: number },
): void {
  const consistent =
    succeeded + failed === distinct &&
    summary.total_attempted === distinct &&
    summary.succeeded === succeeded &&
    summary.failed === failed;
  if (!consistent) {
    throw new Error(
      `batch-runner bug: ${distinct} distinct ids but ${succeeded} succeeded + ${failed} failed (summary ${JSON.stringify(summary)})`,
    );
  }
}
