import http from "node:http";
import https from "node:https";
import got, { type Got, RequestError } from "got";
import type { HttpMethod } from "./http-method.js";

export interface ExchangeRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  /** A form-encoded body (`application/x-www-form-urlencoded`). */
  form?: URLSearchParams | undefined;
  /** A JSON body (`application/json`), e.g. a message to send (REFERENCE.md §7, "Sending"). */
  json?: unknown;
  /** Aborts the exchange: the caller, the call's deadline or the attempt's timeout. */
  signal: AbortSignal;
  /** Called when the response's status line and headers arrive (Hostaway has seen the request by then). */
  onResponseStart?: () => void;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Why an exchange produced no response. Mapped to the client's errors by the transport. */
export class ExchangeFailure extends Error {
  readonly kind: "aborted" | "network";
  /** The system or got code (`ECONNRESET`, `ETIMEDOUT`, …). */
  readonly networkCode: string | undefined;

  constructor(kind: ExchangeFailure["kind"], networkCode: string | undefined) {
    // Deliberately not got's message or error: those carry the URL with its query and the request headers.
    super(`exchange failed: ${kind}${networkCode ? ` (${networkCode})` : ""}`);
    this.kind = kind;
    this.networkCode = networkCode;
  }
}

export interface HttpExchange {
  send(request: ExchangeRequest): Promise<RawResponse>;
  /** Closes pooled keep-alive sockets. */
  close(): void;
}

/**
 * One HTTP exchange over got, and nothing more: no retries (`retry.limit: 0`), no status-based throwing, no
 * timeouts of its own (the transport aborts the signal when an attempt runs out of time), the body as text. Retries live in the transport's own loop rather than in got's retry/hooks, because every attempt must
 * first wait its turn in the rate limiter and may need a fresh token, and a got `beforeRequest` hook cannot leave
 * the limiter's queue cleanly when the caller aborts. Keep-alive agents pool connections across calls.
 */
export function createHttpExchange(): HttpExchange {
  const agent = {
    http: new http.Agent({ keepAlive: true, maxSockets: 32 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 32 }),
  };
  const client: Got = got.extend({
    agent,
    retry: { limit: 0 },
    throwHttpErrors: false,
    followRedirect: false,
    responseType: "text",
    decompress: true,
  });

  return {
    async send(request) {
      try {
        const pending = client(request.url, {
          method: request.method,
          headers: {
            ...request.headers,
            ...(request.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
            ...(request.json !== undefined ? { "content-type": "application/json" } : {}),
          },
          ...(request.form ? { body: request.form.toString() } : {}),
          ...(request.json !== undefined ? { body: JSON.stringify(request.json) } : {}),
          signal: request.signal,
        });
        const { onResponseStart } = request;
        if (onResponseStart) pending.on("request", (outgoing) => outgoing.once("response", onResponseStart));
        const response = await pending;
        return { status: response.statusCode, headers: response.headers, body: response.body };
      } catch (error) {
        throw toExchangeFailure(error, request.signal);
      }
    },
    close() {
      agent.http.destroy();
      agent.https.destroy();
    },
  };
}

function toExchangeFailure(error: unknown, signal: AbortSignal): ExchangeFailure {
  if (signal.aborted) return new ExchangeFailure("aborted", undefined);
  const code = error instanceof RequestError ? error.code : (error as { code?: unknown } | null)?.code;
  return new ExchangeFailure("network", typeof code === "string" ? code : undefined);
}
