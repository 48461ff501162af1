import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import { type Sandbox, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import { afterAll, beforeAll, expect, it } from "vitest";

// The built binary: `pnpm test` builds it (turbo `build`) before the tests run.
const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const KEY = "sigterm-test-key-0123456789";

let sandbox: Sandbox;
beforeAll(async () => {
  if (!existsSync(CLI)) {
    throw new Error(
      `${CLI} is missing: run \`pnpm turbo run build --filter @hostaway-mcp/rest-server...\` first`,
    );
  }
  sandbox = await startSandbox({ rateLimits: false });
});
afterAll(async () => sandbox?.close());

/** Resolves with the first JSON log line of `child` that `accept` takes. */
function logLine(child: ChildProcess, accept: (line: Record<string, unknown>) => boolean) {
  return new Promise<Record<string, unknown>>((resolve, reject) => {
    let buffered = "";
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const text of lines) {
        const line = JSON.parse(text) as Record<string, unknown>;
        if (accept(line)) {
          child.stderr?.off("data", onData);
          resolve(line);
          return;
        }
      }
    };
    child.stderr?.on("data", onData);
    child.once("exit", (code) =>
      reject(new Error(`hostaway-rest exited (${code}) before the expected log line`)),
    );
  });
}

/** Whether a new TCP connection to `port` is refused. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

it("SIGTERM: the built binary finishes the in-flight request, refuses new connections and exits 0", async () => {
  const child = spawn(process.execPath, [CLI, "--port", "0", "--host", "127.0.0.1"], {
    env: {
      PATH: process.env.PATH ?? "",
      HOSTAWAY_ACCOUNT_ID: String(sandbox.credentials.accountId),
      HOSTAWAY_SECRET_KEY: sandbox.credentials.secretKey,
      HOSTAWAY_API_BASE_URL: sandbox.url,
      HOSTAWAY_RATE_LIMIT_IP: "0",
      HOSTAWAY_RATE_LIMIT_ACCOUNT: "0",
      API_KEYS: KEY,
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  try {
    const listening = await logLine(child, (line) => typeof line.url === "string");
    const url = listening.url as string;
    const port = Number(new URL(url).port);
    const id = sandbox.fixtures.listingIds[0] as number;
    const get = (listing = id) => fetch(`${url}/api/listings/${listing}`, { headers: { "X-API-Key": KEY } });
    // Warm up on another listing: the token is then held, and the call below is one upstream request.
    expect((await get(sandbox.fixtures.listingIds[1])).status).toBe(200);

    sandbox.setLatency(2_000);
    sandbox.resetStats();
    let answered = false;
    const inFlight = get().then((response) => {
      answered = true;
      return response;
    });
    inFlight.catch(() => undefined); // a failure is reported by the await below, not as an unhandled rejection
    // The request has reached the sandbox: it is in flight inside the server.
    while (sandbox.stats().total === 0) await new Promise((resolve) => setTimeout(resolve, 5));

    const shuttingDown = logLine(child, (line) => String(line.msg).startsWith("shutting down"));
    child.kill("SIGTERM");
    await shuttingDown;
    // The line is logged just before the listener closes: give the close a moment on a loaded machine.
    let isRefused = false;
    for (let tries = 0; tries < 100 && !isRefused; tries += 1) {
      isRefused = await refused(port);
      if (!isRefused) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(isRefused).toBe(true);
    expect(answered).toBe(false); // refused while the earlier request was still being served

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { id: number }).id).toBe(id);
    expect(await exited).toEqual({ code: 0, signal: null });
  } finally {
    sandbox.setLatency(0);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
});
