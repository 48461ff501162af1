#!/usr/bin/env node
import { CLI_USAGE, parseCliArgs } from "./cli-options.js";
import { startSandbox } from "./sandbox.js";

// stdout carries exactly one JSON line (the demo script parses it); everything else goes to stderr.
async function main(): Promise<void> {
  let command: ReturnType<typeof parseCliArgs>;
  try {
    command = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`hostaway-sandbox: ${(error as Error).message}\n\n${CLI_USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (command.kind === "help") {
    process.stdout.write(CLI_USAGE);
    return;
  }
  const sandbox = await startSandbox(command.options);
  process.stdout.write(
    `${JSON.stringify({ url: sandbox.url, accountId: sandbox.credentials.accountId, secretKey: sandbox.credentials.secretKey })}\n`,
  );
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`hostaway-sandbox: error while closing after ${signal}: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`hostaway-sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
