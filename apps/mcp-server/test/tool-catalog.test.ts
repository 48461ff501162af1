import { afterAll, beforeAll, expect, it } from "vitest";
import { TOOL_NAMES } from "../src/index.js";
import { type Harness, startHarness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

it("lists the 11 tools in their fixed order", async () => {
  const { tools } = await h.mcp.listTools();
  expect(tools.map((tool) => tool.name)).toEqual([
    "hostaway_list_properties",
    "hostaway_get_property_details",
    "hostaway_check_availability",
    "hostaway_search_bookings",
    "hostaway_get_booking_details",
    "hostaway_get_guest_info",
    "hostaway_get_financial_report",
    "hostaway_search_messages",
    "hostaway_get_conversation_history",
    "hostaway_batch_get_properties",
    "hostaway_batch_get_bookings",
  ]);
  expect(TOOL_NAMES).toEqual(tools.map((tool) => tool.name));
});

it("gives every tool a title, explicit read-only annotations, strict described inputs and an output schema", async () => {
  const { tools } = await h.mcp.listTools();
  for (const tool of tools) {
    expect(tool.title, tool.name).toBeTruthy();
    expect(tool.annotations, tool.name).toEqual({
      title: tool.title,
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: true,
    });
    expect(tool.inputSchema.additionalProperties, tool.name).toBe(false);
    for (const [field, schema] of Object.entries(tool.inputSchema.properties ?? {})) {
      expect((schema as { description?: string }).description, `${tool.name}.${field}`).toBeTruthy();
    }
    expect(tool.outputSchema?.type, tool.name).toBe("object");
    // Descriptions say when to use the tool and which sibling to use instead, and how paging works.
    expect(tool.description).toMatch(/hostaway_\w+/);
    expect(tool.description).toMatch(/[Pp]aging/);
  }
});

it("matches the committed catalogue (names, titles, descriptions, schemas, annotations)", async () => {
  const { tools } = await h.mcp.listTools();
  const catalogue = tools.map(({ name, title, description, inputSchema, outputSchema, annotations }) => ({
    name,
    title,
    description,
    annotations,
    inputSchema,
    outputSchema,
  }));
  await expect(`${JSON.stringify(catalogue, null, 2)}\n`).toMatchFileSnapshot(
    "./__snapshots__/tool-catalog.json.snap",
  );
});
