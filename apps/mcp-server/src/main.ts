import type { Readable, Writable } from "node:stream";
import { type HostawayClient, warmUpToken } from "@hostaway-mcp/hostaway-client";
import {
  callerIdOf,
  createServerRuntime,
  type ServerRuntime,
  SettingsError,
} from "@hostaway-mcp/hostaway-client/server";
import {
  createMemoryDraftStore,
  createRedisDraftStore,
  type DraftStore,
  type RecentWarmer,
  type ReplyAuditSink,
  startRecentWarmer,
} from "@hostaway-mcp/message-timeline";
import { ANONYMOUS_CALLER, createAuditLog } from "./audit.js";
import { HELP_TEXT, parseCliArgs } from "./cli-args.js";
import { createServer } from "./create-server.js";
import { startHttpServer } from "./http/start-http-server.js";
import { createLogger, type Logger } from "./logger.js";
import { loadMcpSettings, type McpSettings } from "./settings.js";
import { StdioTransport } from "./stdio/stdio-transport.js";
import { trackRequests } from "./stdio/track-requests.js";
import { SERVER_NAME, SERVER_VERSION } from "./version.js";

export interface MainStreams {
  stdin: Readable;
  /** On stdio: MCP messages only. */
  stdout: Writable;
  /** Logs, audit lines and start-up errors. */
  stderr: Writable;
}

/** How long a shutdown waits for calls in flight before it cuts them (stdio and HTTP alike). */
export const SHUTDOWN_GRACE_MS = 10_000;

export type MainOutcome =
  | { kind: "exit"; code: number }
  | {
      kind: "running";
      transport: "stdio" | "http";
      /** The HTTP base URL (`…/mcp` is the endpoint); absent on stdio. */
      url?: string;
      /** Resolves with the exit code when the server stops by itself (stdin ended: 0; the transport failed: 1). */
      stopped: Promise<number>;
      /** The background token fetch started once serving; settles (never rejects) when done or logged. */
      warmUp: Promise<void>;
      /** Stops serving: calls in flight may finish within the grace period. */
      close(): Promise<void>;
    };

const defaultStreams = (): MainStreams => ({
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});

/**
 * The `hostaway-mcp` command: parses flags and environment, then serves MCP over stdio or HTTP. Bad flags or
 * settings print one line to stderr and give exit code 1 (no stack trace, no value echoed). Split from `cli.ts` so
 * tests run it in-process.
 */
export async function main(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  streams: MainStreams = defaultStreams(),
): Promise<MainOutcome> {
  const fail = (message: string): MainOutcome => {
    streams.stderr.write(`${SERVER_NAME}: ${message}\n`);
    return { kind: "exit", code: 1 };
  };
  try {
    const args = parseCliArgs(argv);
    if (args.help) {
      streams.stdout.write(HELP_TEXT);
      return { kind: "exit", code: 0 };
    }
    if (args.version) {
      streams.stdout.write(`${SERVER_VERSION}\n`);
      return { kind: "exit", code: 0 };
    }
    const settings = loadMcpSettings(env, args);
    const logger = createLogger({
      level: settings.logLevel,
      ...(streams.stderr === process.stderr ? {} : { destination: streams.stderr }),
    });
    const runtime = createServerRuntime(settings, logger);
    const { client } = runtime;
    const warm = settings.warm;
    const warmer =
      warm.mode === "recent"
        ? startRecentWarmer(client, { days: warm.days, logger, budget: client.backgroundBudget() })
        : undefined;
    let running: Running;
    try {
      running =
        settings.transport === "http"
          ? await serveHttp(settings, runtime, logger, streams, warmer)
          : serveStdio(client, logger, streams, writesOf(settings, runtime, streams));
    } catch (error) {
      await warmer?.stop();
      await runtime.close();
      throw error;
    }
    // In the background: start-up never waits for Hostaway, and the first tool call finds the token ready.
    const stopWarmUp = new AbortController();
    const warmUp = warmUpToken(client, { logger, signal: stopWarmUp.signal });
    let closing: Promise<void> | undefined;
    return {
      ...running,
      warmUp,
      close: () => {
        closing ??= (async () => {
          stopWarmUp.abort();
          await warmer?.stop();
          await running.close();
          await warmUp;
          await runtime.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    if (SettingsError.isInstance(error)) return fail(error.message);
    throw error;
  }
}

type Running = Omit<Extract<MainOutcome, { kind: "running" }>, "close" | "warmUp"> & {
  close(): Promise<void>;
};

/**
 * MCP over stdin/stdout with this server's own transport (a bad frame gets a JSON-RPC error and the server goes
 * on). When stdin ends, the calls in flight finish (within the grace period) before the server stops with 0; a
 * failed stream stops it with 1. Each stop is logged.
 */
function serveStdio(
  client: HostawayClient,
  logger: Logger,
  streams: MainStreams,
  writes: Writes | undefined,
): Running {
  const audit = createAuditLog(streams.stderr);
  // stdio: the flag alone allows writes (the local user runs this process), and the client can be asked to approve.
  const server = createServer({ client, logger, audit, writes: writes && { ...writes, elicit: true } });
  let resolveStopped: (code: number) => void = () => {};
  const stopped = new Promise<number>((resolve) => {
    resolveStopped = resolve;
  });
  let closing: Promise<void> | undefined;
  const drainAndClose = (): Promise<void> => {
    closing ??= (async () => {
      const finished = await transport.settled(SHUTDOWN_GRACE_MS);
      if (!finished)
        logger.warn({ pending: transport.pending }, "stdio: calls still running at shutdown were cut");
      await server.close();
    })();
    return closing;
  };
  const transport = trackRequests(
    new StdioTransport({
      stdin: streams.stdin,
      stdout: streams.stdout,
      logger,
      onEnd: () => {
        logger.info({ pending: transport.pending }, "stdin closed: finishing calls in flight, then stopping");
        void drainAndClose().then(() => resolveStopped(0));
      },
      onFailure: (error) => {
        logger.error(
          { err: { name: error.name, code: (error as { code?: unknown }).code } },
          "stdio transport failed; stopping",
        );
        void server.close().then(() => resolveStopped(1));
      },
    }),
  );
  void server
    .connect(transport)
    .then(() => logger.info({ transport: "stdio" }, `${SERVER_NAME} ${SERVER_VERSION} ready`));
  return { kind: "running", transport: "stdio", stopped, close: drainAndClose };
}

type Writes = { drafts: DraftStore; audit: ReplyAuditSink };

/** The draft store and reply audit when `HOSTAWAY_ALLOW_WRITES=1`: drafts in Redis with `REDIS_URL`. */
function writesOf(settings: McpSettings, runtime: ServerRuntime, streams: MainStreams): Writes | undefined {
  if (!settings.writes.enabled) return undefined;
  return {
    drafts: runtime.link ? createRedisDraftStore(runtime.link) : createMemoryDraftStore(),
    audit: (line) => streams.stderr.write(`${JSON.stringify(line)}\n`),
  };
}

async function serveHttp(
  settings: McpSettings,
  runtime: ServerRuntime,
  logger: Logger,
  streams: MainStreams,
  warmer: RecentWarmer | undefined,
): Promise<Running> {
  const audit = createAuditLog(streams.stderr);
  const { http: edge } = settings;
  const { client, metrics } = runtime;
  const writes = writesOf(settings, runtime, streams);
  const writers = new Set(settings.writes.keys.map(callerIdOf));
  const http = await startHttpServer({
    host: edge.host,
    port: edge.port,
    apiKeys: edge.apiKeys,
    allowedOrigins: edge.allowedOrigins,
    allowedHosts: edge.allowedHosts,
    perKeyLimit: edge.perKeyLimit,
    perIpLimit: edge.perIpLimit,
    webhook: { credentials: settings.webhook, invalidate: (what) => client.invalidate(what) },
    health: () => ({ warming: warmer?.status() ?? { mode: "off" }, redis: runtime.sharing() }),
    ...(runtime.limitStore === undefined ? {} : { limitStore: runtime.limitStore }),
    ...(metrics === undefined ? {} : { metrics }),
    logger,
    // With keys, each request carries its caller (a hash of its key); without keys, nobody is identified. Only a
    // caller whose key is in API_KEYS_WRITE is even shown the write tools.
    createMcpServer: ({ toolNames, caller }) =>
      createServer({
        client,
        logger,
        audit,
        defaultCaller: ANONYMOUS_CALLER,
        toolNames,
        writes:
          writes !== undefined && caller !== undefined && writers.has(caller)
            ? { ...writes, elicit: false }
            : undefined,
      }),
  });
  logger.info(
    { transport: "http", url: `${http.url}/mcp`, auth: edge.apiKeys.length > 0 ? "bearer" : "none" },
    `${SERVER_NAME} ${SERVER_VERSION} listening`,
  );
  let resolveStopped: (code: number) => void = () => {};
  const stopped = new Promise<number>((resolve) => {
    resolveStopped = resolve;
  });
  return {
    kind: "running",
    transport: "http",
    url: http.url,
    stopped,
    close: async () => {
      logger.info("shutting down: no new connections; waiting for calls in flight");
      await http.close(SHUTDOWN_GRACE_MS);
      resolveStopped(0);
    },
  };
}
