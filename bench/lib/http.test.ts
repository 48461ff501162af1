import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseJsonRpc, runPool } from "./http.ts";

describe("parseJsonRpc", () => {
  const response = { jsonrpc: "2.0", id: 7, result: { content: [] } };

  it("reads a plain JSON body", () => {
    assert.deepEqual(parseJsonRpc(JSON.stringify(response), "application/json", 7), response);
  });

  it("finds the matching response among the events of an SSE stream", () => {
    const progress = { jsonrpc: "2.0", method: "notifications/progress", params: { progress: 1 } };
    const stream = `: keep-alive\n\nevent: message\ndata: ${JSON.stringify(progress)}\n\nevent: message\ndata: ${JSON.stringify(response)}\n\n`;
    assert.deepEqual(parseJsonRpc(stream, "text/event-stream", 7), response);
  });

  it("answers null when no response carries the id", () => {
    assert.equal(parseJsonRpc(JSON.stringify(response), "application/json", 8), null);
    assert.equal(parseJsonRpc("not json", "application/json", 7), null);
  });
});

describe("runPool", () => {
  it("keeps at most `concurrency` tasks in flight and returns results in index order", async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await runPool(10, 3, async (index) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      return index * 2;
    });
    assert.equal(peak, 3);
    assert.deepEqual(results, [0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
  });
});
