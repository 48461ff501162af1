#!/usr/bin/env -S node --max-semi-space-size=8
// Memory: the shebang caps V8's young generation at 8 MB per semi-space. V8 sizes it from the machine's memory (32 MB
// per semi-space with 16 GB or more) and grows it in bursts of concurrent answers; 100 concurrent tool calls then
// took the server from ~108 MB to ~170 MB RSS, most of it the young generation going from 32 to 64 MB. At 8 MB the
// peak under the bench's load scenario stays near 125 MB (target < 150 MB, issue 6), for a few more short scavenges
// (see README, Memory). `node dist/cli.js` skips the shebang: pass the flag yourself (or NODE_OPTIONS).
// The `hostaway-mcp` binary. Everything but process wiring lives in main.ts (tested in-process).
import { main } from "./main.js";

const outcome = await main(process.argv.slice(2), process.env);
if (outcome.kind === "exit") {
  process.exitCode = outcome.code;
} else {
  // SIGTERM (orchestrators) and SIGINT (Ctrl-C): stop taking calls, let those in flight finish, then exit.
  const shutdown = (): void => {
    outcome.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  const code = await outcome.stopped;
  await outcome.close();
  process.exit(code);
}
