#!/usr/bin/env node
import { runCli } from "./run-cli.js";

const result = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});

if (result.kind === "exit") {
  process.exitCode = result.exitCode;
} else {
  // SIGTERM (orchestrators) and SIGINT (Ctrl-C): stop accepting, let in-flight requests finish, then exit.
  const stop = () => {
    result.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        result.logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
