/**
 * Scenario 7, planner (issue 12), at 150 ms latency with Hostaway's limits on, each case on a fresh sandbox and a
 * fresh REST server started as its binary starts it (token held, cache empty):
 * a. a 50-id booking batch, then the same again; the baseline is one read per id through the library
 *    (`strategy: "single"`, what a booking batch cost before);
 * b. a 3-id batch (reads singly: no more requests than one per id);
 * c. "the last 7 days" cold, and further calls while the previous one names bookings it did not read;
 * d. the same search on a server with `HOSTAWAY_WARM=recent` once its first pass is done, with the busiest 10-s
 *    window the warmer used, and one interactive read during warming against the same read on an idle server.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { batchGetBookings } from "@hostaway-mcp/batch-runner";
import type { Booking, ConversationThread, PartialFailureResponse } from "@hostaway-mcp/domain-models";
import { createHostawayClient } from "@hostaway-mcp/hostaway-client";
import { spread } from "../lib/ids.ts";
import { judge, progress } from "../lib/report.ts";
import { type BenchSandbox, startBenchSandbox } from "../lib/sandbox.ts";
import { conditionsFor, type Scenario } from "../lib/scenario.ts";
import {
  type Conditions,
  type Counted,
  counted,
  restGet,
  waitForToken,
  withServer,
} from "../lib/server-case.ts";
import { seconds, type Table } from "../lib/table.ts";
import { bookingsWithMessagesBetween, messageTime, sentMessages } from "../lib/truth.ts";

/** The issue's hope: a search answered from cache after 3 min of warming. */
const WARM_MINUTES = 3;
/** How long the bench waits at most for the warmer's first pass. */
const WARM_LIMIT_MS = 8 * 60_000;

export const planner: Scenario = async ({ options, report }) => {
  const conditions = conditionsFor(options, { latencyMs: 150, limitsOn: true });
  const applicable = conditions.latencyMs === 150 && conditions.limitsOn;
  const log = options.serverLogLevel;

  // a + b: booking batches.
  progress("planner: 50-id booking batch, one read per id (the baseline, about 30 s)");
  const baseline = await singleReadBaseline(options, conditions);
  progress("planner: 50-id and 3-id booking batches through REST");
  const batches = await withServer(
    options,
    conditions,
    "rest",
    "planner-batches",
    {},
    log,
    async (bench, server) => {
      await waitForToken(bench, server);
      const ids = batchIds(bench, 50);
      let answer: PartialFailureResponse<Booking> | undefined;
      const get = async (path: string) => {
        const response = await restGet(server, path);
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
        answer = JSON.parse(response.body) as PartialFailureResponse<Booking>;
      };
      const first = await counted(bench, () => get(`/api/batch/bookings?booking_ids=${ids.join(",")}`));
      const firstOk = answer?.summary.succeeded ?? 0;
      const again = await counted(bench, () => get(`/api/batch/bookings?booking_ids=${ids.join(",")}`));
      const small = await counted(bench, () =>
        get(`/api/batch/bookings?booking_ids=${batchIds(bench, 3, 7).join(",")}`),
      );
      const smallOk = answer?.summary.succeeded ?? 0;
      const pages = Math.ceil(bench.sandbox.data.reservations.length / 100);
      // An interactive read on an idle server, to set against the same read while the warmer runs (d).
      const idleRead = await counted(bench, () =>
        get(`/api/listings/${bench.sandbox.fixtures.listingIds[2]}`).catch(() => {}),
      );
      return { first, again, small, firstOk, smallOk, pages, idleRead };
    },
  );
  const batchTable: Table = {
    title: `7a. Booking batches (latency ${conditions.latencyMs} ms, limits ${conditions.limitsOn ? "on" : "off"}; warm server, cache empty)`,
    headers: ["batch", "answers", "upstream req", "wall"],
    rows: [
      [
        "50 ids, one read per id (before: the library with strategy single)",
        `${baseline.ok} / 50`,
        String(baseline.requests),
        seconds(baseline.wallMs),
      ],
      [
        "50 ids, planned (REST)",
        `${batches.firstOk} / 50`,
        String(batches.first.requests),
        seconds(batches.first.wallMs),
      ],
      ["the same 50 again at once", "50 / 50", String(batches.again.requests), seconds(batches.again.wallMs)],
      [
        "3 ids (reads singly)",
        `${batches.smallOk} / 3`,
        String(batches.small.requests),
        seconds(batches.small.wallMs),
      ],
    ],
    notes: [
      `the account holds ${batches.pages} index pages of 100 reservations; planned = 1 size read + the index pages`,
    ],
  };
  report.printTable(batchTable);
  report.addTarget({
    scenario: "planner",
    target: "50-id booking batch: < 5 s with ≤ index pages + 2 upstream requests; again within 15 s: 0",
    measured: `${seconds(batches.first.wallMs)}, ${batches.first.requests} requests (${batches.pages} pages); again ${batches.again.requests}; before ${seconds(baseline.wallMs)}, ${baseline.requests}`,
    status: judge(
      batches.firstOk === 50 &&
        batches.first.wallMs < 5000 &&
        batches.first.requests <= batches.pages + 2 &&
        batches.again.requests === 0,
      applicable,
    ),
  });
  report.addTarget({
    scenario: "planner",
    target: "3-id batch on the 406-reservation account reads singly: ≤ 3 requests",
    measured: `${batches.small.requests} requests`,
    status: judge(batches.small.requests <= 3 && batches.smallOk === 3, applicable),
  });

  // c: the 7-day search, cold.
  progress("planner: 7-day search, cold (about 80 s)");
  const cold = await withServer(
    options,
    conditions,
    "rest",
    "planner-search-cold",
    {},
    log,
    async (bench, server) => {
      await waitForToken(bench, server);
      return searchUntilComplete(bench, server);
    },
  );

  // d: the same search once the warmer finished its first pass (at 5 background requests per 10 s a pass over
  // 100 bookings takes about 3.5 min: more than the 3 min the issue hoped for, see the note).
  progress("planner: 7-day search once HOSTAWAY_WARM=recent finished its first pass (about 5 min)");
  const warm = await withServer(
    options,
    conditions,
    "rest",
    "planner-search-warm",
    { HOSTAWAY_WARM: "recent" },
    log,
    async (bench, server) => {
      await waitForToken(bench, server);
      const startedAt = Date.now();
      bench.sandbox.resetStats();
      await sleep(90_000);
      // Only background requests so far: the busiest window is the warmer's alone.
      const busiestBefore = bench.sandbox.stats().maxInAnyWindow.ip;
      const duringWarming = await counted(bench, async () => {
        await restGet(server, `/api/listings/${bench.sandbox.fixtures.listingIds[2]}`);
      });
      bench.sandbox.resetStats();
      let health: { warming?: { passes?: number } } = {};
      while (Date.now() - startedAt < WARM_LIMIT_MS) {
        health = JSON.parse((await restGet(server, "/health")).body) as typeof health;
        if ((health.warming?.passes ?? 0) >= 1) break;
        await sleep(5_000);
      }
      const warmedAfterMs = Date.now() - startedAt;
      const busiest = Math.max(busiestBefore, bench.sandbox.stats().maxInAnyWindow.ip);
      const result = await searchUntilComplete(bench, server);
      return { ...result, busiest, duringWarming, warmedAfterMs, health: health.warming };
    },
  );

  const searchRow = (label: string, row: SearchResult) => [
    label,
    `${row.calls[0]?.found ?? 0} / ${row.truth}`,
    String(row.calls[0]?.requests ?? 0),
    seconds(row.calls[0]?.wallMs ?? 0),
    row.calls.length === 1
      ? "–"
      : row.calls
          .slice(1)
          .map((call) => `${call.found} / ${row.truth}, ${call.requests} req, ${seconds(call.wallMs)}`)
          .join("; "),
  ];
  const searchTable: Table = {
    title: "7b. Messages of the last 7 days (REST)",
    headers: [
      "server",
      "bookings found",
      "upstream req",
      "wall",
      "further calls, while the previous named unread bookings",
    ],
    rows: [
      searchRow("cold", cold),
      searchRow(`after the first warm pass (${seconds(warm.warmedAfterMs)})`, warm),
    ],
    notes: [
      `warming: the busiest 10-s window held ${warm.busiest} requests (background share 25 % of 20 = 5); an interactive GET /api/listings/{id} during warming took ${seconds(warm.duringWarming.wallMs)} (${warm.duringWarming.requests} req) against ${seconds(batches.idleRead.wallMs)} on an idle server`,
      `/health warming detail: ${JSON.stringify(warm.health)}`,
      `arithmetic: ${cold.truth} bookings need at least one message-page read each; at 15 requests per 10 s a 40 s call sends at most 60, and the warmer at 5 per 10 s at most 90 in ${WARM_MINUTES} min`,
      ...(cold.calls[0]?.note ? [`cold first call's note: ${cold.calls[0].note.slice(0, 300)}`] : []),
    ],
  };
  report.printTable(searchTable);
  const last = (row: SearchResult) => row.calls[row.calls.length - 1];
  const completeCold = last(cold)?.found === cold.truth && cold.messagesOk;
  report.addTarget({
    scenario: "planner",
    target:
      "7-day search returns every matching booking: cold within the deadline or completed by a second call",
    measured: `${cold.calls.length} calls: ${cold.calls.map((call) => `${call.found}/${cold.truth} in ${seconds(call.wallMs)}`).join(", ")}; messages ${cold.messages.returned}/${cold.messages.expected}${cold.messagesOk ? ", the same ids" : ", ids differ"}`,
    status: judge(completeCold && cold.calls.length <= 2, applicable),
  });
  const warmFirst = warm.calls[0];
  report.addTarget({
    scenario: "planner",
    target: `7-day search after ${WARM_MINUTES} min of warming: < 2 s with ≤ 3 upstream requests`,
    measured: `after ${seconds(warm.warmedAfterMs)} (first pass): ${seconds(warmFirst?.wallMs ?? 0)}, ${warmFirst?.requests} requests, ${warmFirst?.found}/${warm.truth} bookings`,
    status: judge(
      warm.warmedAfterMs <= WARM_MINUTES * 60_000 &&
        (warmFirst?.wallMs ?? Number.POSITIVE_INFINITY) < 2000 &&
        (warmFirst?.requests ?? Number.POSITIVE_INFINITY) <= 3 &&
        warmFirst?.found === warm.truth,
      applicable,
    ),
  });
  report.addTarget({
    scenario: "planner",
    target: "warming never holds more than 25 % of the account window (5 per 10 s)",
    measured: `busiest window ${warm.busiest}`,
    status: judge(warm.busiest <= 5, applicable),
  });
  return {
    conditions: { ...conditions, warmMinutes: WARM_MINUTES },
    tables: [batchTable, searchTable],
    data: { baseline, batches, cold, warm },
  };
};

function batchIds(bench: BenchSandbox, count: number, offset = 0): number[] {
  return spread(bench.sandbox.fixtures.bookingIds.slice(offset), count);
}

async function singleReadBaseline(options: Parameters<Scenario>[0]["options"], conditions: Conditions) {
  const bench = await startBenchSandbox(options, conditions);
  const { upstream } = bench;
  const client = createHostawayClient({
    accountId: upstream.accountId,
    secretKey: upstream.secretKey,
    baseUrl: upstream.baseUrl,
    rateLimit: { ip: upstream.rateLimitIp, account: upstream.rateLimitAccount },
  });
  try {
    await client.authenticate();
    let ok = 0;
    const measured = await counted(bench, async () => {
      ok = (await batchGetBookings(client, batchIds(bench, 50), { strategy: "single" })).summary.succeeded;
    });
    return { ...measured, ok };
  } finally {
    client.close();
    await bench.sandbox.close();
  }
}

interface SearchCall extends Counted {
  found: number;
  note: string | null;
}

interface SearchResult {
  truth: number;
  messagesOk: boolean;
  /** Sent messages in the range: the dataset's count, and how many the final answer returned. */
  messages: { expected: number; returned: number };
  /** The first call, then each further call made while the previous one named bookings it did not read. */
  calls: SearchCall[];
}

/** At most this many calls: each continues from the cache where the last stopped. */
const MAX_SEARCH_CALLS = 4;

async function searchUntilComplete(
  bench: BenchSandbox,
  server: Parameters<typeof restGet>[0],
): Promise<SearchResult> {
  const today = new Date();
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const [start, end] = [day(-7), day(0)];
  const truth = bookingsWithMessagesBetween(bench.sandbox.data, start, end);
  const call = async (): Promise<SearchCall & { answer: PartialFailureResponse<ConversationThread> }> => {
    let answer: PartialFailureResponse<ConversationThread> | undefined;
    const measured = await counted(bench, async () => {
      const response = await restGet(server, `/api/messages?start_date=${start}&end_date=${end}&limit=1000`);
      if (response.status !== 200)
        throw new Error(`search answered ${response.status}: ${response.body.slice(0, 200)}`);
      answer = JSON.parse(response.body) as PartialFailureResponse<ConversationThread>;
    });
    const found = new Set(answer?.successful_results.map((thread) => thread.booking_id));
    const matched = truth.matchingBookings.filter((id) => found.has(id)).length;
    return {
      ...measured,
      found: matched,
      note: answer?.note ?? null,
      answer: answer as PartialFailureResponse<ConversationThread>,
    };
  };
  const calls = [await call()];
  while (calls.length < MAX_SEARCH_CALLS && calls[calls.length - 1]?.note?.includes("ran out of its")) {
    calls.push(await call());
  }
  const final = calls[calls.length - 1] as (typeof calls)[number];
  // Every message in the range is there, and nothing else: the answer's message ids equal the dataset's, with each
  // message timed as readers time it (`date`, else `sentChannelDate`, else `insertedOn`).
  const from = Date.parse(`${start}T00:00:00Z`);
  const to = Date.parse(`${end}T00:00:00Z`) + 86_400_000;
  const expectedIds = sentMessages(bench.sandbox.data)
    .filter((message) => {
      const at = messageTime(message).getTime();
      return at >= from && at < to;
    })
    .map((message) => message.id)
    .sort((a, b) => a - b);
  const returnedIds = final.answer.successful_results
    .flatMap((thread) => thread.messages.map((message) => message.id))
    .sort((a, b) => a - b);
  const strip = ({ answer: _answer, ...rest }: SearchCall & { answer: unknown }): SearchCall => rest;
  return {
    truth: truth.matchingBookings.length,
    messagesOk:
      returnedIds.length === expectedIds.length && returnedIds.every((id, i) => id === expectedIds[i]),
    messages: { expected: expectedIds.length, returned: returnedIds.length },
    calls: calls.map(strip),
  };
}
