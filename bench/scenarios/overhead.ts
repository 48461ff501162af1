/**
 * Scenario 1, own overhead: the same listing read three ways (straight from the sandbox, through the REST server,
 * through the MCP server over Streamable HTTP), with the sandbox at 0 ms latency and every limit off, so what the
 * servers add is all that separates the three. Blocks of the three paths alternate in rounds, so background noise
 * on the machine falls on all of them alike.
 */
import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js";
import { mcpPost, runPool, timedGet, toolResult } from "../lib/http.ts";
import { type LatencySummary, summarize } from "../lib/percentiles.ts";
import { judge, progress } from "../lib/report.ts";
import { directToken, startBenchSandbox } from "../lib/sandbox.ts";
import { conditionsFor, type Scenario } from "../lib/scenario.ts";
import { BENCH_API_KEY, type RunningServer, startServer } from "../lib/server-process.ts";
import { ms, ratio, type Table } from "../lib/table.ts";

const PATHS = ["direct", "rest", "mcp"] as const;
type PathName = (typeof PATHS)[number];

const PATH_LABEL: Record<PathName, string> = {
  direct: "sandbox direct `GET /v1/listings/{id}`",
  rest: "REST `GET /api/listings/{id}`",
  mcp: "MCP `hostaway_get_property_details`",
};

const ROUNDS = 4;

interface PathFigures {
  summary: LatencySummary | null;
  errors: number;
  firstError: string | null;
  throughputPerSecond: number;
}

export const overhead: Scenario = async ({ options, report }) => {
  const conditions = conditionsFor(options, { latencyMs: 0, limitsOn: false });
  const bench = await startBenchSandbox(options, conditions);
  const servers: RunningServer[] = [];
  try {
    const rest = await startServer({
      kind: "rest",
      upstream: bench.upstream,
      label: "overhead-rest",
      logLevel: options.serverLogLevel,
    });
    servers.push(rest);
    const mcp = await startServer({
      kind: "mcp",
      upstream: bench.upstream,
      label: "overhead-mcp",
      logLevel: options.serverLogLevel,
    });
    servers.push(mcp);

    const token = await directToken(bench.sandbox.url, bench.sandbox.credentials);
    const listingIds = bench.sandbox.fixtures.listingIds;
    const listingAt = (index: number): number => listingIds[index % listingIds.length]!;
    const mcpEndpoint = `${mcp.origin}/mcp`;
    await mcpHandshake(mcpEndpoint);

    let rpcId = 10;
    const request: Record<PathName, (index: number) => Promise<{ ms: number; error: string | null }>> = {
      direct: async (index) => {
        const answer = await timedGet(`${bench.sandbox.url}/listings/${listingAt(index)}`, {
          authorization: `Bearer ${token}`,
        });
        return { ms: answer.ms, error: answer.status === 200 ? null : `HTTP ${answer.status}` };
      },
      rest: async (index) => {
        const answer = await timedGet(`${rest.origin}/api/listings/${listingAt(index)}`, {
          "x-api-key": BENCH_API_KEY,
        });
        return {
          ms: answer.ms,
          error: answer.status === 200 ? null : `HTTP ${answer.status}: ${answer.body.slice(0, 200)}`,
        };
      },
      mcp: async (index) => {
        const exchange = await mcpPost(mcpEndpoint, BENCH_API_KEY, {
          id: rpcId++,
          method: "tools/call",
          params: { name: "hostaway_get_property_details", arguments: { listing_id: listingAt(index) } },
        });
        const outcome = toolResult(exchange);
        return { ms: exchange.ms, error: outcome.ok ? null : outcome.why };
      },
    };

    // Warm-up: JIT, keep-alive connections, the servers' tokens (not measured).
    for (const path of PATHS) {
      await runPool(options.warmup, Math.max(...options.concurrency), (index) => request[path](index));
    }

    const byConcurrency: Record<string, Record<PathName, PathFigures>> = {};
    for (const concurrency of options.concurrency) {
      progress(`overhead: ${options.iterations} requests per path at concurrency ${concurrency}`);
      const samples: Record<PathName, number[]> = { direct: [], rest: [], mcp: [] };
      const errors: Record<PathName, string[]> = { direct: [], rest: [], mcp: [] };
      const busyMs: Record<PathName, number> = { direct: 0, rest: 0, mcp: 0 };
      const perRound = Math.ceil(options.iterations / ROUNDS);
      for (let round = 0; round < ROUNDS; round += 1) {
        const count = Math.min(perRound, options.iterations - round * perRound);
        if (count <= 0) break;
        for (const path of PATHS) {
          const started = performance.now();
          const results = await runPool(count, concurrency, (index) =>
            request[path](round * perRound + index),
          );
          busyMs[path] += performance.now() - started;
          for (const result of results) {
            if (result.error === null) samples[path].push(result.ms);
            else errors[path].push(result.error);
          }
        }
      }
      const figures = {} as Record<PathName, PathFigures>;
      for (const path of PATHS) {
        figures[path] = {
          summary: samples[path].length > 0 ? summarize(samples[path]) : null,
          errors: errors[path].length,
          firstError: errors[path][0] ?? null,
          throughputPerSecond: (samples[path].length + errors[path].length) / (busyMs[path] / 1000),
        };
      }
      byConcurrency[String(concurrency)] = figures;
    }

    const peakRss = { rest: await rest.peakRssBytes(), mcp: await mcp.peakRssBytes() };
    const table = overheadTable(byConcurrency, conditions);
    report.printTable(table);

    const atOne = byConcurrency["1"];
    const applicable = conditions.latencyMs === 0 && !conditions.limitsOn && atOne !== undefined;
    for (const [path, limitMs] of [
      ["rest", 5],
      ["mcp", 10],
    ] as const) {
      const extra = atOne ? overheadAt(atOne, path, "p95") : null;
      report.addTarget({
        scenario: "overhead",
        target: `${path === "rest" ? "REST" : "MCP over HTTP"} own overhead p95 at c=1 ≤ ${limitMs} ms`,
        measured:
          extra === null
            ? "no data"
            : `${ms(extra)} (p95 ${ms(atOne?.[path].summary?.p95)} vs direct ${ms(atOne?.direct.summary?.p95)})`,
        status: judge(extra !== null && extra <= limitMs && (atOne?.[path].errors ?? 1) === 0, applicable),
        ...(applicable ? {} : { note: "needs --latency 0, --limits off and concurrency 1" }),
      });
    }

    return {
      conditions: { ...conditions, iterations: options.iterations, warmup: options.warmup },
      tables: [table],
      data: { byConcurrency, peakRss },
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await bench.sandbox.close();
  }
};

/** Own overhead at a percentile: the path's percentile minus the direct request's. */
function overheadAt(
  figures: Record<PathName, PathFigures>,
  path: PathName,
  at: "p50" | "p95" | "p99",
): number | null {
  const mine = figures[path].summary?.[at];
  const direct = figures.direct.summary?.[at];
  return mine === undefined || direct === undefined ? null : mine - direct;
}

function overheadTable(
  byConcurrency: Record<string, Record<PathName, PathFigures>>,
  conditions: { latencyMs: number; limitsOn: boolean },
): Table {
  const rows: string[][] = [];
  for (const [concurrency, figures] of Object.entries(byConcurrency)) {
    for (const path of PATHS) {
      const summary = figures[path].summary;
      const direct = figures.direct.summary;
      rows.push([
        concurrency,
        PATH_LABEL[path],
        String(summary?.count ?? 0),
        String(figures[path].errors),
        ms(summary?.p50),
        ms(summary?.p95),
        ms(summary?.p99),
        path === "direct"
          ? "baseline"
          : `${ms(overheadAt(figures, path, "p50"))} / ${ms(overheadAt(figures, path, "p95"))} / ${ms(overheadAt(figures, path, "p99"))}`,
        path === "direct" || !summary || !direct ? "–" : ratio(summary.p50 / direct.p50),
        `${Math.round(figures[path].throughputPerSecond)}/s`,
      ]);
    }
  }
  const firstErrors = Object.entries(byConcurrency).flatMap(([concurrency, figures]) =>
    PATHS.filter((path) => figures[path].firstError).map(
      (path) => `c=${concurrency} ${path}: first error: ${figures[path].firstError}`,
    ),
  );
  return {
    title: `1. Own overhead (sandbox latency ${conditions.latencyMs} ms, limits ${conditions.limitsOn ? "on" : "off"})`,
    headers: [
      "c",
      "path",
      "n",
      "errors",
      "p50",
      "p95",
      "p99",
      "overhead p50 / p95 / p99",
      "p50 ratio",
      "throughput",
    ],
    rows,
    notes: [
      "overhead at pX = the path's pX minus the direct request's pX (same run, same listing ids, alternating rounds)",
      "times are client-observed, from the call to the last byte of the body, over keep-alive connections",
      ...firstErrors,
    ],
  };
}

/** A Streamable HTTP client's first exchange: initialize, then check the tool is listed. */
async function mcpHandshake(endpoint: string): Promise<void> {
  const init = await mcpPost(endpoint, BENCH_API_KEY, {
    id: 1,
    method: "initialize",
    params: {
      protocolVersion: LATEST_PROTOCOL_VERSION,
      capabilities: {},
      clientInfo: { name: "hostaway-bench", version: "0" },
    },
  });
  if (init.status !== 200 || !init.message?.result) {
    throw new Error(`MCP initialize failed: HTTP ${init.status} ${init.body.slice(0, 300)}`);
  }
  const tools = await mcpPost(endpoint, BENCH_API_KEY, { id: 2, method: "tools/list" });
  const names = ((tools.message?.result as { tools?: { name: string }[] } | undefined)?.tools ?? []).map(
    (tool) => tool.name,
  );
  if (!names.includes("hostaway_get_property_details")) {
    throw new Error(
      `MCP server does not list hostaway_get_property_details (tools: ${names.join(", ") || "none"})`,
    );
  }
}
