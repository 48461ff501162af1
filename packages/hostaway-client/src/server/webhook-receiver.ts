import type { IncomingMessage, ServerResponse } from "node:http";
import type { Invalidation } from "../create-client.js";
import { createBasicAuthCheck } from "./basic-auth.js";
import { clientIpKey } from "./client-ip-key.js";
import { createInboundLimiter, createMemoryLimitStore, type InboundLimitStore } from "./inbound-limiter.js";
import { interpretWebhook } from "./webhook-hint.js";

/** The route both servers mount. */
export const WEBHOOK_PATH = "/webhooks/hostaway";
/** Bodies larger than this are refused with 413 (a delivery carries one reservation or one message). */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

export interface WebhookLogger {
  debug(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface WebhookReceiverOptions {
  /** `HOSTAWAY_WEBHOOK_LOGIN`/`_PASSWORD`; undefined: the route answers 404, as if it did not exist. */
  credentials: { login: string; password: string } | undefined;
  /** What a delivery expires: the client's `invalidate`. */
  invalidate(what: Invalidation): Promise<void>;
  logger?: WebhookLogger | undefined;
  /** Wrong-credential attempts per client IP per 10 s before 429. Default 15; 0 off. */
  failedAuthLimit?: number | undefined;
  /** Where failed attempts are counted. Default: in memory. */
  store?: InboundLimitStore | undefined;
  clientIp?: ((req: IncomingMessage) => string | undefined) | undefined;
  /** The most the answer waits for the expiry (a slow shared store): Hostaway is answered within 1 s. Default 800. */
  answerWithinMs?: number | undefined;
  /** Told of every authenticated delivery (metrics): its event name and whether it expired entries. */
  onEvent?: ((event: string, outcome: "expired" | "ignored") => void) | undefined;
}

const silent: WebhookLogger = { debug: () => {}, warn: () => {} };

/**
 * `POST /webhooks/hostaway`: Hostaway's unified webhook (REFERENCE.md §9), taken as a hint that expires cached
 * answers. 404 when not configured, 405 for another method, 401 for wrong Basic credentials (429 once an address
 * has guessed too often), 413 over 1 MB, and 200 for everything else — garbage and unknown events included
 * (REFERENCE.md §9: unknown events must get 200; another 4xx would make Hostaway count a failure, and disable the
 * hook after 5 days). Duplicates and out-of-order deliveries only expire entries again. Never throws.
 */
export function createWebhookReceiver(options: WebhookReceiverOptions) {
  const logger = options.logger ?? silent;
  const check =
    options.credentials === undefined
      ? undefined
      : createBasicAuthCheck(options.credentials.login, options.credentials.password);
  const failedAuthLimit = options.failedAuthLimit ?? 15;
  const guesses =
    failedAuthLimit > 0
      ? createInboundLimiter({
          name: "webhook-auth",
          limit: failedAuthLimit,
          windowMs: 10_000,
          store: options.store ?? createMemoryLimitStore(),
        })
      : undefined;
  const clientIp = options.clientIp ?? ((req: IncomingMessage) => req.socket.remoteAddress);
  const answerWithinMs = options.answerWithinMs ?? 800;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (check === undefined) {
      req.resume();
      return refuse(
        res,
        404,
        "not_found",
        "Not found: the webhook receiver is not configured (set HOSTAWAY_WEBHOOK_LOGIN and HOSTAWAY_WEBHOOK_PASSWORD).",
      );
    }
    if (req.method !== "POST") {
      req.resume();
      res.setHeader("Allow", "POST");
      return refuse(
        res,
        405,
        "validation_error",
        `Method ${req.method} is not allowed here; this path answers POST.`,
      );
    }
    if (!check(req.headers.authorization)) {
      req.resume();
      const result = await guesses?.take(clientIpKey(clientIp(req)));
      if (result !== undefined && !result.allowed) {
        res.setHeader("Retry-After", String(result.resetSeconds));
        return refuse(
          res,
          429,
          "rate_limit",
          `Too many failed attempts from this address; retry in ${result.resetSeconds} s.`,
        );
      }
      res.setHeader("WWW-Authenticate", 'Basic realm="hostaway-webhook", charset="UTF-8"');
      return refuse(
        res,
        401,
        "unauthorized",
        "Unauthorized: send the webhook's login and password as HTTP Basic auth.",
      );
    }
    const body = await readBody(req, MAX_WEBHOOK_BODY_BYTES);
    if (body === "too large") {
      res.setHeader("Connection", "close");
      return refuse(res, 413, "validation_error", "The delivery is larger than 1 MB.");
    }
    const hint = interpretWebhook(parseJson(body));
    options.onEvent?.(hint.event ?? "unknown", hint.kind === "ignored" ? "ignored" : "expired");
    if (hint.kind === "ignored") {
      logger.debug({ event: hint.event, reason: hint.reason }, "webhook acknowledged, nothing to expire");
      return answer(res, 200, { status: "ok", event: hint.event, ignored: hint.reason });
    }
    const expiry = options.invalidate(hint.invalidation).then(
      () => "done" as const,
      (error: unknown) => {
        logger.warn({ event: hint.event, err: errorName(error) }, "webhook: expiring cached entries failed");
        return "failed" as const;
      },
    );
    const outcome = await Promise.race([expiry, delay(answerWithinMs).then(() => "pending" as const)]);
    if (outcome === "pending")
      logger.warn({ event: hint.event }, "webhook: expiry still running after the answer");
    logger.debug({ event: hint.event, expired: hint.expired, outcome }, "webhook applied");
    answer(res, 200, { status: "ok", event: hint.event, expired: hint.expired });
  };

  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      // Nothing above should throw; if it does, Hostaway still gets an answer and the process lives on.
      logger.warn({ err: errorName(error) }, "webhook handler failed");
      if (!res.headersSent) answer(res, 200, { status: "ok", event: null, ignored: "internal error" });
    });
  };
}

function refuse(res: ServerResponse, status: number, type: string, message: string): void {
  answer(res, status, { error: { type, message, details: null } });
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Content-Length", Buffer.byteLength(text));
  res.end(text);
}

/** The body as text, or `"too large"` as soon as it passes `limit` (a stated Content-Length is believed first). */
async function readBody(req: IncomingMessage, limit: number): Promise<string | "too large"> {
  const stated = Number(req.headers["content-length"]);
  if (Number.isFinite(stated) && stated > limit) {
    req.resume();
    return "too large";
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      size += buffer.length;
      if (size > limit) {
        req.resume();
        return "too large";
      }
      chunks.push(buffer);
    }
  } catch {
    return ""; // an aborted upload is garbage, acknowledged like any other
  }
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
