import { CLI_USAGE, parseCliArgs } from "./cli-options.js";
import { type Sandbox, startSandbox } from "./sandbox.js";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * Runs the CLI: prints the usage, or starts the sandbox and prints exactly one JSON line
 * `{"url","accountId","secretKey"}` on stdout (the demo script parses it). Errors go to stderr.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  now: () => number = Date.now,
): Promise<{ exitCode: number; sandbox?: Sandbox }> {
  let command: ReturnType<typeof parseCliArgs>;
  try {
    command = parseCliArgs(argv, now);
  } catch (error) {
    io.stderr(`hostaway-sandbox: ${(error as Error).message}\n\n${CLI_USAGE}`);
    return { exitCode: 2 };
  }
  if (command.kind === "help") {
    io.stdout(CLI_USAGE);
    return { exitCode: 0 };
  }
  try {
    const sandbox = await startSandbox(command.options);
    const { accountId, secretKey } = sandbox.credentials;
    io.stdout(`${JSON.stringify({ url: sandbox.url, accountId, secretKey })}\n`);
    return { exitCode: 0, sandbox };
  } catch (error) {
    io.stderr(`hostaway-sandbox: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    return { exitCode: 1 };
  }
}

interface SignalSource {
  once(signal: "SIGINT" | "SIGTERM", listener: (signal: NodeJS.Signals) => void): unknown;
}

/** Closes the sandbox on the first SIGINT or SIGTERM, then exits (0, or 1 if closing failed). */
export function stopOnSignals(
  sandbox: Sandbox,
  source: SignalSource,
  exit: (code: number) => void,
  io: CliIo,
): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    sandbox.close().then(
      () => exit(0),
      (error: unknown) => {
        io.stderr(`hostaway-sandbox: error while closing after ${signal}: ${String(error)}\n`);
        exit(1);
      },
    );
  };
  source.once("SIGINT", stop);
  source.once("SIGTERM", stop);
}
