import { Redis, type RedisOptions } from "ioredis";

/** `shared`: Redis answers, every process shares windows, token, cache and limits. `local`: Redis is away. */
export type SharingMode = "shared" | "local";

export interface SharingStatus {
  mode: SharingMode;
  /** ISO-8601 instant the mode last changed (or the link was created). */
  since: string;
  /** Why the link is local: the last Redis error's message, never a URL or password. */
  reason?: string | undefined;
}

/** What the link logs with: a pino logger fits. Mode changes are `error` (lost) and `info` (back). */
export interface LinkLogger {
  info(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface RedisLinkOptions {
  /** `redis://[user:password@]host:port[/db]`. */
  url: string;
  logger?: LinkLogger | undefined;
  /** A command that takes longer fails over to local mode. Default 500 ms. */
  commandTimeoutMs?: number;
  /** How often a local link asks Redis whether it is back. Default 1000 ms. */
  probeIntervalMs?: number;
  /** How long the first connection may take before the link starts local. Default 2000 ms. */
  connectTimeoutMs?: number;
}

/**
 * One Redis connection and what everything that shares through it needs to know: is Redis answering? A command
 * that fails (refused, timed out, connection lost) turns the link `local` at once, loudly, and everyone falls back
 * to their in-process behaviour; a probe every second turns it `shared` again once Redis answers. Commands never
 * queue while Redis is away (`enableOfflineQueue: false`), so nothing waits on a dead connection.
 */
export class RedisLink {
  readonly redis: Redis;
  readonly #logger: LinkLogger | undefined;
  readonly #listeners = new Set<(mode: SharingMode) => void>();
  #status: SharingStatus;
  #probe: NodeJS.Timeout | undefined;
  #closed = false;
  readonly #firstProbe: Promise<void>;
  #probed = false;

  constructor(options: RedisLinkOptions) {
    this.#logger = options.logger;
    const redisOptions: RedisOptions = {
      commandTimeout: options.commandTimeoutMs ?? 500,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      // Reconnect forever, once a second: the probe decides when the link counts as back.
      retryStrategy: () => 1000,
      // Connected by the first probe, which waits for it: commands never queue, so one sent before the
      // connection is up would fail and start the process in local mode for nothing.
      lazyConnect: true,
      connectTimeout: options.connectTimeoutMs ?? 2000,
    };
    this.redis = new Redis(options.url, redisOptions);
    // ioredis emits every connection failure as an error event; the link's mode already says it.
    this.redis.on("error", () => undefined);
    // Until the first command answers, assume local: a start with Redis down starts in local mode.
    this.#status = { mode: "local", since: new Date().toISOString(), reason: "connecting" };
    const interval = options.probeIntervalMs ?? 1000;
    this.#probe = setInterval(() => void this.#probeOnce(), interval);
    this.#probe.unref();
    this.#firstProbe = this.redis
      .connect()
      .then(
        () => this.#probeOnce(),
        (error: unknown) => this.#probeOnce(error),
      )
      .finally(() => {
        this.#probed = true;
      });
  }

  get mode(): SharingMode {
    return this.#status.mode;
  }

  status(): SharingStatus {
    return { ...this.#status };
  }

  /** Called with the new mode whenever it changes. */
  onChange(listener: (mode: SharingMode) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Resolves once the first probe has answered (shared) or failed (local); never rejects. */
  async ready(): Promise<SharingMode> {
    await this.#firstProbe;
    return this.mode;
  }

  /**
   * Runs `command` while shared; a failure turns the link local and answers `fallback()` instead, so a caller
   * never sees a Redis error. While local, `fallback()` answers directly.
   */
  async run<T>(command: (redis: Redis) => Promise<T>, fallback: () => T | Promise<T>): Promise<T> {
    // Until the first connection attempt has answered, wait for it rather than fall back for nothing.
    if (!this.#probed) await this.#firstProbe;
    if (this.#status.mode !== "shared") return fallback();
    try {
      return await command(this.redis);
    } catch (error) {
      this.failed(error);
      return fallback();
    }
  }

  /** A command failed: the link is local until the probe finds Redis again. */
  failed(error: unknown): void {
    if (this.#closed) return;
    const reason = error instanceof Error ? error.message.slice(0, 200) : "unknown error";
    if (this.#status.mode === "local") return;
    this.#set({ mode: "local", since: new Date().toISOString(), reason });
    this.#logger?.error(
      { redis: "local", reason },
      "redis unreachable: sharing stopped, running on conservative local limits until it returns",
    );
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#probe) clearInterval(this.#probe);
    this.#probe = undefined;
    this.redis.disconnect();
  }

  async #probeOnce(connectError?: unknown): Promise<void> {
    if (this.#closed) return;
    try {
      await this.redis.ping();
      if (this.#status.mode !== "shared") {
        const wasConnecting = this.#status.reason === "connecting";
        this.#set({ mode: "shared", since: new Date().toISOString() });
        this.#logger?.info(
          { redis: "shared" },
          wasConnecting ? "redis connected: sharing" : "redis back: sharing again",
        );
      }
    } catch (error) {
      if (this.#status.reason === "connecting") {
        const cause = connectError ?? error;
        const reason = cause instanceof Error ? cause.message.slice(0, 200) : "unknown error";
        this.#status = { mode: "local", since: this.#status.since, reason };
        this.#logger?.error(
          { redis: "local", reason },
          "redis unreachable at start: running on conservative local limits until it answers",
        );
        return;
      }
      this.failed(error);
    }
  }

  #set(status: SharingStatus): void {
    this.#status = status;
    for (const listener of this.#listeners) listener(status.mode);
  }
}
