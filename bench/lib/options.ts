import { resolve } from "node:path";
import { parseArgs } from "node:util";

export const SCENARIOS = [
  "overhead",
  "conversations",
  "batches",
  "search",
  "load",
  "freshness",
  "planner",
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** How scenarios 2–4 reach the packages: in this process (`library`) or through the REST server's routes (`rest`). */
export const VIAS = ["library", "rest"] as const;
export type Via = (typeof VIAS)[number];

export interface BenchOptions {
  only: ScenarioName[];
  /** Overhead: measured requests per target and concurrency. */
  iterations: number;
  /** Overhead: unmeasured requests per target first (JIT, connection pools, token). */
  warmup: number;
  /** Overhead: the concurrency levels. */
  concurrency: number[];
  /** Upstream latency in ms; undefined = each scenario's default (overhead 0, the others 150). */
  latencyMs: number | undefined;
  /** Sandbox rate limits; undefined = each scenario's default (overhead off, the others on). */
  limits: boolean | undefined;
  ipLimit: number;
  accountLimit: number;
  windowMs: number;
  /** Ids per batch (scenario 3). */
  batchSize: number;
  /** Requests per load case (scenario 5). */
  loadRequests: number;
  via: Via[];
  /** Guest name for scenario 4; undefined = the surname the sandbox shares between two guests. */
  searchName: string | undefined;
  searchDays: number;
  out: string;
  /** LOG_LEVEL for the servers; undefined = their default. */
  serverLogLevel: string | undefined;
  help: boolean;
}

export const DEFAULT_LATENCY_MS = { overhead: 0, others: 150 } as const;

export const HELP = `Usage: node run-all.ts [options]     (or: pnpm bench -- [options] from the repository root)

Runs the benchmark scenarios against the sandbox on 127.0.0.1, prints a markdown table per scenario and the targets
(PASS/MISS), and writes everything to bench/results/latest.json.

Scenarios (all by default, in this order): ${SCENARIOS.join(", ")}

Options:
  --only <list>            comma-separated scenarios to run
  --iterations <n>         overhead: measured requests per target and concurrency     (default 400)
  --warmup <n>             overhead: unmeasured requests per target first             (default 50)
  --concurrency <list>     overhead: concurrency levels                               (default 1,50)
  --latency <ms>           upstream latency for every scenario        (default: overhead 0, the others 150)
  --limits on|off          Hostaway's rate limits in the sandbox      (default: overhead off, the others on)
  --ip-limit <n>           sandbox per-IP limit per window, also the servers' upstream limit   (default 15)
  --account-limit <n>      sandbox per-account limit per window                                (default 20)
  --window-ms <ms>         rate-limit window                                                   (default 10000)
  --batch-size <n>         ids per batch in the batches scenario                               (default 50)
  --load-requests <n>      concurrent requests per load case                                   (default 100)
  --via <list>             conversations/batches/search through: library, rest   (default library,rest)
  --search-name <name>     guest name for the search scenario  (default: the surname two sandbox guests share)
  --search-days <n>        the "recent messages" window of the search scenario                 (default 7)
  --server-log-level <lvl> LOG_LEVEL for the servers (default: theirs); logs go to bench/results/logs/
  --out <file>             where the JSON goes                       (default bench/results/latest.json)
  --help                   this text

Targets are judged only when a scenario runs at the conditions the target is stated for (e.g. 50 ids, 150 ms,
limits on); otherwise they print as n/a.`;

export class OptionsError extends Error {
  override readonly name = "OptionsError";
}

export function parseOptions(argv: readonly string[], benchDir: string): BenchOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new OptionsError(`${error instanceof Error ? error.message : String(error)} (see --help)`);
  }
  const { values } = parsed;
  const only = list(values.only, "--only", SCENARIOS) ?? [...SCENARIOS];
  const via = list(values.via, "--via", VIAS) ?? [...VIAS];
  const concurrency = (values.concurrency ?? "1,50")
    .split(",")
    .map((item) => wholeNumber(item.trim(), "--concurrency", 1));
  let limits: boolean | undefined;
  if (values.limits !== undefined) {
    if (values.limits !== "on" && values.limits !== "off") {
      throw new OptionsError(`--limits must be "on" or "off", got "${values.limits}"`);
    }
    limits = values.limits === "on";
  }
  const searchName = values["search-name"]?.trim();
  if (searchName === "") throw new OptionsError("--search-name must not be empty");
  return {
    only,
    iterations: wholeNumber(values.iterations ?? "400", "--iterations", 1),
    warmup: wholeNumber(values.warmup ?? "50", "--warmup", 0),
    concurrency,
    latencyMs: values.latency === undefined ? undefined : wholeNumber(values.latency, "--latency", 0),
    limits,
    ipLimit: wholeNumber(values["ip-limit"] ?? "15", "--ip-limit", 1),
    accountLimit: wholeNumber(values["account-limit"] ?? "20", "--account-limit", 1),
    windowMs: wholeNumber(values["window-ms"] ?? "10000", "--window-ms", 1),
    batchSize: wholeNumber(values["batch-size"] ?? "50", "--batch-size", 1, 50),
    loadRequests: wholeNumber(values["load-requests"] ?? "100", "--load-requests", 1),
    via,
    searchName,
    searchDays: wholeNumber(values["search-days"] ?? "7", "--search-days", 1),
    out: resolve(benchDir, values.out ?? "results/latest.json"),
    serverLogLevel: values["server-log-level"],
    help: values.help ?? false,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      only: { type: "string" },
      iterations: { type: "string" },
      warmup: { type: "string" },
      concurrency: { type: "string" },
      latency: { type: "string" },
      limits: { type: "string" },
      "ip-limit": { type: "string" },
      "account-limit": { type: "string" },
      "window-ms": { type: "string" },
      "batch-size": { type: "string" },
      "load-requests": { type: "string" },
      via: { type: "string" },
      "search-name": { type: "string" },
      "search-days": { type: "string" },
      "server-log-level": { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

function wholeNumber(raw: string, flag: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `${min}..${max}`;
    throw new OptionsError(`${flag} must be a whole number ${range}, got "${raw}"`);
  }
  return value;
}

function list<T extends string>(
  raw: string | undefined,
  flag: string,
  allowed: readonly T[],
): T[] | undefined {
  if (raw === undefined) return undefined;
  const items = raw
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  const unknown = items.filter((item) => !allowed.includes(item as T));
  if (items.length === 0 || unknown.length > 0) {
    throw new OptionsError(`${flag} takes a comma-separated list of ${allowed.join(", ")}; got "${raw}"`);
  }
  return [...new Set(items as T[])];
}
