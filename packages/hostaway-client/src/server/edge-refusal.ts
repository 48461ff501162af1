import type { ErrorType } from "@hostaway-mcp/domain-models";

export interface EdgeRefusalInit {
  /** The HTTP status to answer with: 401, 403 or 429. */
  status: number;
  errorType: ErrorType;
  /** What to do about it, in one sentence; quotes at most 100 characters of any caller value. */
  message: string;
  /** Headers the answer must carry, e.g. `WWW-Authenticate`, `Retry-After`, `RateLimit`. */
  headers?: Readonly<Record<string, string>>;
  /** For a 429: the seconds until the window that refused the request ends (also in `Retry-After`). */
  retryAfterSeconds?: number;
}

const MARKER = Symbol.for("hostaway-mcp.edge-refusal");

/**
 * Why the edge guard refused a request, handed to `next(refusal)` so each app renders it in its own body format
 * (JSON-RPC for MCP, `{ error }` for REST). `status` and `headers` follow the http-errors convention, so Express's
 * default handler also answers with the right status and headers.
 *
 * Branded with `Symbol.for("hostaway-mcp.edge-refusal")`: `EdgeRefusal.isInstance(error)` holds for a refusal from
 * any installed copy of this package, where `instanceof` would not.
 */
export class EdgeRefusal extends Error {
  override readonly name = "EdgeRefusal";
  readonly status: number;
  readonly errorType: ErrorType;
  readonly headers: Readonly<Record<string, string>>;
  readonly retryAfterSeconds: number | undefined;

  constructor({ status, errorType, message, headers = {}, retryAfterSeconds }: EdgeRefusalInit) {
    super(message);
    this.status = status;
    this.errorType = errorType;
    this.headers = { ...headers };
    this.retryAfterSeconds = retryAfterSeconds;
    // Non-enumerable, so it stays out of logs and JSON.
    Object.defineProperty(this, MARKER, { value: true });
  }

  static isInstance(value: unknown): value is EdgeRefusal {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
