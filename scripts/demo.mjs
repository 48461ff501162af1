#!/usr/bin/env node
// `pnpm demo`: the sandbox (a fake Hostaway), the REST server and the MCP server over HTTP, each its own process,
// wired together from the outside (the sandbox stays a dev-only tool, never a run-time dependency of the apps).
// The root `demo` script builds them first. Plain .mjs so every Node ≥ 22 runs it without type stripping.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const host = "127.0.0.1";
const ports = {
  sandbox: port("DEMO_SANDBOX_PORT", 4010),
  rest: port("DEMO_REST_PORT", 8080),
  mcp: port("DEMO_MCP_PORT", 3000),
};
const binaries = {
  sandbox: join(root, "packages/hostaway-sandbox/dist/cli.js"),
  rest: join(root, "apps/rest-server/dist/cli.js"),
  mcp: join(root, "apps/mcp-server/dist/cli.js"),
};
/**
 * Hostaway's windows (REFERENCE.md §4: 15 requests per 10 s per IP, 20 per account) are per IP and per account, but
 * each server's client keeps its own windows. The two servers share one IP and one account here, so each gets its
 * half (REST 8 + MCP 7 ≤ 15 per IP, 10 + 10 ≤ 20 per account) and together they never draw a 429.
 */
const upstreamLimits = {
  rest: { HOSTAWAY_RATE_LIMIT_IP: "8", HOSTAWAY_RATE_LIMIT_ACCOUNT: "10" },
  mcp: { HOSTAWAY_RATE_LIMIT_IP: "7", HOSTAWAY_RATE_LIMIT_ACCOUNT: "10" },
};
const logDir = mkdtempSync(join(tmpdir(), "hostaway-demo-"));
/** @type {Map<string, import("node:child_process").ChildProcess>} */
const children = new Map();
let stopping = false;

const say = (text = "") => process.stdout.write(`${text}\n`);

function port(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65_535) {
    process.stderr.write(`demo: ${name} must be a port number 1..65535, got "${raw}"\n`);
    process.exit(1);
  }
  return value;
}

/** The Node flags in a bin's `#!/usr/bin/env -S node …` line, so it runs here as its bin would (e.g. its memory cap). */
function shebangNodeFlags(file) {
  const firstLine = readFileSync(file, "utf8").split("\n", 1)[0] ?? "";
  const match = /^#!.*?\bnode\b(.*)$/.exec(firstLine.trim());
  return match ? (match[1] ?? "").split(/\s+/).filter((flag) => flag.startsWith("-")) : [];
}

/** Starts `name` with its stdout and stderr in a log file; a crash before Ctrl-C stops the whole demo. */
function start(name, args, env = {}) {
  const log = createWriteStream(join(logDir, `${name}.log`));
  const child = spawn(process.execPath, [...shebangNodeFlags(args[0]), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  child.once("exit", (code, signal) => {
    children.delete(name);
    if (!stopping) {
      process.stderr.write(
        `demo: ${name} exited (${signal ?? `code ${code}`}); its log:\n${tail(join(logDir, `${name}.log`))}\n`,
      );
      void stopAll(1);
    }
  });
  children.set(name, child);
  return child;
}

function tail(file, lines = 20) {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** The sandbox announces itself with one JSON line on stdout: `{ url, accountId, secretKey, … }`. */
function sandboxAnnouncement(child) {
  return new Promise((resolve, reject) => {
    let buffered = "";
    const timer = setTimeout(
      () => reject(new Error("the sandbox did not announce itself within 20 s")),
      20_000,
    );
    child.stdout.on("data", (chunk) => {
      buffered += chunk;
      for (const line of buffered.split("\n").slice(0, -1)) {
        try {
          const info = JSON.parse(line);
          if (typeof info?.url === "string") {
            clearTimeout(timer);
            resolve(info);
            return;
          }
        } catch {
          // not the announcement line
        }
      }
    });
  });
}

async function waitForHealth(name, url) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (!children.has(name)) throw new Error(`${name} exited before it answered ${url}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${name} did not answer ${url} within 20 s (log: ${join(logDir, `${name}.log`)})`);
}

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  const exits = [...children.values()].map(
    (child) =>
      new Promise((resolve) => {
        const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
        child.once("exit", () => {
          clearTimeout(force);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  );
  await Promise.all(exits);
  process.exit(code);
}

/**
 * A booking with messages for the printed curl: the sandbox's `twoConversations` fixture. The dataset is a pure
 * function of the account id and the anchor ("now"), so building it here with the same anchor names the same ids.
 * The curl is tried once before it is printed; if it fails, the first booking listed stands in.
 */
async function exampleBookingId(info, anchor, restUrl, apiKey) {
  const headers = { "X-API-Key": apiKey };
  try {
    const { buildDataset } = await import(
      pathToFileURL(join(root, "packages/hostaway-sandbox/dist/index.js")).href
    );
    const { fixtures } = buildDataset({
      accountId: Number(info.accountId) || 10450,
      anchorMs: Date.parse(anchor),
    });
    const id = fixtures.bookings.twoConversations;
    const response = await fetch(`${restUrl}/api/messages/conversation/${id}?limit=1`, { headers });
    if (response.ok && (await response.json()).total_count > 0) return id;
  } catch {
    // fall through to any booking
  }
  const page = await (await fetch(`${restUrl}/api/bookings?limit=1`, { headers })).json();
  return page.items?.[0]?.id ?? 1;
}

/** Two real property ids and one that does not exist, for a batch that shows a partial failure. */
async function exampleBatchIds(restUrl, apiKey) {
  const page = await (
    await fetch(`${restUrl}/api/listings?limit=2`, { headers: { "X-API-Key": apiKey } })
  ).json();
  const ids = (page.items ?? []).map((listing) => listing.id);
  const unknown = Math.max(0, ...ids) + 1_000_000;
  return [...ids, unknown].join(",");
}

async function main() {
  const missing = Object.entries(binaries).filter(([, file]) => !existsSync(file));
  if (missing.length > 0) {
    process.stderr.write(
      `demo: not built yet (${missing.map(([name]) => name).join(", ")}); run \`pnpm demo\`, which builds first.\n`,
    );
    process.exit(1);
  }
  process.once("SIGINT", () => void stopAll(0));
  process.once("SIGTERM", () => void stopAll(0));

  say("Starting the Hostaway sandbox, the REST server and the MCP server…");
  // "now" to the second, passed explicitly so this script can rebuild the same dataset (see exampleBookingId).
  const anchor = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
  const sandbox = start("sandbox", [binaries.sandbox, "--port", String(ports.sandbox), "--anchor", anchor]);
  const info = await sandboxAnnouncement(sandbox);

  const apiKey = `demo-${randomBytes(24).toString("base64url")}`;
  const env = {
    HOSTAWAY_ACCOUNT_ID: String(info.accountId),
    HOSTAWAY_SECRET_KEY: String(info.secretKey),
    HOSTAWAY_API_BASE_URL: info.url,
    API_KEYS: apiKey,
    HOST: host,
  };
  const restUrl = `http://${host}:${ports.rest}`;
  const mcpUrl = `http://${host}:${ports.mcp}`;
  start("rest", [binaries.rest, "--port", String(ports.rest), "--host", host], {
    ...env,
    ...upstreamLimits.rest,
  });
  start("mcp", [binaries.mcp, "--transport", "http", "--port", String(ports.mcp), "--host", host], {
    ...env,
    ...upstreamLimits.mcp,
  });
  await Promise.all([waitForHealth("rest", `${restUrl}/health`), waitForHealth("mcp", `${mcpUrl}/health`)]);

  const bookingId = await exampleBookingId(info, anchor, restUrl, apiKey);
  const batchIds = await exampleBatchIds(restUrl, apiKey);
  const mcpConfig = {
    mcpServers: {
      hostaway: { type: "http", url: `${mcpUrl}/mcp`, headers: { Authorization: `Bearer ${apiKey}` } },
    },
  };
  say(`
Hostaway demo is running (a fake Hostaway account; no real data).

  Sandbox (fake Hostaway API)  ${info.url}
  REST API                     ${restUrl}/api   docs: ${restUrl}/docs   OpenAPI: ${restUrl}/openapi.json
  MCP server (Streamable HTTP) ${mcpUrl}/mcp

  Demo API key (both servers): ${apiKey}
  Upstream limits, split (one IP, one account): REST 8 + MCP 7 per IP, 10 + 10 per account, per 10 s

Try the REST API:

  curl -H "X-API-Key: ${apiKey}" ${restUrl}/api/messages/conversation/${bookingId}
  curl -H "X-API-Key: ${apiKey}" "${restUrl}/api/batch/properties?property_ids=${batchIds}"
    (a batch: { successful_results, failed_items, summary, note }; the last id does not exist)

Connect an MCP client (e.g. Claude Code, or any client's JSON config):

  claude mcp add --transport http hostaway ${mcpUrl}/mcp --header "Authorization: Bearer ${apiKey}"

${JSON.stringify(mcpConfig, null, 2)
  .split("\n")
  .map((line) => `  ${line}`)
  .join("\n")}

Or explore the tools in a browser:

  npx @modelcontextprotocol/inspector
  → Transport "Streamable HTTP", URL ${mcpUrl}/mcp, header Authorization: Bearer ${apiKey}

Logs: ${logDir}
Press Ctrl-C to stop everything.`);
}

main().catch((error) => {
  process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
  void stopAll(1);
});
