/**
 * Scenario 5, load: against each server (its own fresh sandbox at Hostaway's latency and limits, the two servers
 * side by side), N concurrent identical requests (one listing), then N concurrent distinct requests (every
 * listing, then bookings to make up N). Figures: upstream requests against the distinct upstream resources they
 * touch, 429s, errors, latency, and each server's peak RSS over its whole life.
 */
import { mcpPost, toolResult } from "../lib/http.ts";
import { listingsThenBookings, type ResourceTarget } from "../lib/ids.ts";
import { type LatencySummary, summarize } from "../lib/percentiles.ts";
import { judge, progress } from "../lib/report.ts";
import { startBenchSandbox, type UpstreamFigures, upstreamFigures } from "../lib/sandbox.ts";
import { conditionsFor, type Scenario } from "../lib/scenario.ts";
import { BENCH_API_KEY, emptyNodeRssBytes, type ServerKind, startServer } from "../lib/server-process.ts";
import { megabytes, ms, type Table } from "../lib/table.ts";

const TARGET_REQUESTS = 100;
/** A request still unanswered after this long counts as an error (keeps the run bounded). */
const REQUEST_TIMEOUT_MS = 180_000;
const RSS_LIMIT_BYTES = 150 * 1024 * 1024;

type LoadCase = "identical" | "distinct";

interface CaseFigures {
  case: LoadCase;
  requests: number;
  ok: number;
  errors: number;
  errorSamples: string[];
  latency: LatencySummary | null;
  wallMs: number;
  upstream: UpstreamFigures;
  /** Distinct upstream resources touched (token included): the floor for upstream requests. */
  distinctResources: number;
  /** The server's peak RSS once this case (and every earlier one) was over. */
  peakRssAfterBytes: number | null;
}

interface ServerFigures {
  server: ServerKind;
  cases: CaseFigures[];
  startRssBytes: number | null;
  peakRssBytes: number | null;
}

export const load: Scenario = async ({ options, report }) => {
  const conditions = conditionsFor(options, { latencyMs: 150, limitsOn: true });
  const emptyNodeBytes = await emptyNodeRssBytes();
  const results = await Promise.all(
    (["rest", "mcp"] as const).map((server) => loadOneServer(server, options, conditions)),
  );

  const table: Table = {
    title: `5. Load: ${options.loadRequests} concurrent requests per case (upstream latency ${conditions.latencyMs} ms, limits ${conditions.limitsOn ? "on" : "off"})`,
    headers: [
      "server",
      "case",
      "ok",
      "errors",
      "p50",
      "p95",
      "max",
      "upstream req",
      "distinct resources",
      "429s",
      "max in one window",
      "RSS at start → peak after the case",
    ],
    rows: results.flatMap((result) =>
      result.cases.map((figures) => [
        result.server === "rest" ? "REST" : "MCP (HTTP)",
        figures.case,
        String(figures.ok),
        String(figures.errors),
        ms(figures.latency?.p50),
        ms(figures.latency?.p95),
        ms(figures.latency?.max),
        String(figures.upstream.requests),
        String(figures.distinctResources),
        String(figures.upstream.rateLimited),
        String(figures.upstream.maxInWindow),
        `${megabytes(result.startRssBytes)} → ${megabytes(figures.peakRssAfterBytes)}`,
      ]),
    ),
    notes: [
      "identical = the same listing N times (REST `GET /api/listings/{id}`, MCP `hostaway_get_property_details`); distinct = every listing once, then bookings (`/api/bookings/{id}`, `hostaway_get_booking_details`) up to N",
      "distinct resources = the floor for upstream requests: identical → the route templates the sandbox served (all N ask the same, so each template is one resource); distinct → the N targets, plus the token if one was fetched",
      `max in one window = the most requests the sandbox saw from the server in any ${options.windowMs / 1000}-s window (limit ${options.ipLimit} per IP)`,
      `RSS at start = after the first health check; peak = the kernel's high-water mark (VmHWM) of the server so far (the target uses the peak over its whole life); an empty Node process here: ${megabytes(emptyNodeBytes)}`,
      "the two servers run side by side, each against its own sandbox (separate windows)",
      ...results.flatMap((result) =>
        result.cases
          .filter((figures) => figures.errorSamples.length > 0)
          .map((figures) => `${result.server} ${figures.case}: ${figures.errorSamples.join(" | ")}`),
      ),
    ],
  };
  report.printTable(table);

  const sized = options.loadRequests === TARGET_REQUESTS;
  for (const result of results) {
    const name = result.server === "rest" ? "REST" : "MCP";
    const identical = result.cases.find((figures) => figures.case === "identical")!;
    const distinct = result.cases.find((figures) => figures.case === "distinct")!;
    report.addTarget({
      scenario: "load",
      target: `${name}: 100 identical requests → 1 upstream request per distinct upstream resource`,
      measured: `${identical.upstream.requests} upstream requests for ${identical.distinctResources} resources, ${identical.errors} errors`,
      status: judge(
        identical.errors === 0 && identical.upstream.requests === identical.distinctResources,
        sized,
      ),
      ...(sized ? {} : { note: "needs --load-requests 100" }),
    });
    const applicable = sized && conditions.limitsOn;
    report.addTarget({
      scenario: "load",
      target: `${name}: 100 distinct requests → zero 429s, zero errors`,
      measured: `${distinct.upstream.rateLimited} 429s, ${distinct.errors} errors, p95 ${ms(distinct.latency?.p95)}`,
      status: judge(distinct.upstream.rateLimited === 0 && distinct.errors === 0, applicable),
      ...(applicable ? {} : { note: "needs --load-requests 100 and --limits on" }),
    });
    report.addTarget({
      scenario: "load",
      target: `${name}: peak RSS under load < 150 MB`,
      measured: megabytes(result.peakRssBytes),
      status: judge(result.peakRssBytes !== null && result.peakRssBytes < RSS_LIMIT_BYTES, sized),
      ...(sized ? {} : { note: "needs --load-requests 100" }),
    });
  }
  return {
    conditions: { ...conditions, loadRequests: options.loadRequests },
    tables: [table],
    data: results,
  };
};

async function loadOneServer(
  kind: ServerKind,
  options: Parameters<Scenario>[0]["options"],
  conditions: { latencyMs: number; limitsOn: boolean },
): Promise<ServerFigures> {
  const bench = await startBenchSandbox(options, conditions);
  const server = await startServer({
    kind,
    upstream: bench.upstream,
    label: `load-${kind}`,
    logLevel: options.serverLogLevel,
  });
  try {
    const { fixtures } = bench.sandbox;
    const plans: Record<LoadCase, ResourceTarget[]> = {
      identical: Array.from({ length: options.loadRequests }, () => ({
        resource: "listing" as const,
        id: fixtures.listingIds[0]!,
      })),
      distinct: listingsThenBookings(fixtures.listingIds, fixtures.bookingIds, options.loadRequests),
    };
    let rpcId = 1;
    const send = async (target: ResourceTarget): Promise<{ ms: number; error: string | null }> => {
      const signal = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
      const started = performance.now();
      try {
        if (kind === "rest") {
          const path =
            target.resource === "listing" ? `/api/listings/${target.id}` : `/api/bookings/${target.id}`;
          const response = await fetch(`${server.origin}${path}`, {
            headers: { "x-api-key": BENCH_API_KEY },
            signal,
          });
          const body = await response.text();
          return {
            ms: performance.now() - started,
            error: response.ok ? null : `HTTP ${response.status}: ${body.slice(0, 160)}`,
          };
        }
        const exchange = await mcpPost(
          `${server.origin}/mcp`,
          BENCH_API_KEY,
          {
            id: rpcId++,
            method: "tools/call",
            params:
              target.resource === "listing"
                ? { name: "hostaway_get_property_details", arguments: { listing_id: target.id } }
                : { name: "hostaway_get_booking_details", arguments: { booking_id: target.id } },
          },
          signal,
        );
        const outcome = toolResult(exchange);
        return { ms: exchange.ms, error: outcome.ok ? null : outcome.why.slice(0, 160) };
      } catch (error) {
        return {
          ms: performance.now() - started,
          error: error instanceof Error ? error.message : String(error),
        };
      }
    };

    const cases: CaseFigures[] = [];
    for (const loadCase of ["identical", "distinct"] as const) {
      progress(`load: ${options.loadRequests} ${loadCase} requests against ${kind}`);
      bench.sandbox.resetStats();
      const started = performance.now();
      const outcomes = await Promise.all(plans[loadCase].map(send));
      const wallMs = performance.now() - started;
      const upstream = upstreamFigures(bench.sandbox);
      const failures = outcomes.filter((outcome) => outcome.error !== null);
      const latencies = outcomes.filter((outcome) => outcome.error === null).map((outcome) => outcome.ms);
      cases.push({
        case: loadCase,
        requests: outcomes.length,
        ok: latencies.length,
        errors: failures.length,
        errorSamples: [...new Set(failures.map((failure) => failure.error!))].slice(0, 3),
        latency: latencies.length > 0 ? summarize(latencies) : null,
        wallMs,
        upstream,
        distinctResources: distinctResources(loadCase, plans[loadCase], upstream),
        peakRssAfterBytes: await server.peakRssBytes(),
      });
    }
    // stop() takes a last reading before the process ends (VmHWM dies with it).
    return { server: kind, cases, startRssBytes: server.startRssBytes, peakRssBytes: await server.stop() };
  } finally {
    await server.stop();
    await bench.sandbox.close();
  }
}

/** The fewest upstream requests the case could have cost (see the table note). */
function distinctResources(
  loadCase: LoadCase,
  plan: readonly ResourceTarget[],
  upstream: UpstreamFigures,
): number {
  if (loadCase === "identical") return Object.values(upstream.byRoute).filter((count) => count > 0).length;
  const targets = new Set(plan.map((target) => `${target.resource}:${target.id}`)).size;
  return targets + (upstream.tokenRequests > 0 ? 1 : 0);
}
