import { Writable } from "node:stream";
import { startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { CLI_HELP, runCli } from "../src/run-cli.js";
import { packageVersion } from "../src/version.js";

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  return {
    out,
    err,
    logs,
    io: {
      env,
      stdout: (text: string) => out.push(text),
      stderr: (text: string) => err.push(text),
      logger: () => pino({ level: "info" }, sink),
    },
  };
}

describe("hostaway-rest", () => {
  it("--help prints the flags and every variable, --version the version", async () => {
    const help = io();
    expect(await runCli(["--help"], help.io)).toEqual({ kind: "exit", exitCode: 0 });
    expect(help.out.join("")).toBe(CLI_HELP);
    for (const word of [
      "--port",
      "--host",
      "API_KEYS",
      "HOSTAWAY_ACCOUNT_ID",
      "RATE_LIMIT_PER_IP",
      "RATE_LIMIT_PER_KEY",
      "ALLOWED_ORIGINS",
      "ALLOWED_HOSTS",
      "LOG_LEVEL",
    ]) {
      expect(CLI_HELP).toContain(word);
    }
    const version = io();
    expect(await runCli(["-v"], version.io)).toEqual({ kind: "exit", exitCode: 0 });
    expect(version.out.join("")).toBe(`${packageVersion}\n`);
    expect(packageVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("refuses unknown flags with exit code 2", async () => {
    const run = io();
    expect(await runCli(["--prot", "80"], run.io)).toEqual({ kind: "exit", exitCode: 2 });
    expect(run.err.join("")).toContain("--prot");
  });

  it("stops with one message naming the variables and exit code 1 when the configuration is invalid", async () => {
    const run = io({ HOSTAWAY_ACCOUNT_ID: "10450" });
    expect(await runCli([], run.io)).toEqual({ kind: "exit", exitCode: 1 });
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(/^hostaway-rest: invalid configuration: HOSTAWAY_SECRET_KEY is required/);

    const exposed = io({ HOSTAWAY_ACCOUNT_ID: "10450", HOSTAWAY_SECRET_KEY: "s" });
    expect(await runCli(["--host", "0.0.0.0"], exposed.io)).toEqual({ kind: "exit", exitCode: 1 });
    expect(exposed.err[0]).toContain("API_KEYS is required to listen on a non-loopback --host");
    expect(exposed.err[0]).not.toContain('"s"');
  });

  it("serves with the flags over the environment, then shuts down", async () => {
    const sandbox = await startSandbox({ rateLimits: false });
    try {
      const run = io({
        HOSTAWAY_ACCOUNT_ID: sandbox.credentials.accountId,
        HOSTAWAY_SECRET_KEY: sandbox.credentials.secretKey,
        HOSTAWAY_API_BASE_URL: sandbox.url,
        API_KEYS: "cli-test-key-0123456789",
        PORT: "1",
      });
      const result = await runCli(["--port", "0", "--host", "127.0.0.1"], run.io);
      if (result.kind !== "serving")
        throw new Error(`expected a server, got ${JSON.stringify(result)} ${run.err}`);
      try {
        expect(result.running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const listing = await fetch(`${result.running.url}/api/listings/${sandbox.fixtures.listingIds[0]}`, {
          headers: { "X-API-Key": "cli-test-key-0123456789" },
        });
        expect(listing.status).toBe(200);
        expect(run.logs.join("")).toContain("hostaway-rest listening on");
        expect(run.logs.join("")).not.toContain(sandbox.credentials.secretKey);
      } finally {
        await result.stop();
      }
      expect(result.running.server.listening).toBe(false);
    } finally {
      await sandbox.close();
    }
  });

  it("reports a port it cannot bind", async () => {
    const sandbox = await startSandbox({ rateLimits: false });
    try {
      const run = io({ HOSTAWAY_ACCOUNT_ID: "10450", HOSTAWAY_SECRET_KEY: "x" });
      const result = await runCli(["--port", String(sandbox.port)], run.io);
      expect(result).toEqual({ kind: "exit", exitCode: 1 });
      expect(run.err.join("")).toContain(`cannot listen on 127.0.0.1:${sandbox.port}`);
    } finally {
      await sandbox.close();
    }
  });
});
