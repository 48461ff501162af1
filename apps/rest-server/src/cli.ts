#!/usr/bin/env -S node --max-semi-space-size=8
// Memory: the shebang caps V8's young generation at 8 MB per semi-space. V8 sizes it from the machine's memory (32 MB
// per semi-space with 16 GB or more) and grows it in bursts of concurrent answers; 100 concurrent tool calls then
// took the server from ~108 MB to ~170 MB RSS, most of it the young generation going from 32 to 64 MB. At 8 MB the
// peak under the bench's load scenario stays near 125 MB (target < 150 MB, issue 6), for a few more short scavenges
// (see README, Memory). `node dist/cli.js` skips the shebang: pass the flag yourself (or NODE_OPTIONS).
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
