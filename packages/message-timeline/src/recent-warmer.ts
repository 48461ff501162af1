import { describeError } from "@hostaway-mcp/hostaway-client";
import type { MessageSource } from "./message-source.js";
import { searchMessages } from "./search-messages.js";
import { DEADLINE_NOTE_START } from "./search-note.js";

export interface RecentWarmerOptions {
  /** Bookings active in this many days before today are kept warm. Default 7. */
  days?: number;
  /** The pause between passes, in ms. Default 30 000. */
  pauseMs?: number;
  /** The most one pass may take, in ms. Default 600 000. */
  passDeadlineMs?: number;
  /** Called after each pass (logs); errors it throws are ignored. */
  onPass?: (pass: WarmPass) => void;
  /** Called when a pass fails (logs); errors it throws are ignored. */
  onError?: (error: unknown) => void;
  /** Today, for the range (tests). Default: the system clock. */
  now?: () => number;
  /**
   * Where the warmer says what it does (pino-compatible): its budget once at start (info), each pass (info), a
   * failing pass (warn, its error type only).
   */
  logger?: WarmerLogger;
  /** The client's background ceiling (`client.backgroundBudget()`), for the start line and `status()`. */
  budget?: { share: number; perWindow: number | null; windowMs: number };
}

export interface WarmerLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

/** One warming pass, as `onPass` and `status()` report it. */
export interface WarmPass {
  /** Bookings with a message in the range, now cached. */
  bookings: number;
  /** Wall time of the pass, in ms. */
  durationMs: number;
  /** ISO-8601 UTC instant the pass ended. */
  finishedAt: string;
  /** A pass its deadline cut (the next one continues from the cache). */
  complete: boolean;
}

export interface WarmStatus {
  mode: "recent";
  days: number;
  passes: number;
  lastPass: WarmPass | null;
  running: boolean;
  /** The hard ceiling on its requests, when known: `share` of the account window, `perWindow` per `windowMs`. */
  budget: { share: number; perWindow: number | null; windowMs: number } | null;
}

export interface RecentWarmer {
  status(): WarmStatus;
  /** Stops after the request in flight (its upstream work is cancelled); resolves when the loop has ended. */
  stop(): Promise<void>;
}

const DAY_MS = 86_400_000;

/**
 * Keeps the conversations of bookings active in the last `days` warm in the client's cache (issue 12,
 * `HOSTAWAY_WARM=recent`): one date-range search after another, each asking for exactly what an interactive
 * search of that range will ask (the reservation index by latest activity, the account's conversation list, the
 * message pages), as background work. The client holds background requests to its share of the account window
 * and queues them behind every interactive request, so warming only ever spends budget nobody is waiting for.
 * Between passes the cache proves the threads current by the cheapest signals; a pass re-reads only what
 * changed, or what its proofs no longer cover.
 */
export function startRecentWarmer(source: MessageSource, options: RecentWarmerOptions = {}): RecentWarmer {
  const days = options.days ?? 7;
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`days must be a whole number ≥ 1, got ${days}`);
  if (options.budget?.perWindow === 0) {
    throw new RangeError(
      "budget allows no background request per window: raise the client's rateLimit.backgroundShare (HOSTAWAY_BACKGROUND_SHARE)",
    );
  }
  const pauseMs = options.pauseMs ?? 30_000;
  const passDeadlineMs = options.passDeadlineMs ?? 600_000;
  const now = options.now ?? Date.now;
  const stopping = new AbortController();
  const { logger, budget = null } = options;
  logger?.info(
    { warm: "recent", days, background: budget },
    `cache warming on: bookings active in the last ${days} days` +
      (budget?.perWindow == null
        ? ""
        : `, at most ${budget.perWindow} background requests per ${budget.windowMs / 1000} s (${Math.round(budget.share * 100)} % of the account window)`),
  );
  let passes = 0;
  let lastPass: WarmPass | null = null;
  let running = false;

  const pass = async () => {
    const started = now();
    const day = (offset: number) => new Date(started + offset * DAY_MS).toISOString().slice(0, 10);
    running = true;
    try {
      // limit 1: the answer is not needed, only the reads behind it (a search reads every matching booking).
      const result = await searchMessages(
        source,
        { start_date: day(-days), end_date: day(0), limit: 1 },
        { background: true, deadlineMs: passDeadlineMs, signal: stopping.signal },
      );
      passes += 1;
      lastPass = {
        bookings: result.summary.succeeded,
        durationMs: now() - started,
        finishedAt: new Date(now()).toISOString(),
        complete: !(result.note ?? "").includes(DEADLINE_NOTE_START),
      };
      call(options.onPass, lastPass);
      logger?.info(
        { warm: "recent", pass: passes, ...lastPass },
        `warming pass ${passes}: ${lastPass.bookings} bookings in ${(lastPass.durationMs / 1000).toFixed(1)} s${lastPass.complete ? "" : " (cut by its deadline; the next pass continues)"}`,
      );
    } finally {
      running = false;
    }
  };

  const loop = (async () => {
    while (!stopping.signal.aborted) {
      try {
        await pass();
      } catch (error) {
        if (stopping.signal.aborted) break;
        call(options.onError, error);
        logger?.warn({ warm: "recent", errorType: describeError(error).error_type }, "warming pass failed");
      }
      await sleep(pauseMs, stopping.signal);
    }
  })();

  return {
    status: () => ({ mode: "recent", days, passes, lastPass, running, budget }),
    stop: async () => {
      stopping.abort(new Error("warmer stopped"));
      await loop;
    },
  };
}

function call<T>(listener: ((value: T) => void) | undefined, value: T): void {
  try {
    listener?.(value);
  } catch {
    // A listener's failure must not stop warming.
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    timer.unref();
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}
