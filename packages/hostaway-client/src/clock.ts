/**
 * Time as the client sees it. Injected so that token expiry, backoff sleeps and deadline arithmetic can run on a
 * virtual clock in tests (a retry test then takes milliseconds, not the seconds a real backoff would take).
 *
 * In-flight watchdogs (the per-attempt socket timeout, the deadline while a call waits in the rate-limit queue) and
 * the sliding rate-limit windows use real timers: they guard real sockets and a real server's windows.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds; rejects with the signal's reason when `signal` aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};
