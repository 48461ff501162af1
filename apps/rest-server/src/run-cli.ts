import { parseArgs } from "node:util";
import { warmUpToken } from "@hostaway-mcp/hostaway-client";
import { callerIdOf, createServerRuntime, SettingsError } from "@hostaway-mcp/hostaway-client/server";
import {
  createMemoryDraftStore,
  createRedisDraftStore,
  type ReplyAuditLine,
  startRecentWarmer,
} from "@hostaway-mcp/message-timeline";
import type { Logger } from "pino";
import { createApp } from "./app.js";
import { createLogger } from "./logger.js";
import { type RunningServer, serve } from "./serve.js";
import { appSettingsOf, DEFAULT_PORT, loadRestSettings, type RestSettings } from "./settings.js";
import { packageVersion } from "./version.js";

export const CLI_HELP = `hostaway-rest ${packageVersion}: the Hostaway toolkit as a REST API (OpenAPI 3.1 at /openapi.json, docs at /docs)

Usage: hostaway-rest [--port N] [--host H]

Options:
  --port N      port to listen on (env PORT; default ${DEFAULT_PORT})
  --host H      address to bind (env HOST; default 127.0.0.1); a non-loopback address needs API_KEYS
  -h, --help    show this help
  -v, --version show the version

Environment:
  HOSTAWAY_ACCOUNT_ID          Hostaway account id (required)
  HOSTAWAY_SECRET_KEY          Hostaway API secret (required)
  HOSTAWAY_API_BASE_URL        API base (default https://api.hostaway.com/v1)
  HOSTAWAY_RATE_LIMIT_IP       upstream requests per 10 s from this process (default 15; 0 = off)
  HOSTAWAY_RATE_LIMIT_ACCOUNT  upstream requests per 10 s for the account (default 20; 0 = off)
  API_KEYS                     comma-separated keys (16+ characters each) accepted as X-API-Key or Authorization: Bearer
  RATE_LIMIT_PER_KEY           inbound requests per 10 s per API key (default 20; 0 = off)
  RATE_LIMIT_PER_IP            inbound requests per 10 s per address without a valid key (default 15; 0 = off)
  ALLOWED_ORIGINS              comma-separated browser origins allowed (CORS; default: loopback origins only)
  ALLOWED_HOSTS                Host names served besides loopback (checked always without API_KEYS)
  LOG_LEVEL                    fatal, error, warn, info, debug, trace or silent (default info)

/health, /ready, /openapi.json and /docs are public; every /api route needs a key when API_KEYS is set.
`;

export interface CliIo {
  env: Readonly<Record<string, string | undefined>>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The logger to use (default: pino JSON on stderr at LOG_LEVEL). */
  logger?: (level: RestSettings["logLevel"]) => Logger;
}

/** How long a shutdown lets requests in flight finish before it cuts them. */
export const SHUTDOWN_GRACE_MS = 10_000;

export type CliResult =
  | { kind: "exit"; exitCode: number }
  | {
      kind: "serving";
      running: RunningServer;
      logger: Logger;
      /** The background token fetch started after listening; settles (never rejects) once it is done or logged. */
      warmUp: Promise<void>;
      stop(): Promise<void>;
    };

/**
 * The `hostaway-rest` command without the process plumbing: parses flags, reads the configuration (one clear
 * message and exit code 1 when it is invalid, 2 for bad flags), and starts the server.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<CliResult> {
  let flags: { port?: string; host?: string; help?: boolean; version?: boolean };
  try {
    flags = parseArgs({
      args: [...argv],
      options: {
        port: { type: "string" },
        host: { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    io.stderr(`hostaway-rest: ${(error as Error).message}\nRun hostaway-rest --help for the options.\n`);
    return { kind: "exit", exitCode: 2 };
  }
  if (flags.help) {
    io.stdout(CLI_HELP);
    return { kind: "exit", exitCode: 0 };
  }
  if (flags.version) {
    io.stdout(`${packageVersion}\n`);
    return { kind: "exit", exitCode: 0 };
  }

  let settings: RestSettings;
  try {
    settings = loadRestSettings(io.env, { host: flags.host, port: flags.port });
  } catch (error) {
    if (!SettingsError.isInstance(error)) throw error;
    io.stderr(`hostaway-rest: ${error.message}\n`);
    return { kind: "exit", exitCode: 1 };
  }

  const logger = (io.logger ?? createLogger)(settings.logLevel);
  const runtime = createServerRuntime(settings, logger);
  const { client } = runtime;
  const { host, port } = settings.http;
  const warm = settings.warm;
  const warmer =
    warm.mode === "recent"
      ? startRecentWarmer(client, { days: warm.days, logger, budget: client.backgroundBudget() })
      : undefined;
  let running: RunningServer;
  try {
    // Writes exist only with HOSTAWAY_ALLOW_WRITES=1 and a key in API_KEYS_WRITE; drafts in Redis with REDIS_URL.
    const writes =
      settings.writes.enabled && settings.writes.keys.length > 0
        ? {
            drafts: runtime.link ? createRedisDraftStore(runtime.link) : createMemoryDraftStore(),
            audit: (line: ReplyAuditLine) => io.stderr(`${JSON.stringify(line)}\n`),
            writers: new Set(settings.writes.keys.map(callerIdOf)),
          }
        : undefined;
    running = await serve(
      createApp({ client, config: appSettingsOf(settings), logger, warmer, runtime, writes }),
      {
        port,
        host,
      },
    );
  } catch (error) {
    await warmer?.stop();
    await runtime.close();
    io.stderr(`hostaway-rest: cannot listen on ${host}:${port}: ${(error as Error).message}\n`);
    return { kind: "exit", exitCode: 1 };
  }
  logger.info(
    { url: running.url, auth: settings.http.apiKeys.length > 0 ? "api-keys" : "none (loopback only)" },
    `hostaway-rest listening on ${running.url} (docs at ${running.url}/docs)`,
  );
  // In the background: start-up never waits for Hostaway, and the first request finds the token ready.
  const stopWarmUp = new AbortController();
  const warmUp = warmUpToken(client, { logger, signal: stopWarmUp.signal });
  return {
    kind: "serving",
    running,
    logger,
    warmUp,
    async stop() {
      logger.info("shutting down: no new connections; waiting for in-flight requests");
      stopWarmUp.abort();
      await warmer?.stop();
      await running.close(SHUTDOWN_GRACE_MS);
      await warmUp;
      await runtime.close();
    },
  };
}
