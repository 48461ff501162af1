/**
 * One bench case against one server: a fresh sandbox and a fresh server (started as its binary starts it), the
 * helpers the issue-11 and issue-12 scenarios share to wait for the server's token, call its REST routes and count
 * what reached the sandbox.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { BenchOptions } from "./options.ts";
import { type BenchSandbox, startBenchSandbox, upstreamFigures } from "./sandbox.ts";
import { BENCH_API_KEY, type RunningServer, type ServerKind, startServer } from "./server-process.ts";

export type Conditions = { latencyMs: number; limitsOn: boolean };

export interface Counted {
  requests: number;
  wallMs: number;
}

export async function withServer<T>(
  options: BenchOptions,
  conditions: Conditions & { tokenTtlSeconds?: number },
  kind: ServerKind,
  label: string,
  env: Record<string, string>,
  logLevel: string | undefined,
  work: (bench: BenchSandbox, server: RunningServer) => Promise<T>,
): Promise<T> {
  const bench = await startBenchSandbox(options, conditions);
  const server = await startServer({ kind, upstream: bench.upstream, label, logLevel, env });
  try {
    return await work(bench, server);
  } finally {
    await server.stop();
    await bench.sandbox.close();
  }
}

/** Waits until the server holds a usable token (its start-up fetch, plus Hostaway's 1 s activation). */
export async function waitForToken(bench: BenchSandbox, server: RunningServer): Promise<void> {
  for (let tries = 0; tries < 100 && bench.sandbox.stats().tokenRequests === 0; tries++) await sleep(50);
  await sleep(1200);
  if (server.kind === "rest") await (await fetch(`${server.origin}/health`)).arrayBuffer();
}

export async function restGet(
  server: RunningServer,
  path: string,
): Promise<{ status: number; body: string }> {
  const response = await fetch(`${server.origin}${path}`, { headers: { "x-api-key": BENCH_API_KEY } });
  return { status: response.status, body: await response.text() };
}

export async function counted(bench: BenchSandbox, work: () => Promise<void>): Promise<Counted> {
  bench.sandbox.resetStats();
  const started = performance.now();
  await work();
  return { requests: upstreamFigures(bench.sandbox).requests, wallMs: performance.now() - started };
}
