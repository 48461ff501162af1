/**
 * Scenario 2, conversation history: three bookings (one 100-message conversation, one 250-message conversation,
 * two interleaved conversations) read in full at Hostaway's latency and limits. Each read gets a fresh sandbox
 * (fresh rate-limit windows) and a fresh client or server: cold = read at once (the token request counted, and
 * Hostaway's ~1 s token activation waited out); warm = the token already obtained, as a running server holds it
 * (the servers fetch it at start-up). The targets are judged on the warm read. The baseline is the fewest requests a
 * hand-written script needs (lib/direct-history.ts), issued straight to the sandbox in the same run.
 */
import { directHistory } from "../lib/direct-history.ts";
import { openReader, type ReaderStart } from "../lib/readers.ts";
import { judge, progress } from "../lib/report.ts";
import {
  type BenchSandbox,
  startBenchSandbox,
  type UpstreamFigures,
  upstreamFigures,
} from "../lib/sandbox.ts";
import { conditionsFor, type Scenario } from "../lib/scenario.ts";
import { seconds, type Table } from "../lib/table.ts";
import { sentMessageCount } from "../lib/truth.ts";

/** Ask for the whole history in one answer (the request schemas allow up to 1000 messages). */
const HISTORY_LIMIT = 1000;

const CASES = [
  { fixture: "hundredMessages", label: "one 100-message conversation" },
  { fixture: "twoHundredFiftyMessages", label: "one 250-message conversation" },
  { fixture: "twoConversations", label: "two conversations" },
] as const;

interface Read {
  wallMs: number;
  messages: number | null;
  upstream: UpstreamFigures;
  error: string | null;
}

interface CaseRow {
  booking: string;
  bookingId: number;
  expectedMessages: number;
  path: string;
  cold: Read;
  warm: Read | null;
}

export const conversations: Scenario = async ({ options, report }) => {
  const conditions = conditionsFor(options, { latencyMs: 150, limitsOn: true });
  const rows: CaseRow[] = [];
  for (const testCase of CASES) {
    for (const path of ["direct", ...options.via] as const) {
      progress(`conversations: ${testCase.label} via ${path}`);
      const fresh = async <T>(read: (bench: BenchSandbox, bookingId: number) => Promise<T>) => {
        const bench = await startBenchSandbox(options, conditions);
        try {
          const bookingId = bench.sandbox.fixtures.bookings[testCase.fixture];
          const expectedMessages = sentMessageCount(bench.sandbox.data, bookingId);
          return { bookingId, expectedMessages, result: await read(bench, bookingId) };
        } finally {
          await bench.sandbox.close();
        }
      };
      if (path === "direct") {
        const { bookingId, expectedMessages, result } = await fresh(readDirect);
        rows.push({ booking: testCase.label, bookingId, expectedMessages, path, ...result });
        continue;
      }
      const label = `conversations-${testCase.fixture}-${path}`;
      const cold = await fresh((bench, id) =>
        readThrough(bench, path, id, `${label}-cold`, options.serverLogLevel, "cold"),
      );
      const warm = await fresh((bench, id) =>
        readThrough(bench, path, id, `${label}-warm`, options.serverLogLevel, "warm"),
      );
      rows.push({
        booking: testCase.label,
        bookingId: cold.bookingId,
        expectedMessages: cold.expectedMessages,
        path,
        cold: cold.result,
        warm: warm.result,
      });
    }
  }

  const table: Table = {
    title: `2. Conversation history (upstream latency ${conditions.latencyMs} ms, limits ${conditions.limitsOn ? "on" : "off"}, limit=${HISTORY_LIMIT})`,
    headers: [
      "booking",
      "path",
      "messages",
      "warm wall",
      "warm upstream req",
      "cold wall",
      "cold upstream req",
      "429s",
    ],
    rows: rows.map((row) => [
      `${row.booking} (#${row.bookingId})`,
      row.path === "direct" ? "baseline: direct, fewest requests" : row.path,
      row.cold.error || row.warm?.error
        ? "error"
        : `${row.warm?.messages ?? row.cold.messages} / ${row.expectedMessages}`,
      seconds(row.warm?.wallMs),
      row.warm ? String(row.warm.upstream.requests) : "–",
      seconds(row.cold.wallMs),
      String(row.cold.upstream.requests),
      String(row.cold.upstream.rateLimited + (row.warm?.upstream.rateLimited ?? 0)),
    ]),
    notes: [
      "cold = a fresh client/server read at once: the token request counted and Hostaway's ~1 s token activation waited out (REST: the server's start-up token fetch is still under way when the read arrives); warm = a fresh client/server that already holds a usable token (library: `client.authenticate()`; REST: after its `/ready` probe), as a running server does; each on a fresh sandbox; baseline: warm = the same read again with the token",
      "messages = returned / sent messages the sandbox holds for the booking",
      ...rows
        .filter((row) => row.cold.error || row.warm?.error)
        .map((row) => `${row.booking} via ${row.path}: ${row.cold.error ?? row.warm?.error}`),
    ],
  };
  report.printTable(table);

  const applicable = conditions.latencyMs === 150 && conditions.limitsOn;
  const floor = rows.find((row) => row.booking === CASES[0].label && row.path === "direct");
  for (const row of rows.filter(
    (candidate) => candidate.booking === CASES[0].label && candidate.path !== "direct",
  )) {
    const { cold, warm } = row;
    const complete = warm !== null && warm.error === null && warm.messages === row.expectedMessages;
    report.addTarget({
      scenario: "conversations",
      target: `100-message conversation via ${row.path}: < 1 s wall and ≤ 3 upstream requests (warm: token held)`,
      measured: `warm ${seconds(warm?.wallMs)}, ${warm?.upstream.requests ?? "–"} requests${complete ? "" : " (incomplete answer)"}; cold ${seconds(cold.wallMs)}, ${cold.upstream.requests} requests (token round trip + Hostaway's 1 s activation, once per process; fewest-requests floor ${seconds(floor?.cold.wallMs)})`,
      status: judge(
        complete && warm !== null && warm.wallMs < 1000 && warm.upstream.requests <= 3,
        applicable,
      ),
      ...(applicable ? {} : { note: "needs --latency 150 and --limits on" }),
    });
  }
  return {
    conditions: { ...conditions, historyLimit: HISTORY_LIMIT, via: options.via },
    tables: [table],
    data: rows,
  };
};

async function readDirect(bench: BenchSandbox, bookingId: number): Promise<{ cold: Read; warm: Read }> {
  const { sandbox } = bench;
  sandbox.resetStats();
  let started = performance.now();
  const cold = await directHistory(sandbox.url, sandbox.credentials, bookingId);
  const coldRead: Read = {
    wallMs: performance.now() - started,
    messages: cold.messages,
    upstream: upstreamFigures(sandbox),
    error: null,
  };
  sandbox.resetStats();
  started = performance.now();
  const warm = await directHistory(sandbox.url, { token: cold.token }, bookingId);
  return {
    cold: coldRead,
    warm: {
      wallMs: performance.now() - started,
      messages: warm.messages,
      upstream: upstreamFigures(sandbox),
      error: null,
    },
  };
}

/** One read through a fresh reader: cold (stats reset before it exists, so a start-up token counts) or warm. */
async function readThrough(
  bench: BenchSandbox,
  via: "library" | "rest",
  bookingId: number,
  label: string,
  logLevel: string | undefined,
  start: ReaderStart,
): Promise<Read> {
  const { sandbox } = bench;
  sandbox.resetStats();
  const reader = await openReader(via, bench, label, logLevel, start);
  // Warm: what it took to get the token is not this read's cost.
  if (start === "warm") sandbox.resetStats();
  const started = performance.now();
  try {
    const thread = await reader.conversationHistory(bookingId, HISTORY_LIMIT);
    return {
      wallMs: performance.now() - started,
      messages: thread.messages.length,
      upstream: upstreamFigures(sandbox),
      error: null,
    };
  } catch (error) {
    return {
      wallMs: performance.now() - started,
      messages: null,
      upstream: upstreamFigures(sandbox),
      error: error instanceof Error ? error.message : String(error),
    };
  } finally {
    await reader.close();
  }
}
