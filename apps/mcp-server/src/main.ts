import type { Readable, Writable } from "node:stream";
import { createHostawayClient, type HostawayClient, warmUpToken } from "@hostaway-mcp/hostaway-client";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { ANONYMOUS_CALLER, createAuditLog } from "./audit.js";
import { HELP_TEXT, parseCliArgs } from "./cli-args.js";
import { type Config, ConfigError, loadConfig } from "./config.js";
import { createServer } from "./create-server.js";
import { startHttpServer } from "./http/start-http-server.js";
import { createLogger, type Logger } from "./logger.js";
import { SERVER_NAME, SERVER_VERSION } from "./version.js";

export interface MainStreams {
  stdin: Readable;
  /** On stdio: MCP messages only. */
  stdout: Writable;
  /** Logs, audit lines and start-up errors. */
  stderr: Writable;
}

export type MainOutcome =
  | { kind: "exit"; code: number }
  | {
      kind: "running";
      transport: "stdio" | "http";
      /** The HTTP base URL (`…/mcp` is the endpoint); absent on stdio. */
      url?: string;
      /** Resolves when the server stops by itself (stdin closed). */
      stopped: Promise<void>;
      /** The background token fetch started once serving; settles (never rejects) when done or logged. */
      warmUp: Promise<void>;
      close(): Promise<void>;
    };

const defaultStreams = (): MainStreams => ({
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});

/**
 * The `hostaway-mcp` command: parses flags and environment, then serves MCP over stdio or HTTP. Bad flags or
 * configuration print one line to stderr and give exit code 1 (no stack trace). Split from `cli.ts` so tests run
 * it in-process.
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
    const config = loadConfig(env, args);
    const logger = createLogger({
      level: config.logLevel,
      ...(streams.stderr === process.stderr ? {} : { destination: streams.stderr }),
    });
    const client = createClient(config, logger);
    const running =
      config.transport === "http"
        ? await serveHttp(config, client, logger, streams)
        : serveStdio(client, logger, streams);
    // In the background: start-up never waits for Hostaway, and the first tool call finds the token ready.
    const stopWarmUp = new AbortController();
    const warmUp = warmUpToken(client, { logger, signal: stopWarmUp.signal });
    return {
      ...running,
      warmUp,
      close: async () => {
        stopWarmUp.abort();
        await running.close();
        await warmUp;
        client.close();
      },
    };
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }
}

function createClient(config: Config, logger: Logger): HostawayClient {
  return createHostawayClient({
    accountId: config.hostaway.accountId,
    secretKey: config.hostaway.secretKey,
    baseUrl: config.hostaway.baseUrl,
    rateLimit: { ip: config.hostaway.rateLimitIp, account: config.hostaway.rateLimitAccount },
    logger: logger.child({ component: "hostaway-client" }),
  });
}

type Running = Omit<Extract<MainOutcome, { kind: "running" }>, "close" | "warmUp"> & {
  close(): Promise<void>;
};

function serveStdio(client: HostawayClient, logger: Logger, streams: MainStreams): Running {
  const audit = createAuditLog(streams.stderr);
  const server = createServer({ client, logger, audit });
  const transport = new StdioServerTransport(streams.stdin, streams.stdout);
  let resolveStopped = (): void => {};
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });
  const close = async (): Promise<void> => {
    await server.close();
    resolveStopped();
  };
  // The client hung up: nothing more will arrive.
  streams.stdin.once("end", () => void close());
  void server
    .connect(transport)
    .then(() => logger.info({ transport: "stdio" }, `${SERVER_NAME} ${SERVER_VERSION} ready`));
  return { kind: "running", transport: "stdio", stopped, close };
}

async function serveHttp(
  config: Config,
  client: HostawayClient,
  logger: Logger,
  streams: MainStreams,
): Promise<Running> {
  const audit = createAuditLog(streams.stderr);
  const http = await startHttpServer({
    host: config.http.host,
    port: config.http.port,
    apiKeys: config.http.apiKeys,
    allowedOrigins: config.http.allowedOrigins,
    allowedHosts: config.http.allowedHosts,
    logger,
    // With keys, each request carries its caller (a hash of its key); without keys, nobody is identified.
    createMcpServer: ({ toolNames }) =>
      createServer({ client, logger, audit, defaultCaller: ANONYMOUS_CALLER, toolNames }),
  });
  logger.info(
    { transport: "http", url: `${http.url}/mcp`, auth: config.http.apiKeys.length > 0 ? "bearer" : "none" },
    `${SERVER_NAME} ${SERVER_VERSION} listening`,
  );
  let resolveStopped = (): void => {};
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });
  return {
    kind: "running",
    transport: "http",
    url: http.url,
    stopped,
    close: async () => {
      await http.close();
      resolveStopped();
    },
  };
}
