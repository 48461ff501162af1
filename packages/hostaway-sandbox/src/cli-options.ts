import { parseArgs } from "node:util";
import type { FinanceReporting } from "./http/route.js";
import type { SandboxOptions } from "./options.js";

export const CLI_USAGE = `Usage: hostaway-sandbox [options]

A fake Hostaway API v1 for tests, benchmarks and demos. Prints one JSON line
{"url", "accountId", "secretKey"} when it listens; stops on SIGINT/SIGTERM.

Options:
  --port N                   port to listen on (default 4010; 0 = any free port)
  --host HOST                interface (default 127.0.0.1)
  --latency MS               delay added before every response (default 0)
  --limits on|off            Hostaway's rate limits, 15/IP and 20/account per 10 s (default on)
  --anchor now|ISO           "now" of the dataset (default 2026-11-20T12:00:00Z)
  --finance on|forbidden|not_found   finance reports on, or answering 403/404 (default on)
  --help                     show this help
`;

export type CliCommand = { kind: "help" } | { kind: "start"; options: SandboxOptions };

/** Parses the CLI arguments; throws a TypeError naming the bad option. */
export function parseCliArgs(argv: readonly string[], now: () => number = Date.now): CliCommand {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: "string" },
      host: { type: "string" },
      latency: { type: "string" },
      limits: { type: "string" },
      anchor: { type: "string" },
      finance: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return { kind: "help" };
  const integer = (name: string, raw: string | undefined, fallback: number): number => {
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw)) throw new TypeError(`--${name} must be a non-negative integer, got "${raw}"`);
    return Number(raw);
  };
  const options: SandboxOptions = {
    port: integer("port", values.port, 4010),
    host: values.host ?? "127.0.0.1",
    latencyMs: integer("latency", values.latency, 0),
  };
  if (options.port !== undefined && options.port > 65_535)
    throw new TypeError(`--port must be at most 65535, got ${options.port}`);
  if (values.limits !== undefined) {
    if (values.limits !== "on" && values.limits !== "off")
      throw new TypeError(`--limits must be on or off, got "${values.limits}"`);
    if (values.limits === "off") options.rateLimits = false;
  }
  if (values.anchor !== undefined) {
    if (values.anchor === "now") options.anchorDate = now();
    else if (Number.isFinite(Date.parse(values.anchor))) options.anchorDate = values.anchor;
    else throw new TypeError(`--anchor must be "now" or an ISO date-time, got "${values.anchor}"`);
  }
  if (values.finance !== undefined) {
    if (!["on", "forbidden", "not_found"].includes(values.finance)) {
      throw new TypeError(`--finance must be on, forbidden or not_found, got "${values.finance}"`);
    }
    options.financeReporting = values.finance as FinanceReporting;
  }
  return { kind: "start", options };
}
