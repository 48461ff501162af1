import { type ClientRequest, request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

/**
 * Where the sandbox delivers its unified webhooks (REFERENCE.md §9: `{url, login, password}`; Hostaway sends a
 * Basic-auth header when login and password are set).
 */
export interface WebhookConfig {
  /** An `http:` or `https:` URL; every event is POSTed to it. */
  url: string;
  login?: string;
  password?: string;
  /** Give up on a delivery after this long (Hostaway's acknowledgement timeout is 20 s). Default 20 000. */
  timeoutMs?: number;
  /**
   * Extra attempts after a transient failure (no answer, 5xx, 429), as Hostaway's retry policy does up to 3 times.
   * Default 0: a failure is recorded and never retried.
   */
  retries?: number;
  /** Wait between attempts (Hostaway waits about a minute). Default 0. */
  retryDelayMs?: number;
}

/** Credentials for one `deliverWebhook` call; when given they replace the configured ones (`{}` sends none). */
export interface WebhookAuth {
  login?: string;
  password?: string;
}

/** One delivery attempt of an event the sandbox fired. */
export interface WebhookDelivery {
  /** `message.received` or `reservation.updated`. */
  event: string;
  /** The message id or the reservation id. */
  objectId: number;
  /** The receiver's HTTP status, or "error" when it did not answer (refused, reset, timed out, sandbox closed). */
  status: number | "error";
  /** When the attempt was made, in ms on the sandbox clock (`options.now`). */
  at: number;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
  /** Why it failed when `status` is "error". */
  error?: string;
}

export const DEFAULT_WEBHOOK_TIMEOUT_MS = 20_000;

interface Target {
  url: URL;
  authorization: string | undefined;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
}

type Outcome = { status: number } | { error: string };

const basicAuth = (auth: WebhookAuth): string | undefined =>
  auth.login && auth.password
    ? `Basic ${Buffer.from(`${auth.login}:${auth.password}`).toString("base64")}`
    : undefined;

/** A transient failure under Hostaway's retry policy (REFERENCE.md §9): no answer, 5xx or 429. */
const isTransient = (outcome: Outcome): boolean =>
  "error" in outcome || outcome.status >= 500 || outcome.status === 429;

/**
 * Delivers webhooks one after another, in the order they were fired, so a receiver sees edits in order (tests
 * that want disorder send it themselves with `deliverWebhook`). Nothing here ever throws at the caller of an edit.
 */
export class WebhookSender {
  private target: Target | null = null;
  private readonly log: WebhookDelivery[] = [];
  private tail: Promise<void> = Promise.resolve();
  private readonly inFlight = new Set<ClientRequest>();
  private readonly waits = new Map<NodeJS.Timeout, () => void>();
  private closed = false;

  constructor(private readonly now: () => number) {}

  configure(config: WebhookConfig | null): void {
    if (config === null) {
      this.target = null;
      return;
    }
    if (typeof config !== "object")
      throw new TypeError("configureWebhook takes { url, login?, password? } or null");
    let url: URL;
    try {
      url = new URL(config.url);
    } catch {
      throw new TypeError(`webhook url must be an absolute http(s) URL, got ${JSON.stringify(config.url)}`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new TypeError(`webhook url must be an http: or https: URL, got ${JSON.stringify(config.url)}`);
    }
    for (const key of ["login", "password"] as const) {
      const value = config[key];
      if (value !== undefined && value !== null && typeof value !== "string")
        throw new TypeError(`webhook ${key} must be a string, got ${JSON.stringify(value)}`);
    }
    const integer = (name: string, value: number | undefined, fallback: number, min: number): number => {
      if (value === undefined) return fallback;
      if (!Number.isInteger(value) || value < min)
        throw new TypeError(`webhook ${name} must be an integer ≥ ${min}, got ${value}`);
      return value;
    };
    this.target = {
      url,
      authorization: basicAuth(config),
      timeoutMs: integer("timeoutMs", config.timeoutMs, DEFAULT_WEBHOOK_TIMEOUT_MS, 1),
      retries: integer("retries", config.retries, 0, 0),
      retryDelayMs: integer("retryDelayMs", config.retryDelayMs, 0, 0),
    };
  }

  /** Queues an event for the configured receiver (nothing happens without one). The body is fixed now. */
  fire(event: string, objectId: number, payload: unknown): void {
    const target = this.target;
    if (!target) return;
    const body = JSON.stringify(payload);
    this.enqueue(async () => {
      for (let attempt = 1; ; attempt++) {
        const at = this.now();
        const outcome = await this.post(target, target.authorization, body);
        this.log.push(
          "error" in outcome
            ? { event, objectId, status: "error", at, attempt, error: outcome.error }
            : { event, objectId, status: outcome.status, at, attempt },
        );
        if (attempt > target.retries || !isTransient(outcome) || this.closed) return;
        await this.wait(target.retryDelayMs);
        if (this.closed) return;
      }
    });
  }

  /**
   * Sends one arbitrary body (a string or bytes as they are, anything else as JSON) to the configured receiver,
   * after whatever is queued; resolves with the HTTP status, rejects when nothing answered. Not recorded.
   */
  send(payload: unknown, auth?: WebhookAuth): Promise<number> {
    const target = this.target;
    if (!target)
      return Promise.reject(new Error("No webhook is configured: call configureWebhook({ url }) first"));
    const body =
      typeof payload === "string" || payload instanceof Uint8Array ? payload : JSON.stringify(payload);
    const authorization = auth === undefined ? target.authorization : basicAuth(auth);
    return new Promise<number>((resolve, reject) => {
      this.enqueue(async () => {
        const outcome = await this.post(target, authorization, body);
        if ("error" in outcome) reject(new Error(`Webhook delivery failed: ${outcome.error}`));
        else resolve(outcome.status);
      });
    });
  }

  deliveries(): WebhookDelivery[] {
    return this.log.map((delivery) => ({ ...delivery }));
  }

  /** Resolves once every queued delivery (also those queued while waiting) has finished. */
  async flush(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.tail;
      await seen;
    } while (seen !== this.tail);
  }

  /**
   * Ends the in-flight delivery and any retry wait, fails what is still queued (recorded as "error", "the sandbox
   * closed") and resolves once the queue is empty.
   */
  async close(): Promise<void> {
    this.closed = true;
    for (const request of this.inFlight) request.destroy(new Error("the sandbox closed"));
    for (const [timer, resolve] of this.waits) {
      clearTimeout(timer);
      resolve();
    }
    this.waits.clear();
    await this.flush();
  }

  private enqueue(task: () => Promise<void>): void {
    // Tasks never reject (post() resolves with an outcome), so one failure cannot stall the queue.
    this.tail = this.tail.then(task);
  }

  private wait(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.waits.delete(timer);
        resolve();
      }, ms);
      this.waits.set(timer, resolve);
    });
  }

  private post(
    target: Target,
    authorization: string | undefined,
    body: string | Uint8Array,
  ): Promise<Outcome> {
    if (this.closed) return Promise.resolve({ error: "the sandbox closed" });
    return new Promise<Outcome>((resolve) => {
      const headers: Record<string, string | number> = {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
        "user-agent": "hostaway-sandbox",
      };
      if (authorization) headers.authorization = authorization;
      const send = target.url.protocol === "https:" ? httpsRequest : httpRequest;
      // agent: false: one connection per delivery, so no pooled socket outlives a test's receiver.
      const request = send(target.url, { method: "POST", headers, agent: false });
      this.inFlight.add(request);
      const timer = setTimeout(
        () => request.destroy(new Error(`no answer within ${target.timeoutMs} ms`)),
        target.timeoutMs,
      );
      const settle = (outcome: Outcome) => {
        clearTimeout(timer);
        this.inFlight.delete(request);
        resolve(outcome);
      };
      request.on("response", (response) => {
        response.resume();
        settle({ status: response.statusCode ?? 0 });
      });
      request.on("error", (error) => settle({ error: error.message }));
      request.end(body);
    });
  }
}
