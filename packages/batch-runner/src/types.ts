/** Ids a batch accepts: Hostaway ids are integers, but callers may hold them as strings. */
export type BatchItemId = number | string;

/** What `onProgress` receives after each item settles (succeeded, failed or not attempted). */
export interface BatchProgress {
  /** Distinct items settled so far. */
  done: number;
  /** Distinct items in the batch (= `summary.total_attempted`). */
  total: number;
}

/** What a worker receives beside the id. */
export interface BatchWorkerContext {
  /**
   * Aborts when this item's timeout fires, the batch deadline passes or the caller aborts.
   * Pass it to every client call so a request still waiting for the limiter is dropped.
   */
  signal: AbortSignal;
  /** Aborts only on the batch deadline or the caller's abort: for work shared by every item (an index walk). */
  batchSignal: AbortSignal;
}

/** Fetches one item. Throwing (or rejecting) makes the item a failure; it never affects the other items. */
export type BatchWorker<Id extends BatchItemId, T> = (id: Id, context: BatchWorkerContext) => Promise<T>;

export interface RunBatchOptions<Id extends BatchItemId = BatchItemId> {
  /**
   * Per-item time limit in ms, counted from the worker's start (so it includes time spent waiting for the
   * client's limiter). Default: none — the client's own per-request timeout bounds each request.
   */
  itemTimeoutMs?: number;
  /**
   * Overall time limit in ms for the whole batch: items in flight then get no answer (`timeout`), items not started
   * are reported as not attempted. Default: `DEFAULT_BATCH_DEADLINE_MS` (45 000, room for 50 requests at Hostaway's
   * pace). `Infinity` turns the deadline off (`0` is rejected: it would fail every item at once).
   */
  deadlineMs?: number;
  /** The caller's cancellation. Items not started (or still queued in the client) are reported as not attempted. */
  signal?: AbortSignal;
  /** Called after each distinct item settles. Errors thrown by the callback are ignored. */
  onProgress?: (progress: BatchProgress) => void;
  /**
   * Most items in flight at once. Default: all at once — the client's limiter is what bounds upstream
   * concurrency, and a second limiter here would only fight it. Set it only for workers without a limiter.
   */
  concurrency?: number;
  /** How messages name an item, e.g. `(id) => \`property ${id}\``. Default: `item <id>`. */
  describeItem?: (id: Id) => string;
  /**
   * The next step a not-found item's remediation suggests, in the caller's own terms (an MCP tool name, a REST
   * route), e.g. "list valid property ids with GET /api/listings". Default: "check that the id exists in this
   * Hostaway account"; `batchGetProperties` and `batchGetBookings` default to a neutral step without names.
   */
  notFoundHint?: string;
  /**
   * How long (ms) to wait, after an item's signal aborts, for the worker to settle by itself so its error can
   * say whether a request was sent. A worker that ignores its signal is abandoned after this. Default: 50.
   */
  abortGraceMs?: number;
}
