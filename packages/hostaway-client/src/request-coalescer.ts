interface SharedRequest {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

/**
 * Identical GETs in flight at the same time share one upstream request. A caller that aborts only detaches itself;
 * the shared request is aborted once every waiter has gone. The shared request runs with the options of the caller
 * that started it (its timeout and deadline); a later waiter's own signal still lets it leave at any time.
 */
export class RequestCoalescer {
  readonly #inFlight = new Map<string, SharedRequest>();

  /**
   * @param key identifies identical requests (method + path + sorted query).
   * @param execute starts the request; it receives a signal that aborts when nobody waits any more.
   * @param signal the caller's signal.
   * @param onAbort builds the error the caller sees when it leaves.
   * @param onJoin called when the caller joins a request already in flight.
   */
  run<T>(
    key: string,
    execute: (signal: AbortSignal) => Promise<T>,
    signal: AbortSignal | undefined,
    onAbort: (reason: unknown) => Error,
    onJoin: () => void,
  ): Promise<T> {
    if (signal?.aborted) return Promise.reject(onAbort(signal.reason));
    let shared = this.#inFlight.get(key);
    if (shared) {
      onJoin();
    } else {
      const controller = new AbortController();
      const promise = execute(controller.signal);
      const entry: SharedRequest = { promise, controller, waiters: 0 };
      const forget = () => {
        if (this.#inFlight.get(key) === entry) this.#inFlight.delete(key);
      };
      promise.then(forget, forget);
      this.#inFlight.set(key, entry);
      shared = entry;
    }
    const entry = shared;
    entry.waiters += 1;

    return new Promise<T>((resolve, reject) => {
      let detached = false;
      const onCallerAbort = () => {
        detached = true;
        entry.waiters -= 1;
        if (entry.waiters === 0) {
          // Nobody wants the answer any more: a new caller must start afresh, and the socket can close.
          if (this.#inFlight.get(key) === entry) this.#inFlight.delete(key);
          entry.controller.abort(signal?.reason);
        }
        reject(onAbort(signal?.reason));
      };
      signal?.addEventListener("abort", onCallerAbort, { once: true });
      (entry.promise as Promise<T>).then(
        (value) => {
          signal?.removeEventListener("abort", onCallerAbort);
          if (!detached) resolve(value);
        },
        (error: unknown) => {
          signal?.removeEventListener("abort", onCallerAbort);
          if (!detached) reject(error);
        },
      );
    });
  }
}
