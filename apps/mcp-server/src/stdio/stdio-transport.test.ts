import { PassThrough } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { createLogger } from "../logger.js";
import { StdioTransport } from "./stdio-transport.js";
import { trackRequests } from "./track-requests.js";

function setUp(maxFrameBytes = 64) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const logLines: string[] = [];
  const logDestination = new PassThrough();
  logDestination.on("data", (chunk: Buffer) => logLines.push(chunk.toString("utf8")));
  const onEnd = vi.fn();
  const onFailure = vi.fn();
  const transport = new StdioTransport({
    stdin,
    stdout,
    logger: createLogger({ level: "debug", destination: logDestination }),
    maxFrameBytes,
    onEnd,
    onFailure,
  });
  const received: unknown[] = [];
  transport.onmessage = (message) => received.push(message);
  const sent = () =>
    (stdout.read()?.toString("utf8") ?? "")
      .split("\n")
      .filter(Boolean)
      .map((line: string) => JSON.parse(line));
  return { stdin, stdout, transport, received, sent, logLines, onEnd, onFailure };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("StdioTransport", () => {
  it("delivers JSON-RPC messages split across chunks, with CRLF line ends", async () => {
    const t = setUp();
    await t.transport.start();
    t.stdin.write('{"jsonrpc":"2.0",');
    t.stdin.write('"id":1,"method":"ping"}\r\n{"jsonrpc":"2.0","method":"x"}\n\n');
    await tick();
    expect(t.received).toEqual([
      { jsonrpc: "2.0", id: 1, method: "ping" },
      { jsonrpc: "2.0", method: "x" },
    ]);
  });

  it("answers a frame over the limit with -32600 and the id from its head, and goes on", async () => {
    const t = setUp(64);
    await t.transport.start();
    t.stdin.write(
      `{"jsonrpc":"2.0","id":"big-1","method":"tools/call","params":{"x":"${"y".repeat(200)}"}}\n`,
    );
    t.stdin.write('{"jsonrpc":"2.0","id":2,"method":"ping"}\n');
    await tick();
    expect(t.sent()).toEqual([
      {
        jsonrpc: "2.0",
        id: "big-1",
        error: { code: -32600, message: "Request too large: the limit is 64 bytes." },
      },
    ]);
    expect(t.received).toEqual([{ jsonrpc: "2.0", id: 2, method: "ping" }]);
    expect(t.logLines.join("")).toMatch(/frame too large/);
    expect(t.logLines.join("")).not.toContain("yyyy");
  });

  it("answers invalid JSON with -32700 and a non-JSON-RPC object with -32600, logging neither's content", async () => {
    const t = setUp(1024);
    await t.transport.start();
    t.stdin.write("{secret text\n");
    t.stdin.write('{"id":9,"hello":"secret value"}\n');
    await tick();
    expect(t.sent()).toEqual([
      {
        jsonrpc: "2.0",
        id: null,
        error: { code: -32700, message: "Parse error: the message is not valid JSON." },
      },
      {
        jsonrpc: "2.0",
        id: 9,
        error: { code: -32600, message: "Invalid Request: expected a JSON-RPC 2.0 message." },
      },
    ]);
    expect(t.logLines.join("")).not.toContain("secret");
    expect(t.received).toEqual([]);
  });

  it("reports the end of stdin and a failed stream, and stops sending once closed", async () => {
    const t = setUp();
    await t.transport.start();
    const onclose = vi.fn();
    t.transport.onclose = onclose;
    t.stdin.end();
    await tick();
    expect(t.onEnd).toHaveBeenCalledOnce();
    t.stdout.emit("error", new Error("EPIPE"));
    expect(t.onFailure).toHaveBeenCalledWith(expect.objectContaining({ message: "EPIPE" }));
    await t.transport.close();
    await t.transport.close();
    expect(onclose).toHaveBeenCalledOnce();
    await t.transport.send({ jsonrpc: "2.0", id: 1, result: {} });
    expect(t.sent()).toEqual([]);
  });
});

describe("trackRequests", () => {
  it("counts each request until its answer is sent, and resolves settled() then", async () => {
    const t = setUp(1024);
    const tracked = trackRequests(t.transport);
    const received: unknown[] = [];
    tracked.onmessage = (message) => received.push(message);
    await tracked.start();
    t.stdin.write(
      '{"jsonrpc":"2.0","id":1,"method":"tools/call"}\n{"jsonrpc":"2.0","id":2,"method":"ping"}\n',
    );
    await tick();
    expect(tracked.pending).toBe(2);
    const settled = tracked.settled(5_000);
    await tracked.send({ jsonrpc: "2.0", id: 1, result: {} });
    expect(tracked.pending).toBe(1);
    // A cancelled request gets no answer; it stops counting.
    t.stdin.write('{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":2}}\n');
    await tick();
    expect(await settled).toBe(true);
    expect(received).toHaveLength(3);
  });

  it("gives up waiting after the grace period", async () => {
    const t = setUp(1024);
    const tracked = trackRequests(t.transport);
    tracked.onmessage = () => {};
    await tracked.start();
    t.stdin.write('{"jsonrpc":"2.0","id":1,"method":"tools/call"}\n');
    await tick();
    expect(await tracked.settled(10)).toBe(false);
    expect(await trackRequests(setUp().transport).settled(10)).toBe(true);
  });
});
