import type { BenchOptions } from "./options.ts";
import type { RunReport } from "./report.ts";
import type { Table } from "./table.ts";

export interface ScenarioContext {
  options: BenchOptions;
  report: RunReport;
}

/** What a scenario hands back for the JSON; its tables were already printed through `report.printTable`. */
export interface ScenarioOutput {
  conditions: Record<string, unknown>;
  tables: Table[];
  data: unknown;
}

export type Scenario = (context: ScenarioContext) => Promise<ScenarioOutput>;

/** The upstream latency and limits a scenario runs under: its defaults unless a flag overrides them. */
export function conditionsFor(
  options: BenchOptions,
  defaults: { latencyMs: number; limitsOn: boolean },
): { latencyMs: number; limitsOn: boolean } {
  return {
    latencyMs: options.latencyMs ?? defaults.latencyMs,
    limitsOn: options.limits ?? defaults.limitsOn,
  };
}
