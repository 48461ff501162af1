#!/usr/bin/env node
// The `hostaway-mcp` binary. Everything but process wiring lives in main.ts (tested in-process).
import { main } from "./main.js";

const outcome = await main(process.argv.slice(2), process.env);
if (outcome.kind === "exit") {
  process.exitCode = outcome.code;
} else {
  const shutdown = (): void => {
    void outcome.close().finally(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  await outcome.stopped;
  await outcome.close();
  process.exit(0);
}
