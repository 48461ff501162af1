/** Thrown when a worker ignored its aborted signal and was abandoned after the grace period. */
export class NoAnswerError extends Error {
  override readonly name = "NoAnswerError";
  constructor() {
    super("the worker did not settle after its signal aborted");
  }
}

/**
 * Runs `run` and settles with its result. Once `signal` aborts, the worker still gets `graceMs` to settle by itself
 * (its error says whether a request had left, which "not attempted" depends on); after that it is abandoned with a
 * `NoAnswerError`, so one worker that ignores its signal cannot hold the whole batch past its deadline.
 * It adds one listener to `signal`: give each concurrent call a signal of its own (`ItemStop` does).
 */
export function settleWithin<T>(run: () => Promise<T>, signal: AbortSignal, graceMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = () => {
      graceTimer = setTimeout(() => reject(new NoAnswerError()), graceMs);
    };
    // A worker that throws synchronously rejects like an async one.
    Promise.resolve()
      .then(run)
      .then(resolve, reject)
      .finally(() => {
        clearTimeout(graceTimer);
        signal.removeEventListener("abort", onAbort);
      });
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
}
