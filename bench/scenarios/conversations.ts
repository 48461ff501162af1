/**
 * Scenario 2, conversation history: three bookings (one 100-message conversation, one 250-message conversation,
 * two interleaved conversations) read in full at Hostaway's latency and limits. Every case gets a fresh sandbox
 * (fresh rate-limit windows) and a fresh client or server, so the token request is counted; a second, warm read on
 * the same client shows the cost without it. The baseline is the fewest requests a hand-written script needs
 * (lib/direct-history.ts), issued straight to the sandbox in the same run.
 */
import { directHistory } from "../lib/direct-history.ts";
import { openReader } from "../lib/readers.ts";
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
      const bench = await startBenchSandbox(options, conditions);
      try {
        const bookingId = bench.sandbox.fixtures.bookings[testCase.fixture];
        const expectedMessages = sentMessageCount(bench.sandbox.data, bookingId);
        const { cold, warm } =
          path === "direct"
            ? await readDirect(bench, bookingId)
            : await readThrough(
                bench,
                path,
                bookingId,
                `conversations-${testCase.fixture}-${path}`,
                options.serverLogLevel,
              );
        rows.push({ booking: testCase.label, bookingId, expectedMessages, path, cold, warm });
      } finally {
        await bench.sandbox.close();
      }
    }
  }

  const table: Table = {
    title: `2. Conversation history (upstream latency ${conditions.latencyMs} ms, limits ${conditions.limitsOn ? "on" : "off"}, limit=${HISTORY_LIMIT})`,
    headers: [
      "booking",
      "path",
      "messages",
      "cold wall",
      "cold upstream req",
      "429s",
      "warm wall",
      "warm upstream req",
    ],
    rows: rows.map((row) => [
      `${row.booking} (#${row.bookingId})`,
      row.path === "direct" ? "baseline: direct, fewest requests" : row.path,
      row.cold.error ? "error" : `${row.cold.messages} / ${row.expectedMessages}`,
      seconds(row.cold.wallMs),
      String(row.cold.upstream.requests),
      String(row.cold.upstream.rateLimited + (row.warm?.upstream.rateLimited ?? 0)),
      seconds(row.warm?.wallMs),
      row.warm ? String(row.warm.upstream.requests) : "–",
    ]),
    notes: [
      "cold = fresh client/server (token request counted, and Hostaway's ~1 s token activation waited out); warm = the same read again",
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
    const { cold } = row;
    const complete = cold.error === null && cold.messages === row.expectedMessages;
    report.addTarget({
      scenario: "conversations",
      target: `100-message conversation via ${row.path}: < 1 s wall and ≤ 3 upstream requests (cold, token counted)`,
      measured: `${seconds(cold.wallMs)}, ${cold.upstream.requests} requests${complete ? "" : " (incomplete answer)"} (fewest-requests floor ${seconds(floor?.cold.wallMs)}); warm ${seconds(row.warm?.wallMs)}, ${row.warm?.upstream.requests ?? "–"} requests`,
      status: judge(complete && cold.wallMs < 1000 && cold.upstream.requests <= 3, applicable),
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

async function readThrough(
  bench: BenchSandbox,
  via: "library" | "rest",
  bookingId: number,
  label: string,
  logLevel: string | undefined,
): Promise<{ cold: Read; warm: Read | null }> {
  const { sandbox } = bench;
  // Reset before the reader exists, so a token fetched at start-up still counts.
  sandbox.resetStats();
  const reader = await openReader(via, bench, label, logLevel);
  try {
    const once = async (): Promise<Read> => {
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
      }
    };
    const cold = await once();
    sandbox.resetStats();
    const warm = await once();
    return { cold, warm };
  } finally {
    await reader.close();
  }
}
