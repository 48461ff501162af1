import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort, LOOPBACK } from "./ports.ts";
import { RssSampler, readMemory } from "./rss.ts";

export type ServerKind = "rest" | "mcp";

/** The API key the bench gives both servers (≥ 16 characters, as the servers require). */
export const BENCH_API_KEY = "bench-key-0123456789abcdef";

export interface UpstreamSettings {
  baseUrl: string;
  accountId: string;
  secretKey: string;
  /** The server's own upstream limiter, per 10 s (0 = off). */
  rateLimitIp: number;
  rateLimitAccount: number;
}

export interface StartServerOptions {
  kind: ServerKind;
  upstream: UpstreamSettings;
  /** A label for the log file: `bench/results/logs/<label>.log`. */
  label: string;
  logLevel?: string | undefined;
  /** More environment for this server (e.g. `HOSTAWAY_CACHE=off`), over the bench's own. */
  env?: Record<string, string> | undefined;
}

export interface RunningServer {
  kind: ServerKind;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  pid: number;
  logFile: string;
  /** RSS in bytes once the server answered its first health check (idle, nothing loaded yet). */
  startRssBytes: number | null;
  /** Peak RSS in bytes so far (VmHWM on Linux, else the highest `ps` sample). */
  peakRssBytes(): Promise<number | null>;
  /** SIGTERM, then SIGKILL after 5 s; returns the peak RSS seen over the process's life. */
  stop(): Promise<number | null>;
}

const require = createRequire(import.meta.url);
const benchDir = resolve(dirname(new URL(import.meta.url).pathname), "..");
export const LOG_DIR = join(benchDir, "results", "logs");

const PACKAGES: Record<ServerKind, string> = {
  rest: "@hostaway-mcp/rest-server",
  mcp: "@hostaway-mcp/mcp-server",
};

/** The built CLI of a server, found through its package name (so it is the workspace package turbo just built). */
export function serverCliPath(kind: ServerKind): string {
  const manifestPath = require.resolve(`${PACKAGES[kind]}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    bin?: Record<string, string> | string;
  };
  const bin = typeof manifest.bin === "string" ? manifest.bin : Object.values(manifest.bin ?? {})[0];
  return join(dirname(manifestPath), bin ?? "dist/cli.js");
}

/**
 * The Node flags a CLI's shebang passes (`#!/usr/bin/env -S node --max-semi-space-size=8` → that flag), so the bench
 * starts each server with the Node running the bench exactly as its bin would start it.
 */
export function shebangNodeFlags(firstLine: string): string[] {
  const match = /^#!.*?\bnode\b(.*)$/.exec(firstLine.trim());
  return match ? (match[1] ?? "").split(/\s+/).filter((flag) => flag.startsWith("-")) : [];
}

function cliNodeFlags(cli: string): string[] {
  return shebangNodeFlags(readFileSync(cli, "utf8").split("\n", 1)[0] ?? "");
}

/** Environment for a server: the sandbox as upstream, one API key, inbound limits off, loopback only. */
export function serverEnvironment(
  kind: ServerKind,
  port: number,
  upstream: UpstreamSettings,
  logLevel: string | undefined,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    HOST: LOOPBACK,
    PORT: String(port),
    API_KEYS: BENCH_API_KEY,
    HOSTAWAY_ACCOUNT_ID: upstream.accountId,
    HOSTAWAY_SECRET_KEY: upstream.secretKey,
    HOSTAWAY_API_BASE_URL: upstream.baseUrl,
    HOSTAWAY_RATE_LIMIT_IP: String(upstream.rateLimitIp),
    HOSTAWAY_RATE_LIMIT_ACCOUNT: String(upstream.rateLimitAccount),
    // Inbound limits (per caller) off: every bench request comes from one IP and one key, and the scenarios measure
    // the upstream limiter, not the front door.
    RATE_LIMIT_PER_IP: "0",
    RATE_LIMIT_PER_KEY: "0",
  };
  if (kind === "mcp") env.MCP_TRANSPORT = "http";
  if (logLevel !== undefined) env.LOG_LEVEL = logLevel;
  return env;
}

/** Starts a server as a child process on a free loopback port and waits until `GET /health` answers 200. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const cli = serverCliPath(options.kind);
  const args = [
    ...cliNodeFlags(cli),
    ...(options.kind === "mcp"
      ? [cli, "--transport", "http", "--port", String(port)]
      : [cli, "--port", String(port)]),
  ];
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = join(LOG_DIR, `${options.label}.log`);
  const logFd = openSync(logFile, "w");
  const child = spawn(process.execPath, args, {
    env: { ...serverEnvironment(options.kind, port, options.upstream, options.logLevel), ...options.env },
    stdio: ["ignore", logFd, logFd],
  });
  closeSync(logFd);
  const exited = new Promise<number | null>((resolveExit) => child.once("exit", (code) => resolveExit(code)));
  const origin = `http://${LOOPBACK}:${port}`;
  if (child.pid === undefined) throw new Error(`could not start the ${options.kind} server (${cli})`);

  try {
    await waitForHealth(origin, child, logFile);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }

  const startRssBytes = (await readMemory(child.pid))?.currentBytes ?? null;
  const sampler = new RssSampler(child.pid);
  sampler.start();
  let stopped: Promise<number | null> | undefined;
  return {
    kind: options.kind,
    origin,
    pid: child.pid,
    logFile,
    startRssBytes,
    peakRssBytes: async () => (await sampler.sample()) || null,
    stop: () => {
      stopped ??= (async () => {
        const peak = await sampler.stop();
        if (child.exitCode === null) {
          child.kill("SIGTERM");
          const timeout = sleep(5000).then(() => "timeout" as const);
          if ((await Promise.race([exited, timeout])) === "timeout") {
            child.kill("SIGKILL");
            await exited;
          }
        }
        return peak;
      })();
      return stopped;
    },
  };
}

async function waitForHealth(origin: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  let lastProblem = "no answer yet";
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `server exited with code ${child.exitCode} before it was ready:\n${await tail(logFile)}`,
      );
    }
    try {
      const response = await fetch(`${origin}/health`, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.ok) return;
      lastProblem = `GET /health answered ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await sleep(50);
  }
  throw new Error(`server at ${origin} not ready after 20 s (${lastProblem}):\n${await tail(logFile)}`);
}

/** The last lines of a log, for error messages. */
export async function tail(file: string, lines = 20): Promise<string> {
  try {
    return (await readFile(file, "utf8")).trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** RSS of an idle, empty Node process on this machine: the floor any server's RSS stands on. */
export async function emptyNodeRssBytes(): Promise<number | null> {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1 << 30)"], { stdio: "ignore" });
  try {
    await sleep(500);
    return child.pid === undefined ? null : ((await readMemory(child.pid))?.currentBytes ?? null);
  } finally {
    child.kill("SIGKILL");
  }
}
