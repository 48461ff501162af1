import type { RequestHandler } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import { ApiError } from "../errors/api-error.js";
import type { CallerLocals } from "./auth.js";

interface InboundLimitOptions {
  /** Requests per window; 0 turns this limit off. */
  limit: number;
  windowMs: number;
}

const passThrough: RequestHandler = (_req, _res, next) => next();

/**
 * The inbound limits protect the shared upstream budget (Hostaway allows 15 requests per 10 s per IP, 20 per
 * account, REFERENCE.md §4) from one noisy caller. They answer 429 with `Retry-After` and the IETF draft-8
 * `RateLimit`/`RateLimit-Policy` headers, in the same error body as every other failure.
 */
function inboundLimiter(
  name: string,
  { limit, windowMs }: InboundLimitOptions,
  keyGenerator: (req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1]) => string,
  who: string,
): RequestHandler {
  if (limit <= 0) return passThrough;
  return rateLimit({
    windowMs,
    limit,
    identifier: name,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator,
    handler: (_req, res, next) => {
      const retryAfter = Number(res.getHeader("Retry-After")) || Math.ceil(windowMs / 1000);
      next(
        new ApiError(
          429,
          "rate_limit",
          `Too many requests ${who}: at most ${limit} per ${Math.ceil(windowMs / 1000)} s; retry in ${retryAfter} s.`,
          { retry_after_seconds: retryAfter, limit, window_seconds: Math.ceil(windowMs / 1000) },
        ),
      );
    },
  });
}

/** Per client IP (IPv6 grouped by /56 so one host cannot rotate addresses). */
export function perIpRateLimit(options: InboundLimitOptions): RequestHandler {
  return inboundLimiter("per-ip", options, (req) => ipKeyGenerator(req.ip ?? "unknown"), "from this address");
}

/** Per API key (keyed by its hash); runs after auth, so only for authenticated callers. */
export function perKeyRateLimit(options: InboundLimitOptions): RequestHandler {
  const limiter = inboundLimiter(
    "per-key",
    options,
    (_req, res) => (res.locals as CallerLocals).caller ?? "anonymous",
    "for this API key",
  );
  return (req, res, next) => {
    // Without keys configured there is no key to count against; the per-IP limit still applies.
    if ((res.locals as CallerLocals).caller == null) {
      next();
      return;
    }
    limiter(req, res, next);
  };
}
