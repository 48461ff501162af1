// Sending a guest message (REFERENCE.md §6.3, §7 "Sending"): one POST, never replayed, and the next read shows it.
import { type Sandbox, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import nock from "nock";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { createHostawayClient, type HostawayClient, isUnknownOutcome } from "../src/index.js";

let sandbox: Sandbox;
let client: HostawayClient;
const POST_ROUTE = "POST /v1/conversations/:id/messages";

beforeAll(async () => {
  nock.enableNetConnect("127.0.0.1");
  sandbox = await startSandbox({ rateLimits: false });
  client = createHostawayClient({ ...sandbox.credentials, baseUrl: sandbox.url, tokenActivationDelayMs: 0 });
  await client.authenticate();
});
afterEach(() => sandbox.clearFaults());
afterAll(async () => {
  client.close();
  await sandbox.close();
});

const conversation = () => sandbox.data.conversations[0] as (typeof sandbox.data.conversations)[number];

it("sends one message on the chosen channel, and the next (cached) read of the thread shows it", async () => {
  const { id } = conversation();
  const before = await client.conversations.messages(id, { limit: 1000 });
  sandbox.resetStats();
  const sent = await client.conversations.send(id, {
    body: "See you at 3 pm!",
    communicationType: "whatsapp",
  });
  expect(sent).toMatchObject({ conversationId: id, body: "See you at 3 pm!", communicationType: "whatsapp" });
  expect(sandbox.stats().byRoute[POST_ROUTE]).toBe(1);
  const after = await client.conversations.messages(id, { limit: 1000 });
  expect(after.items).toHaveLength(before.items.length + 1);
  expect(after.items.map((message) => message.id)).toContain(sent.id);
});

it("refuses an empty text or an unknown channel before sending anything", async () => {
  sandbox.resetStats();
  await expect(client.conversations.send(conversation().id, { body: "   " })).rejects.toThrow(/body/);
  await expect(
    client.conversations.send(conversation().id, { body: "hi", communicationType: "fax" as "sms" }),
  ).rejects.toThrow(/communicationType/);
  expect(sandbox.stats().total).toBe(0);
});

it("reports a send whose answer never came as an unknown outcome, and never sends it again", async () => {
  sandbox.injectFault({ method: "POST", path: "/v1/conversations/:id/messages", kind: "hang" });
  sandbox.resetStats();
  const error = await client.conversations
    .send(conversation().id, { body: "Are you still there?" }, { timeoutMs: 300, deadlineMs: 5_000 })
    .then(
      () => undefined,
      (failure: unknown) => failure,
    );
  expect(isUnknownOutcome(error)).toBe(true);
  expect(sandbox.stats().byRoute[POST_ROUTE]).toBe(1);
});

it("does not retry a send after a connection reset either (the message may have gone out)", async () => {
  sandbox.injectFault({ method: "POST", path: "/v1/conversations/:id/messages", kind: "reset" });
  sandbox.resetStats();
  const error = await client.conversations.send(conversation().id, { body: "Hello" }).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(isUnknownOutcome(error)).toBe(true);
  expect(sandbox.stats().byRoute[POST_ROUTE]).toBe(1);
});
