import { parseArgs } from "node:util";
import { SettingsError } from "@hostaway-mcp/hostaway-client/server";
import { DEFAULT_PORT } from "./settings.js";

const DEFAULT_HOST = "127.0.0.1";
const DEFAULT_BASE_URL = "https://api.hostaway.com/v1";

export interface CliArgs {
  help: boolean;
  version: boolean;
  transport?: string;
  port?: string;
  host?: string;
}

/** Parses the command line; an unknown or malformed option is a `SettingsError` naming it. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
        transport: { type: "string", short: "t" },
        port: { type: "string", short: "p" },
        host: { type: "string" },
      },
    });
    return {
      help: values.help ?? false,
      version: values.version ?? false,
      ...(values.transport === undefined ? {} : { transport: values.transport }),
      ...(values.port === undefined ? {} : { port: values.port }),
      ...(values.host === undefined ? {} : { host: values.host }),
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SettingsError([`${reason} (see hostaway-mcp --help)`]);
  }
}

export const HELP_TEXT = `hostaway-mcp: Hostaway tools for AI agents over the Model Context Protocol.

Usage:
  hostaway-mcp                         serve MCP over stdio (for Claude Desktop, Claude Code, …)
  hostaway-mcp --transport http        serve stateless Streamable HTTP at http://${DEFAULT_HOST}:${DEFAULT_PORT}/mcp

Options:
  -t, --transport <stdio|http>   transport (env MCP_TRANSPORT; default stdio)
  -p, --port <n>                 HTTP port (env PORT; default ${DEFAULT_PORT})
      --host <address>           HTTP bind address (env HOST; default ${DEFAULT_HOST}); a non-loopback
                                 address requires API_KEYS
  -h, --help                     show this help
  -v, --version                  show the version

Environment:
  HOSTAWAY_ACCOUNT_ID            your Hostaway account id (required)
  HOSTAWAY_SECRET_KEY            your Hostaway API secret (required)
  HOSTAWAY_API_BASE_URL          API base (default ${DEFAULT_BASE_URL})
  HOSTAWAY_RATE_LIMIT_IP         upstream requests per 10 s from this process (default 15; 0 = off)
  HOSTAWAY_RATE_LIMIT_ACCOUNT    upstream requests per 10 s for the account (default 20; 0 = off)
  LOG_LEVEL                      fatal|error|warn|info|debug|trace|silent (default info); logs go to stderr
  API_KEYS                       HTTP: comma-separated bearer tokens clients must send (16+ characters each)
  ALLOWED_ORIGINS                HTTP: comma-separated browser origins allowed (default: loopback origins)
  ALLOWED_HOSTS                  HTTP: Host names served besides loopback (checked always without API_KEYS)
  RATE_LIMIT_PER_KEY             HTTP: requests per 10 s per API key (default 20; 0 = off)
  RATE_LIMIT_PER_IP              HTTP: requests per 10 s per address without a valid key (default 15; 0 = off)

On stdio, stdout carries only MCP messages; logs and audit lines go to stderr.
`;
