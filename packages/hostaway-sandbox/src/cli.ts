#!/usr/bin/env node
import { type CliIo, runCli, stopOnSignals } from "./cli-run.js";

// stdout carries exactly one JSON line (or the usage); everything else goes to stderr.
const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

const { exitCode, sandbox } = await runCli(process.argv.slice(2), io);
if (sandbox) stopOnSignals(sandbox, process, (code) => process.exit(code), io);
else process.exitCode = exitCode;
