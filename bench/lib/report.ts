import { mkdir, writeFile } from "node:fs/promises";
import { cpus, freemem, loadavg, totalmem } from "node:os";
import { dirname } from "node:path";
import type { BenchOptions, ScenarioName } from "./options.ts";
import { renderTable, type Table } from "./table.ts";

export type TargetStatus = "PASS" | "MISS" | "n/a";

/** One of issue 6's targets and where this run stands against it. */
export interface TargetResult {
  scenario: ScenarioName;
  /** The target as the issue states it, e.g. "REST overhead p95 at c=1 ≤ 5 ms". */
  target: string;
  /** What this run measured, formatted. */
  measured: string;
  status: TargetStatus;
  /** Why n/a, or which part missed. */
  note?: string;
}

export interface ScenarioRecord {
  /** The conditions the scenario ran under (latency, limits, sizes, via). */
  conditions: Record<string, unknown>;
  tables: Table[];
  /** Raw figures for machines (every number behind the tables). */
  data: unknown;
  error?: string;
  wallMs: number;
}

export interface MachineInfo {
  date: string;
  platform: string;
  node: string;
  cpuModel: string;
  nproc: number;
  memoryBytes: number;
  freeMemoryBytes: number;
  loadAverage: number[];
}

export function machineInfo(): MachineInfo {
  const cpuList = cpus();
  return {
    date: new Date().toISOString(),
    platform: `${process.platform} ${process.arch}`,
    node: process.version,
    cpuModel: cpuList[0]?.model.trim() ?? "unknown",
    nproc: cpuList.length,
    memoryBytes: totalmem(),
    freeMemoryBytes: freemem(),
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

/** Everything a run produced; written as JSON at the end. */
export class RunReport {
  readonly machine = machineInfo();
  readonly scenarios: Partial<Record<ScenarioName, ScenarioRecord>> = {};
  readonly targets: TargetResult[] = [];
  readonly #options: BenchOptions;

  constructor(options: BenchOptions) {
    this.#options = options;
  }

  /** Prints a table to stdout as soon as it is ready, so a long run shows progress. */
  printTable(table: Table): void {
    process.stdout.write(`\n${renderTable(table)}`);
  }

  addTarget(target: TargetResult): void {
    this.targets.push(target);
  }

  targetsTable(): Table {
    return {
      title: "Targets (issue 6)",
      headers: ["scenario", "target", "measured", "status"],
      rows: this.targets.map((target) => [
        target.scenario,
        target.target,
        target.measured,
        target.note ? `${target.status} (${target.note})` : target.status,
      ]),
    };
  }

  async write(path: string): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
    const { out: _out, help: _help, ...options } = this.#options;
    const json = {
      machine: { ...this.machine, loadAverageAtEnd: loadavg().map((value) => Math.round(value * 100) / 100) },
      finishedAt: new Date().toISOString(),
      options,
      scenarios: this.scenarios,
      targets: this.targets,
    };
    await writeFile(path, `${JSON.stringify(json, null, 2)}\n`);
  }
}

/** PASS when the measured value meets the target, n/a when the scenario ran off the target's stated conditions. */
export function judge(pass: boolean, applicable = true): TargetStatus {
  if (!applicable) return "n/a";
  return pass ? "PASS" : "MISS";
}

/** Progress lines go to stderr so stdout stays the tables. */
export function progress(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}
