#!/usr/bin/env node
import { parseArgs } from "node:util";
import { createHostawayClient } from "@hostaway-mcp/hostaway-client";
import { createApp } from "./app.js";
import { ConfigError, DEFAULT_HOST, DEFAULT_PORT, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { serve } from "./serve.js";
import { packageVersion } from "./version.js";

const HELP = `hostaway-rest ${packageVersion}: the Hostaway toolkit as a REST API (OpenAPI 3.1 at /openapi.json, docs at /docs)

Usage: hostaway-rest [--port N] [--host H]

Options:
  --port N      port to listen on (env PORT; default ${DEFAULT_PORT})
  --host H      address to bind (env HOST; default ${DEFAULT_HOST}); a non-loopback address needs API_KEYS
  -h, --help    show this help
  -v, --version show the version

Environment:
  HOSTAWAY_ACCOUNT_ID          Hostaway account id (required)
  HOSTAWAY_SECRET_KEY          Hostaway API secret (required)
  HOSTAWAY_API_BASE_URL        API base (default https://api.hostaway.com/v1)
  HOSTAWAY_RATE_LIMIT_IP       upstream requests per 10 s from this process (default 15; 0 = off)
  HOSTAWAY_RATE_LIMIT_ACCOUNT  upstream requests per 10 s for the account (default 20; 0 = off)
  API_KEYS                     comma-separated keys accepted as X-API-Key or Authorization: Bearer
  RATE_LIMIT_IP                inbound requests per 10 s per client IP (default 15; 0 = off)
  RATE_LIMIT_ACCOUNT           inbound requests per 10 s per API key (default 20; 0 = off)
  CORS_ORIGINS                 comma-separated browser origins allowed by CORS (default: CORS off)
  LOG_LEVEL                    fatal, error, warn, info, debug, trace or silent (default info)
`;

async function main(argv: string[]): Promise<void> {
  let flags: {
    port?: string | undefined;
    host?: string | undefined;
    help?: boolean | undefined;
    version?: boolean | undefined;
  };
  try {
    flags = parseArgs({
      args: argv,
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
    fail(`${(error as Error).message}\nRun hostaway-rest --help for the options.`, 2);
  }
  if (flags.help) {
    process.stdout.write(HELP);
    return;
  }
  if (flags.version) {
    process.stdout.write(`${packageVersion}\n`);
    return;
  }

  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env, { host: flags.host, port: flags.port });
  } catch (error) {
    if (error instanceof ConfigError) fail(`hostaway-rest: ${error.message}`, 1);
    throw error;
  }

  const logger = createLogger(config.logLevel);
  const client = createHostawayClient({
    accountId: config.hostaway.accountId,
    secretKey: config.hostaway.secretKey,
    baseUrl: config.hostaway.baseUrl,
    rateLimit: { ip: config.hostaway.rateLimitIp, account: config.hostaway.rateLimitAccount },
    logger: logger.child({ component: "hostaway-client" }),
  });
  const app = createApp({ client, config, logger });
  const running = await serve(app, { port: config.port, host: config.host });
  logger.info(
    { url: running.url, auth: config.apiKeys.length > 0 ? "api-keys" : "none (loopback only)" },
    `hostaway-rest listening on ${running.url} (docs at ${running.url}/docs)`,
  );

  const stop = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "shutting down: no new connections; waiting for in-flight requests");
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  fail(`hostaway-rest: could not start: ${error instanceof Error ? error.message : String(error)}`, 1);
});
