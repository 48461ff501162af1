/**
 * Scenario 7, planner (issue 12), at 150 ms latency with Hostaway's limits on, each case on a fresh sandbox and a
 * fresh REST server started as its binary starts it (token held, cache empty):
 * a. a 50-id booking batch, then the same again; the baseline is one read per id through the library
 *    (`strategy: "single"`, what a booking batch cost before);
 * b. a 3-id batch (reads singly: no more requests than one per id);
 * c. "the last 7 days" cold, and a second call when the first names bookings it did not read;
 * d. the same search on a server that ran `HOSTAWAY_WARM=recent` for 3 minutes, with the busiest 10-s window the
 *    warmer used, and one interactive read during warming against the same read on an idle server.
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
import { bookingsWithMessagesBetween } from "../lib/truth.ts";

const WARM_MINUTES = 3;

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
      return searchTwice(bench, server);
    },
  );

  // d: the same search after 3 minutes of warming.
  progress(`planner: 7-day search after ${WARM_MINUTES} min of HOSTAWAY_WARM=recent`);
  const warm = await withServer(
    options,
    conditions,
    "rest",
    "planner-search-warm",
    { HOSTAWAY_WARM: "recent" },
    log,
    async (bench, server) => {
      await waitForToken(bench, server);
      bench.sandbox.resetStats();
      await sleep(90_000);
      const duringWarming = await counted(bench, async () => {
        await restGet(server, `/api/listings/${bench.sandbox.fixtures.listingIds[2]}`);
      });
      await sleep(WARM_MINUTES * 60_000 - 90_000);
      const busiest = bench.sandbox.stats().maxInAnyWindow.ip;
      const health = JSON.parse((await restGet(server, "/health")).body) as { warming?: unknown };
      const result = await searchTwice(bench, server);
      return { ...result, busiest, duringWarming, health: health.warming };
    },
  );

  const searchRow = (label: string, row: SearchResult) => [
    label,
    `${row.first.found} / ${row.truth}`,
    String(row.first.requests),
    seconds(row.first.wallMs),
    row.second === null
      ? "–"
      : `${row.second.found} / ${row.truth}, ${row.second.requests} req, ${seconds(row.second.wallMs)}`,
  ];
  const searchTable: Table = {
    title: "7b. Messages of the last 7 days (REST)",
    headers: [
      "server",
      "bookings found",
      "upstream req",
      "wall",
      "second call (when the first named unread bookings)",
    ],
    rows: [searchRow("cold", cold), searchRow(`after ${WARM_MINUTES} min of warming`, warm)],
    notes: [
      `warming: the busiest 10-s window held ${warm.busiest} requests (background share 25 % of 20 = 5); an interactive GET /api/listings/{id} during warming took ${seconds(warm.duringWarming.wallMs)} (${warm.duringWarming.requests} req) against ${seconds(batches.idleRead.wallMs)} on an idle server`,
      `/health warming detail: ${JSON.stringify(warm.health)}`,
      ...(cold.first.note ? [`cold first call's note: ${cold.first.note.slice(0, 300)}`] : []),
    ],
  };
  report.printTable(searchTable);
  const completeCold = (cold.second ?? cold.first).found === cold.truth && cold.messagesOk;
  report.addTarget({
    scenario: "planner",
    target:
      "7-day search returns every matching booking: cold within the deadline or completed by a second call",
    measured: `first ${cold.first.found}/${cold.truth} in ${seconds(cold.first.wallMs)}${cold.second ? `, second ${cold.second.found}/${cold.truth} in ${seconds(cold.second.wallMs)}` : ""}`,
    status: judge(completeCold, applicable),
  });
  report.addTarget({
    scenario: "planner",
    target: `7-day search after ${WARM_MINUTES} min of warming: < 2 s with ≤ 3 upstream requests`,
    measured: `${seconds(warm.first.wallMs)}, ${warm.first.requests} requests, ${warm.first.found}/${warm.truth} bookings`,
    status: judge(
      warm.first.wallMs < 2000 && warm.first.requests <= 3 && warm.first.found === warm.truth,
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
  first: SearchCall;
  second: SearchCall | null;
}

async function searchTwice(
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
  const first = await call();
  const second = first.note?.includes("ran out of its") ? await call() : null;
  const final = second ?? first;
  // Every message in the range is there: the total of each thread equals the dataset's count.
  const expectedMessages = bench.sandbox.data.messages.filter((message) => {
    if (message.status !== "sent" || !message.date) return false;
    const at = Date.parse(`${message.date.replace(" ", "T")}Z`);
    return at >= Date.parse(`${start}T00:00:00Z`) && at < Date.parse(`${end}T00:00:00Z`) + 86_400_000;
  }).length;
  const returnedMessages = final.answer.successful_results.reduce(
    (sum, thread) => sum + thread.total_count,
    0,
  );
  const strip = ({ answer: _answer, ...rest }: SearchCall & { answer: unknown }): SearchCall => rest;
  return {
    truth: truth.matchingBookings.length,
    messagesOk: returnedMessages === expectedMessages,
    first: strip(first),
    second: second === null ? null : strip(second),
  };
}
