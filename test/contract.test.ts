// The v1.1 wire contract: the field names clients were promised. Every operation that answers with one of these
// entities is asked through both apps, and each real REST body and MCP `structuredContent` is checked against this
// list, as are the schemas both apps publish (OpenAPI and MCP output schemas). A rename anywhere fails here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BothApps, startBothApps } from "./support/both-apps.js";

/** The contract's fields, by entity. Never rename one; add fields beside them instead. */
const CONTRACT = {
  PartialFailureResponse: ["successful_results", "failed_items", "summary"],
  BatchFailure: ["item_id", "error_type", "error_message", "remediation"],
  BatchSummary: ["total_attempted", "succeeded", "failed", "success_rate"],
  Message: ["id", "booking_id", "content", "timestamp", "channel", "sender_type", "delivery_status"],
  ConversationThread: ["booking_id", "messages", "total_count", "channels_used"],
} as const;
type Entity = keyof typeof CONTRACT;

type Json = Record<string, unknown>;

/** Where each entity sits inside an answer: `[]` steps into every item of an array. */
type Shape = { entity: Entity; at: string[] };
const THREAD_SHAPES: Shape[] = [
  { entity: "ConversationThread", at: [] },
  { entity: "Message", at: ["messages", "[]"] },
];
const BATCH_SHAPES: Shape[] = [
  { entity: "PartialFailureResponse", at: [] },
  { entity: "BatchFailure", at: ["failed_items", "[]"] },
  { entity: "BatchSummary", at: ["summary"] },
];
const THREADS_FOUND: Shape[] = THREAD_SHAPES.map(({ entity, at }) => ({
  entity,
  at: ["successful_results", "[]", ...at],
}));
/** A search that found threads and failed nothing: every entity but a failure. */
const SEARCH_FOUND_SHAPES: Shape[] = [
  ...BATCH_SHAPES.filter((shape) => shape.entity !== "BatchFailure"),
  ...THREADS_FOUND,
];
/** A search answer's schema: all of it. */
const SEARCH_SHAPES: Shape[] = [...BATCH_SHAPES, ...THREADS_FOUND];

/** Every value at `path` in `value` (arrays fan out at `[]`). */
function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return [value];
  const [step, ...rest] = path;
  if (step === "[]") return Array.isArray(value) ? value.flatMap((item) => valuesAt(item, rest)) : [];
  return valuesAt((value as Json | null)?.[step as string], rest);
}

/** Checks an answer: each entity found in it has every contract field, and at least one of each is present. */
function expectContract(answer: unknown, shapes: readonly Shape[], label: string): void {
  for (const { entity, at } of shapes) {
    const found = valuesAt(answer, at);
    expect(found.length, `${label}: no ${entity} at ${at.join(".") || "the top"}`).toBeGreaterThan(0);
    for (const object of found) {
      expect(Object.keys(object as Json), `${label}: ${entity}`).toEqual(
        expect.arrayContaining([...CONTRACT[entity]]),
      );
    }
  }
}

/** The JSON Schema a path leads to, following `$ref`s into `components`/`$defs` of `root`. */
function schemaAt(root: Json, schema: Json, path: readonly string[]): Json {
  const resolved = resolveRef(root, schema);
  if (path.length === 0) return resolved;
  const [step, ...rest] = path;
  const next =
    step === "[]"
      ? (resolved.items as Json)
      : ((resolved.properties as Record<string, Json> | undefined)?.[step as string] as Json);
  expect(next, `schema has no ${step}`).toBeDefined();
  return schemaAt(root, next, rest);
}

function resolveRef(root: Json, schema: Json): Json {
  const ref = schema.$ref;
  if (typeof ref !== "string") return schema;
  const target = ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((node, key) => (node as Json)[key], root) as Json;
  return resolveRef(root, target);
}

/** Checks a published schema: every contract field is a property and required. */
function expectSchemaContract(root: Json, schema: Json, shapes: readonly Shape[], label: string): void {
  for (const { entity, at } of shapes) {
    const object = schemaAt(root, schema, at);
    for (const field of CONTRACT[entity]) {
      expect(Object.keys((object.properties ?? {}) as Json), `${label}: ${entity}.${field}`).toContain(field);
      expect(object.required, `${label}: ${entity}.${field} required`).toContain(field);
    }
  }
}

let apps: BothApps;

beforeAll(async () => {
  apps = await startBothApps();
});

afterAll(async () => {
  await apps?.close();
});

/** Each operation that answers with contract entities, asked the same way of both apps. */
function operations() {
  const { fixtures } = apps.sandbox;
  const [a, b] = fixtures.listingIds;
  return [
    {
      name: "batch properties",
      tool: "hostaway_batch_get_properties",
      route: "/api/batch/properties",
      rest: `/api/batch/properties?property_ids=${a},${fixtures.unknownListingId},${b}`,
      args: { property_ids: [a, fixtures.unknownListingId, b] },
      shapes: BATCH_SHAPES,
    },
    {
      name: "batch bookings",
      tool: "hostaway_batch_get_bookings",
      route: "/api/batch/bookings",
      rest: `/api/batch/bookings?booking_ids=${fixtures.bookings.emoji},${fixtures.unknownBookingId}`,
      args: { booking_ids: [fixtures.bookings.emoji, fixtures.unknownBookingId] },
      shapes: BATCH_SHAPES,
    },
    {
      name: "message search (one found, one unknown booking)",
      tool: "hostaway_search_messages",
      route: "/api/messages",
      rest: "/api/messages?guest_name=Schmidt",
      args: { guest_name: "Schmidt" },
      shapes: SEARCH_FOUND_SHAPES,
      failing: {
        rest: `/api/messages?booking_id=${fixtures.unknownBookingId}`,
        args: { booking_id: fixtures.unknownBookingId },
      },
    },
    {
      name: "conversation history",
      tool: "hostaway_get_conversation_history",
      route: "/api/messages/conversation/{booking_id}",
      rest: `/api/messages/conversation/${fixtures.bookings.twoConversations}`,
      args: { booking_id: fixtures.bookings.twoConversations },
      shapes: THREAD_SHAPES,
    },
  ];
}

describe("the v1.1 wire contract", () => {
  it("holds in every REST body and MCP structuredContent", async () => {
    for (const operation of operations()) {
      expectContract(await apps.restBody(operation.rest), operation.shapes, `REST ${operation.name}`);
      expectContract(
        await apps.toolResult(operation.tool, operation.args),
        operation.shapes,
        `MCP ${operation.name}`,
      );
      if (operation.failing) {
        expectContract(await apps.restBody(operation.failing.rest), BATCH_SHAPES, `REST ${operation.name}`);
        expectContract(
          await apps.toolResult(operation.tool, operation.failing.args),
          BATCH_SHAPES,
          `MCP ${operation.name}`,
        );
      }
    }
  });

  it("holds in the MCP output schemas and the OpenAPI document", async () => {
    const { tools } = await apps.listTools();
    const openApi = (await (await fetch(`${apps.restUrl}/openapi.json`)).json()) as Json;
    for (const operation of operations()) {
      const shapes = operation.failing ? SEARCH_SHAPES : operation.shapes;
      const tool = tools.find((candidate) => candidate.name === operation.tool);
      const outputSchema = tool?.outputSchema as Json;
      expectSchemaContract(outputSchema, outputSchema, shapes, `MCP ${operation.tool} outputSchema`);
      const paths = openApi.paths as Record<string, { get: { responses: Record<string, Json> } }>;
      const operationDoc = paths[operation.route];
      expect(operationDoc, `OpenAPI has ${operation.route}`).toBeDefined();
      const response = operationDoc?.get.responses["200"] as Json;
      const schema = (response.content as Record<string, { schema: Json }>)["application/json"]
        ?.schema as Json;
      expectSchemaContract(openApi, schema, shapes, `OpenAPI ${operation.route}`);
    }
  });

  it("names a message's text content, and never body", async () => {
    const thread = (await apps.restBody(
      `/api/messages/conversation/${apps.sandbox.fixtures.bookings.emoji}`,
    )) as { messages: Json[] };
    for (const message of thread.messages) {
      expect(typeof message.content).toBe("string");
      expect(message).not.toHaveProperty("body");
    }
  });
});
