interface SharedRequest<State> {
  promise: Promise<unknown>;
  controller: AbortController;
  state: State;
  waiters: number;
}

export interface CoalescedCall<T, State> {
  /** The caller's signal. */
  signal: AbortSignal | undefined;
  /** Fresh shared state for a new request (e.g. whether it has been sent yet). */
  createState: () => State;
  /** Starts the shared request; `signal` aborts once nobody waits for it any more. */
  execute: (signal: AbortSignal, state: State) => Promise<T>;
  /** The error a caller sees when its own signal makes it leave. */
  onAbort: (reason: unknown, state: State | undefined) => Error;
  /** Called when the caller joins a request already in flight. */
  onJoin: () => void;
}

/**
 * Identical GETs in flight at the same time share one upstream request. A caller that aborts only detaches itself;
 * the shared request is aborted once every waiter has gone. The shared request runs with the options of the caller
 * that started it (its timeout and deadline); a later waiter's own signal still lets it leave at any time.
 */
export class RequestCoalescer {
  readonly #inFlight = new Map<string, SharedRequest<unknown>>();

  /** @param key identifies identical requests (method + path + sorted query). */
  run<T, State>(key: string, call: CoalescedCall<T, State>): Promise<T> {
    const { signal } = call;
    if (signal?.aborted) return Promise.reject(call.onAbort(signal.reason, undefined));
    let entry = this.#inFlight.get(key) as SharedRequest<State> | undefined;
    if (entry) {
      call.onJoin();
    } else {
      entry = this.#start(key, call);
    }
    const shared = entry;
    shared.waiters += 1;

    // The caller's signal is often shared by many concurrent calls (a 50-id batch, every page of a search): this
    // waiter listens on a signal of its own that follows it (`AbortSignal.any` adds no listener to the source),
    // so the shared one does not collect a listener per call (Node warns past 10: MaxListenersExceededWarning).
    const waiterSignal = signal === undefined ? undefined : AbortSignal.any([signal]);
    return new Promise<T>((resolve, reject) => {
      let detached = false;
      const onCallerAbort = () => {
        detached = true;
        shared.waiters -= 1;
        if (shared.waiters === 0) {
          // Nobody wants the answer any more: a new caller must start afresh, and the socket can close.
          this.#forget(key, shared);
          shared.controller.abort(signal?.reason);
        }
        reject(call.onAbort(signal?.reason, shared.state));
      };
      waiterSignal?.addEventListener("abort", onCallerAbort, { once: true });
      (shared.promise as Promise<T>).then(
        (value) => {
          waiterSignal?.removeEventListener("abort", onCallerAbort);
          if (!detached) resolve(value);
        },
        (error: unknown) => {
          waiterSignal?.removeEventListener("abort", onCallerAbort);
          if (!detached) reject(error);
        },
      );
    });
  }

  #start<T, State>(key: string, call: CoalescedCall<T, State>): SharedRequest<State> {
    const controller = new AbortController();
    const state = call.createState();
    const entry: SharedRequest<State> = {
      promise: call.execute(controller.signal, state),
      controller,
      state,
      waiters: 0,
    };
    const forget = () => this.#forget(key, entry);
    entry.promise.then(forget, forget);
    this.#inFlight.set(key, entry);
    return entry;
  }

  #forget(key: string, entry: SharedRequest<unknown>): void {
    if (this.#inFlight.get(key) === entry) this.#inFlight.delete(key);
  }
}
