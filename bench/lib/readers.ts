/**
 * The three reads scenarios 2–4 measure (conversation history, batches, message search), reachable two ways:
 * `library` calls the packages in this process with a client of its own; `rest` starts a REST server as a child
 * process and calls its routes. Each reader is fresh (new client or new server) and is closed after its case.
 * A cold reader is used as soon as it exists; a warm one first holds a usable token, as a running server does
 * (the servers fetch theirs at start-up): the library client through `client.authenticate()`, the REST server once
 * its `/ready` probe (one listing page) has answered.
 */
import { batchGetBookings, batchGetProperties } from "@hostaway-mcp/batch-runner";
import type {
  Booking,
  ConversationThread,
  Listing,
  MessageSearchCriteria,
  PartialFailureResponse,
} from "@hostaway-mcp/domain-models";
import { createHostawayClient } from "@hostaway-mcp/hostaway-client";
import { getConversationHistory, searchMessages } from "@hostaway-mcp/message-timeline";
import type { Via } from "./options.ts";
import type { BenchSandbox } from "./sandbox.ts";
import { BENCH_API_KEY, startServer } from "./server-process.ts";

/** The search criteria the scenarios send (a subset of the wire criteria; the rest take their defaults). */
export type SearchCriteria = Pick<MessageSearchCriteria, "guest_name" | "start_date" | "end_date" | "limit">;

export interface Reader {
  via: Via;
  conversationHistory(bookingId: number, limit: number): Promise<ConversationThread>;
  batchProperties(ids: readonly number[]): Promise<PartialFailureResponse<Listing>>;
  batchBookings(ids: readonly number[]): Promise<PartialFailureResponse<Booking>>;
  searchMessages(criteria: SearchCriteria): Promise<PartialFailureResponse<ConversationThread>>;
  /** Peak RSS of the server process (rest only). */
  close(): Promise<number | null>;
}

export type ReaderStart = "cold" | "warm";

export async function openReader(
  via: Via,
  bench: BenchSandbox,
  label: string,
  logLevel?: string,
  start: ReaderStart = "cold",
): Promise<Reader> {
  return via === "library" ? libraryReader(bench, start) : restReader(bench, label, logLevel, start);
}

async function libraryReader(bench: BenchSandbox, start: ReaderStart): Promise<Reader> {
  const { upstream } = bench;
  const client = createHostawayClient({
    accountId: upstream.accountId,
    secretKey: upstream.secretKey,
    baseUrl: upstream.baseUrl,
    rateLimit: {
      ip: upstream.rateLimitIp,
      account: upstream.rateLimitAccount,
      ...(bench.limits ? { windowMs: bench.limits.windowMs } : {}),
    },
  });
  if (start === "warm") await client.authenticate();
  return {
    via: "library",
    conversationHistory: (bookingId, limit) => getConversationHistory(client, bookingId, { limit }),
    batchProperties: (ids) => batchGetProperties(client, ids),
    batchBookings: (ids) => batchGetBookings(client, ids),
    searchMessages: (criteria) => searchMessages(client, criteria),
    close: async () => {
      client.close();
      return null;
    },
  };
}

async function restReader(
  bench: BenchSandbox,
  label: string,
  logLevel: string | undefined,
  start: ReaderStart,
): Promise<Reader> {
  const server = await startServer({ kind: "rest", upstream: bench.upstream, label, logLevel });
  if (start === "warm") {
    const ready = await fetch(`${server.origin}/ready`);
    const body = await ready.text();
    if (!ready.ok) {
      await server.stop();
      throw new Error(`GET /ready answered ${ready.status}: ${body.slice(0, 300)}`);
    }
  }
  const get = async <T>(path: string, query: Record<string, string | number | undefined>): Promise<T> => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
    const url = `${server.origin}${path}${search.size > 0 ? `?${search}` : ""}`;
    const response = await fetch(url, { headers: { "x-api-key": BENCH_API_KEY } });
    const body = await response.text();
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${body.slice(0, 300)}`);
    return JSON.parse(body) as T;
  };
  return {
    via: "rest",
    conversationHistory: (bookingId, limit) => get(`/api/messages/conversation/${bookingId}`, { limit }),
    batchProperties: (ids) => get("/api/batch/properties", { property_ids: ids.join(",") }),
    batchBookings: (ids) => get("/api/batch/bookings", { booking_ids: ids.join(",") }),
    searchMessages: (criteria) => get("/api/messages", { ...criteria }),
    close: () => server.stop(),
  };
}
