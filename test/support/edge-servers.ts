// The two HTTP edges started the way their binaries start them (REST's `runCli`, MCP's `main --transport http`),
// each with its own environment, so one table of cases can be run against both.
import { request as httpRequest } from "node:http";
import { PassThrough } from "node:stream";
import { main } from "@hostaway-mcp/mcp-server";
import { createLogger, runCli } from "@hostaway-mcp/rest-server";

export type EdgeName = "rest" | "mcp";

/** The environment that points an edge at a sandbox, with the edge's own upstream limiter off. */
export function upstreamEnvOf(sandbox: {
  credentials: { accountId: string | number; secretKey: string };
  url: string;
}): Record<string, string> {
  return {
    HOSTAWAY_ACCOUNT_ID: String(sandbox.credentials.accountId),
    HOSTAWAY_SECRET_KEY: sandbox.credentials.secretKey,
    HOSTAWAY_API_BASE_URL: sandbox.url,
    HOSTAWAY_RATE_LIMIT_IP: "0",
    HOSTAWAY_RATE_LIMIT_ACCOUNT: "0",
  };
}

export interface StartedEdge {
  name: EdgeName;
  url: string;
  /** Sends a request for guest data (a booking's guest): `GET /api/bookings/{id}/guest`, or that MCP tool call. */
  guestData(options?: { headers?: Record<string, string>; bookingId?: number }): Promise<Response>;
  /** A raw request (node:http, so `Host` can be set), answering status, headers and body text. */
  raw(options: RawRequest): Promise<RawAnswer>;
  /** Sends one operation with arguments (MCP: a tools/call; REST: its GET route with a query string). */
  operation(name: string, args: Record<string, unknown>, headers?: Record<string, string>): Promise<Response>;
  /** The main endpoint's path (`/api/...` for REST, `/mcp` for MCP). */
  endpoint: string;
  /** Everything the edge wrote to its logs (stderr). */
  logs(): string;
  /** The background token fetch each edge starts once listening; settles (never rejects) when done or logged. */
  warmUp: Promise<void>;
  close(): Promise<void>;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request over node:http, which (unlike fetch) sends a caller-chosen `Host` header. */
export function rawRequest(
  baseUrl: string,
  { method = "GET", path, headers = {}, body }: RawRequest,
): Promise<RawAnswer> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export type StartResult =
  | { kind: "exit"; code: number; stderr: string }
  | { kind: "running"; edge: StartedEdge };

/** REST routes of the operations the table calls. */
const REST_ROUTES: Record<string, (args: Record<string, unknown>) => string> = {
  hostaway_get_guest_info: (args) => `/api/bookings/${args.booking_id}/guest`,
  hostaway_get_booking_details: (args) => `/api/bookings/${args.booking_id}`,
  hostaway_list_properties: () => "/api/listings",
  hostaway_batch_get_properties: () => "/api/batch/properties",
  hostaway_get_property_details: (args) => `/api/listings/${args.listing_id}`,
  hostaway_get_conversation_history: (args) => `/api/messages/conversation/${args.booking_id}`,
};
/** The arguments each REST route takes in its path, not its query. */
const PATH_FIELDS: Record<string, string> = {
  hostaway_get_guest_info: "booking_id",
  hostaway_get_booking_details: "booking_id",
  hostaway_get_property_details: "listing_id",
  hostaway_get_conversation_history: "booking_id",
};

export async function startEdge(name: EdgeName, env: Record<string, string>): Promise<StartResult> {
  let logs = "";
  const stderr = new PassThrough();
  stderr.on("data", (chunk: Buffer) => {
    logs += chunk.toString("utf8");
  });
  const fullEnv = { LOG_LEVEL: "info", PORT: "0", ...env };
  let url: string;
  let close: () => Promise<void>;
  let warmUp: Promise<void>;
  if (name === "rest") {
    const result = await runCli(["--port", "0"], {
      env: fullEnv,
      stdout: () => {},
      stderr: (text) => {
        logs += text;
      },
      logger: (level) => createLogger(level, stderr),
    });
    if (result.kind === "exit") return { kind: "exit", code: result.exitCode, stderr: logs };
    url = result.running.url;
    close = () => result.stop();
    warmUp = result.warmUp;
  } else {
    const outcome = await main(["--transport", "http", "--port", "0"], fullEnv, {
      stdin: new PassThrough(),
      stdout: new PassThrough(),
      stderr,
    });
    if (outcome.kind === "exit") return { kind: "exit", code: outcome.code, stderr: logs };
    url = outcome.url ?? "";
    close = () => outcome.close();
    warmUp = outcome.warmUp;
  }

  const operation = (
    op: string,
    args: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<Response> => {
    if (name === "mcp") {
      return fetch(`${url}/mcp`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          ...headers,
        },
        body: JSON.stringify({
          jsonrpc: "2.0",
          id: 1,
          method: "tools/call",
          params: { name: op, arguments: args },
        }),
      });
    }
    const route = REST_ROUTES[op];
    if (route === undefined) throw new Error(`edge-servers: no REST route known for ${op}`);
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(args)) {
      if (PATH_FIELDS[op] === key) continue;
      query.set(key, Array.isArray(value) ? value.join(",") : String(value));
    }
    const search = query.size > 0 ? `?${query}` : "";
    return fetch(`${url}${route(args)}${search}`, { headers });
  };

  return {
    kind: "running",
    edge: {
      name,
      url,
      endpoint: name === "mcp" ? "/mcp" : "/api/listings",
      guestData: ({ headers = {}, bookingId = 1 } = {}) =>
        operation("hostaway_get_guest_info", { booking_id: bookingId }, headers),
      operation,
      raw: (options) => rawRequest(url, options),
      logs: () => logs,
      warmUp,
      close,
    },
  };
}

/** The text of an answer whatever its edge: the REST error message, or the MCP result's or error's text. */
export async function answerText(
  response: Response,
): Promise<{ status: number; text: string; body: unknown }> {
  const raw = await response.text();
  let body: unknown = raw;
  const jsonText = raw.startsWith("event:") ? (/^data: (.*)$/m.exec(raw)?.[1] ?? "") : raw;
  try {
    body = JSON.parse(jsonText);
  } catch {
    // not JSON
  }
  const value = body as {
    error?: { message?: string };
    result?: { content?: Array<{ text?: string }>; isError?: boolean };
  };
  const text =
    value?.error?.message ?? value?.result?.content?.map((part) => part.text ?? "").join("\n") ?? raw;
  return { status: response.status, text, body };
}
