/**
 * `pnpm bench`: runs the scenarios of issue 6 against the sandbox on 127.0.0.1, prints a markdown table per
 * scenario and the targets, and writes bench/results/latest.json. `node run-all.ts --help` lists the flags.
 */
import { loadavg } from "node:os";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { HELP, OptionsError, parseOptions, type ScenarioName } from "./lib/options.ts";
import { progress, RunReport } from "./lib/report.ts";
import type { Scenario } from "./lib/scenario.ts";
import { batches } from "./scenarios/batches.ts";
import { conversations } from "./scenarios/conversations.ts";
import { freshness } from "./scenarios/freshness.ts";
import { load } from "./scenarios/load.ts";
import { overhead } from "./scenarios/overhead.ts";
import { planner } from "./scenarios/planner.ts";
import { search } from "./scenarios/search.ts";

const SCENARIO_RUNNERS: Record<ScenarioName, Scenario> = {
  overhead,
  conversations,
  batches,
  search,
  load,
  freshness,
  planner,
};

async function main(): Promise<number> {
  const benchDir = dirname(fileURLToPath(import.meta.url));
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(process.argv.slice(2), benchDir);
  } catch (error) {
    if (error instanceof OptionsError) {
      console.error(`bench: ${error.message}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }

  const report = new RunReport(options);
  const { machine } = report;
  process.stdout.write(
    `# hostaway-mcp bench\n\n${machine.date} · ${machine.platform} · node ${machine.node} · ${machine.nproc} × ${machine.cpuModel} · ${(machine.memoryBytes / 2 ** 30).toFixed(1)} GiB · load ${machine.loadAverage.join(" ")}\n`,
  );

  let failures = 0;
  for (const name of options.only) {
    progress(`scenario ${name}`);
    const started = performance.now();
    try {
      const output = await SCENARIO_RUNNERS[name]({ options, report });
      report.scenarios[name] = { ...output, wallMs: performance.now() - started };
    } catch (error) {
      failures += 1;
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`bench: scenario ${name} failed: ${message}`);
      report.scenarios[name] = {
        conditions: {},
        tables: [],
        data: null,
        error: message,
        wallMs: performance.now() - started,
      };
    }
  }

  report.printTable(report.targetsTable());
  process.stdout.write(
    `\nload average at the end: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(" ")}\n`,
  );
  await report.write(options.out);
  progress(`wrote ${options.out}`);
  return failures === 0 ? 0 : 1;
}

process.exitCode = await main();
