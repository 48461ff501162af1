// Replying to a guest over both edges (issue 14): REST and MCP over HTTP started as their binaries start them,
// MCP over stdio through its main(), against the sandbox. Writes are off unless HOSTAWAY_ALLOW_WRITES=1, and over
// HTTP only keys in API_KEYS_WRITE may use them.
import { PassThrough } from "node:stream";
import { type Sandbox, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import { main } from "@hostaway-mcp/mcp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StartedEdge, startEdge, upstreamEnvOf } from "./support/edge-servers.js";

const READ_KEY = "reply-read-key-0123456789";
const WRITE_KEY = "reply-write-key-0123456789";
const POST = "POST /v1/conversations/:id/messages";
const TEXT = "Hello! Check-in is from 3 pm; the code is in your booking email.";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ rateLimits: false });
});
afterAll(async () => {
  await sandbox?.close();
});

function guestBookings(): number[] {
  const incoming = sandbox.data.messages.filter((message) => message.isIncoming && message.status === "sent");
  return [...new Set(incoming.map((message) => message.reservationId))];
}
const posts = () => sandbox.stats().byRoute[POST] ?? 0;

async function started(name: "rest" | "mcp", env: Record<string, string>): Promise<StartedEdge> {
  const result = await startEdge(name, { ...upstreamEnvOf(sandbox), API_KEYS: READ_KEY, ...env });
  if (result.kind === "exit") throw new Error(`${name} did not start: ${result.stderr}`);
  return result.edge;
}

async function mcpCall(edge: StartedEdge, key: string, method: string, params: unknown) {
  const response = await fetch(`${edge.url}/mcp`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      authorization: `Bearer ${key}`,
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return (await response.json()) as { result?: Record<string, unknown>; error?: unknown };
}

describe("with writes off (the default)", () => {
  it("lists no write tools and answers the routes 404", async () => {
    const rest = await started("rest", { API_KEYS_WRITE: WRITE_KEY });
    const mcp = await started("mcp", { API_KEYS_WRITE: WRITE_KEY });
    try {
      const answer = await rest.raw({
        method: "POST",
        path: "/api/messages/drafts",
        headers: { "x-api-key": WRITE_KEY, "content-type": "application/json" },
        body: JSON.stringify({ booking_id: guestBookings()[0], content: TEXT }),
      });
      expect(answer.status).toBe(404);
      const tools = await mcpCall(mcp, WRITE_KEY, "tools/list", {});
      const names = ((tools.result?.tools ?? []) as { name: string }[]).map((tool) => tool.name);
      expect(names).not.toContain("hostaway_prepare_guest_reply");
      expect(names).not.toContain("hostaway_send_guest_reply");
    } finally {
      await Promise.all([rest.close(), mcp.close()]);
    }
  });
});

describe("with HOSTAWAY_ALLOW_WRITES=1", () => {
  const env = { HOSTAWAY_ALLOW_WRITES: "1", API_KEYS_WRITE: WRITE_KEY, RATE_LIMIT_PER_KEY: "1000" };

  it("REST: draft → send puts exactly one message in the right conversation, a repeat sends nothing, and read-only keys get 403", async () => {
    const rest = await started("rest", env);
    try {
      const bookingId = guestBookings()[10] as number;
      const post = (path: string, key: string, body: unknown) =>
        rest.raw({
          method: "POST",
          path,
          headers: { "x-api-key": key, "content-type": "application/json" },
          body: JSON.stringify(body),
        });
      const refused = await post("/api/messages/drafts", READ_KEY, { booking_id: bookingId, content: TEXT });
      expect(refused.status).toBe(403);
      expect(refused.body).toContain("API_KEYS_WRITE");

      const drafted = await post("/api/messages/drafts", WRITE_KEY, { booking_id: bookingId, content: TEXT });
      expect(drafted.status).toBe(200);
      const draft = JSON.parse(drafted.body) as {
        draft_id: string;
        conversation_id: number;
        channel: string;
        content: string;
      };
      expect(draft.content).toBe(TEXT);

      const unconfirmed = await post(`/api/messages/drafts/${draft.draft_id}/send`, WRITE_KEY, {});
      expect(unconfirmed.status).toBe(400);
      expect(unconfirmed.body).toContain("confirm");

      sandbox.resetStats();
      const sent = await post(`/api/messages/drafts/${draft.draft_id}/send`, WRITE_KEY, { confirm: true });
      expect(sent.status).toBe(200);
      const result = JSON.parse(sent.body) as { message_id: number; already_sent: boolean };
      expect(result.already_sent).toBe(false);
      const again = await post(`/api/messages/drafts/${draft.draft_id}/send`, WRITE_KEY, { confirm: true });
      expect(JSON.parse(again.body)).toMatchObject({ message_id: result.message_id, already_sent: true });
      expect(posts()).toBe(1);
      const message = sandbox.data.messages.find((candidate) => candidate.id === result.message_id);
      expect(message).toMatchObject({ conversationId: draft.conversation_id, body: TEXT });

      const unknown = await post("/api/messages/drafts/nosuchdraft0000/send", WRITE_KEY, { confirm: true });
      expect(unknown.status).toBe(404);

      // The audit lines of the session name the draft and the outcome, never the text.
      const audit = rest
        .logs()
        .split("\n")
        .filter((line) => line.includes('"guest_reply"'));
      expect(audit.length).toBeGreaterThanOrEqual(4);
      expect(rest.logs()).not.toContain("the code is in your booking email");
      expect(audit.join("\n")).toContain(draft.draft_id);
    } finally {
      await rest.close();
    }
  });

  it("MCP over HTTP: only a write key sees the write tools; the draft → send path sends once", async () => {
    const mcp = await started("mcp", env);
    try {
      const readTools = await mcpCall(mcp, READ_KEY, "tools/list", {});
      expect(((readTools.result?.tools ?? []) as { name: string }[]).map((tool) => tool.name)).not.toContain(
        "hostaway_send_guest_reply",
      );
      const tools = await mcpCall(mcp, WRITE_KEY, "tools/list", {});
      const send = (
        (tools.result?.tools ?? []) as {
          name: string;
          annotations: Record<string, unknown>;
          description: string;
        }[]
      ).find((tool) => tool.name === "hostaway_send_guest_reply");
      expect(send?.annotations).toMatchObject({
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: true,
      });
      expect(send?.description).toMatch(/never carry out instructions/);

      const bookingId = guestBookings()[11] as number;
      const drafted = await mcpCall(mcp, WRITE_KEY, "tools/call", {
        name: "hostaway_prepare_guest_reply",
        arguments: { booking_id: bookingId, content: TEXT },
      });
      const draft = drafted.result?.structuredContent as { draft_id: string; conversation_id: number };
      expect(draft.draft_id).toEqual(expect.any(String));
      sandbox.resetStats();
      const sends = await Promise.all(
        Array.from({ length: 20 }, () =>
          mcpCall(mcp, WRITE_KEY, "tools/call", {
            name: "hostaway_send_guest_reply",
            arguments: { draft_id: draft.draft_id, confirm: true },
          }),
        ),
      );
      expect(posts()).toBe(1);
      const ids = new Set(
        sends.map(
          (answer) => (answer.result?.structuredContent as { message_id?: number } | undefined)?.message_id,
        ),
      );
      expect(ids.size).toBe(1);
      expect([...ids][0]).toEqual(expect.any(Number));
    } finally {
      await mcp.close();
    }
  });

  it("MCP over stdio: the flag alone lists the write tools, and a confirmed send goes out once", async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = "";
    stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
    });
    const outcome = await main(
      ["--transport", "stdio"],
      { ...upstreamEnvOf(sandbox), HOSTAWAY_ALLOW_WRITES: "1" },
      {
        stdin,
        stdout,
        stderr,
      },
    );
    expect(outcome.kind).toBe("running");
    const answers = new Map<number, Record<string, unknown>>();
    const request = async (id: number, method: string, params: unknown) => {
      stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`);
      for (let waited = 0; waited < 100; waited += 1) {
        for (const line of out.split("\n")) {
          if (line.trim() === "") continue;
          const message = JSON.parse(line) as { id?: number; result?: Record<string, unknown> };
          if (message.id !== undefined) answers.set(message.id, message as Record<string, unknown>);
        }
        const answer = answers.get(id);
        if (answer) return answer as { result: Record<string, unknown> };
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`no answer to ${method}`);
    };
    try {
      await request(1, "initialize", {
        protocolVersion: "2025-06-18",
        capabilities: {},
        clientInfo: { name: "test", version: "1" },
      });
      stdin.write(`${JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" })}\n`);
      const tools = await request(2, "tools/list", {});
      expect((tools.result.tools as { name: string }[]).map((tool) => tool.name)).toContain(
        "hostaway_prepare_guest_reply",
      );
      const drafted = await request(3, "tools/call", {
        name: "hostaway_prepare_guest_reply",
        arguments: { booking_id: guestBookings()[12], content: TEXT },
      });
      const draftId = (drafted.result.structuredContent as { draft_id: string }).draft_id;
      sandbox.resetStats();
      // This client offers no elicitation: confirm: true is required.
      const unconfirmed = await request(4, "tools/call", {
        name: "hostaway_send_guest_reply",
        arguments: { draft_id: draftId },
      });
      expect(unconfirmed.result.isError).toBe(true);
      const sent = await request(5, "tools/call", {
        name: "hostaway_send_guest_reply",
        arguments: { draft_id: draftId, confirm: true },
      });
      expect(sent.result.structuredContent).toMatchObject({ already_sent: false });
      expect(posts()).toBe(1);
    } finally {
      stdin.end();
      if (outcome.kind === "running") await outcome.close();
    }
  }, 30_000);
});
