import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../src/cli-options.js";
import { runCli, stopOnSignals } from "../src/cli-run.js";

function capture() {
  const out = { stdout: "", stderr: "" };
  return { out, io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t) } };
}

describe("CLI options", () => {
  it("has the documented defaults", () => {
    expect(parseCliArgs([])).toEqual({
      kind: "start",
      options: { port: 4010, host: "127.0.0.1", latencyMs: 0 },
    });
  });

  it("reads every option", () => {
    const command = parseCliArgs(
      [
        "--port",
        "0",
        "--host",
        "0.0.0.0",
        "--latency",
        "25",
        "--limits",
        "off",
        "--anchor",
        "now",
        "--finance",
        "forbidden",
      ],
      () => 1_800_000_000_000,
    );
    expect(command).toEqual({
      kind: "start",
      options: {
        port: 0,
        host: "0.0.0.0",
        latencyMs: 25,
        rateLimits: false,
        anchorDate: 1_800_000_000_000,
        financeReporting: "forbidden",
      },
    });
    expect(parseCliArgs(["--anchor", "2027-01-01T00:00:00Z", "--limits", "on"])).toMatchObject({
      options: { anchorDate: "2027-01-01T00:00:00Z" },
    });
    expect(parseCliArgs(["--help"])).toEqual({ kind: "help" });
  });

  it.each([
    [["--port", "abc"], /--port/],
    [["--port", "70000"], /--port/],
    [["--latency", "-5"], /--latency/],
    [["--limits", "sometimes"], /--limits/],
    [["--anchor", "tomorrow"], /--anchor/],
    [["--finance", "off"], /--finance/],
    [["--unknown"], /unknown/i],
  ])("rejects %j with a message naming the option", (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});

describe("runCli", () => {
  it("prints exactly one JSON line with url and credentials, and stops on a signal", async () => {
    const { out, io } = capture();
    const { exitCode, sandbox } = await runCli(["--port", "0", "--limits", "off"], io);
    expect(exitCode).toBe(0);
    expect(out.stdout.endsWith("\n")).toBe(true);
    expect(out.stdout.trim().split("\n")).toHaveLength(1);
    const line = JSON.parse(out.stdout);
    expect(line).toEqual({ url: sandbox?.url, accountId: "10450", secretKey: "sandbox-secret-key" });
    const token = await fetch(`${line.url}/accessTokens`, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: line.accountId,
        client_secret: line.secretKey,
        scope: "general",
      }),
    });
    expect(token.status).toBe(200);

    const signals = new EventEmitter();
    const exited = new Promise<number>((resolve) => {
      if (sandbox) stopOnSignals(sandbox, signals, resolve, io);
    });
    signals.emit("SIGTERM", "SIGTERM");
    expect(await exited).toBe(0);
    await expect(fetch(`${line.url}/listings`)).rejects.toThrow();
  });

  it("prints the usage for --help and an error plus usage for bad options", async () => {
    const help = capture();
    expect((await runCli(["--help"], help.io)).exitCode).toBe(0);
    expect(help.out.stdout).toMatch(/^Usage: hostaway-sandbox/);
    const bad = capture();
    expect((await runCli(["--limits", "maybe"], bad.io)).exitCode).toBe(2);
    expect(bad.out.stdout).toBe("");
    expect(bad.out.stderr).toMatch(/--limits must be on or off/);
  });

  it("reports a port that cannot be used", async () => {
    const first = capture();
    const { sandbox } = await runCli(["--port", "0"], first.io);
    const second = capture();
    const result = await runCli(["--port", String(sandbox?.port)], second.io);
    expect(result.exitCode).toBe(1);
    expect(second.out.stderr).toMatch(/cannot start/);
    await sandbox?.close();
  });
});
