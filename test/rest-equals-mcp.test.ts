// A REST body and the MCP tool's `structuredContent` for the same question are the same JSON (docs/architecture.md):
// both apps run here against one sandbox, through one Hostaway client.
import type { Sandbox } from "@hostaway-mcp/hostaway-sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BothApps, startBothApps } from "./support/both-apps.js";

let apps: BothApps;
let sandbox: Sandbox;

beforeAll(async () => {
  apps = await startBothApps();
  sandbox = apps.sandbox;
});

afterAll(async () => {
  await apps?.close();
});

const restBody = (path: string) => apps.restBody(path);
const toolResult = (name: string, args: Record<string, unknown>) => apps.toolResult(name, args);

type Batch = { failed_items: Array<{ remediation: string }>; summary: { failed: number; succeeded: number } };

/**
 * The answer without each failure's remediation: the one part each app words itself (a tool name for MCP, a route
 * for REST). The rest is the same JSON.
 */
function withoutRemediation(answer: unknown): unknown {
  const batch = answer as Batch;
  return { ...batch, failed_items: batch.failed_items.map(({ remediation: _, ...rest }) => rest) };
}

/** Each app's remediation names its own next step, never the other app's. */
function expectOwnNextSteps(viaRest: unknown, viaMcp: unknown): void {
  for (const failure of (viaRest as Batch).failed_items) {
    expect(failure.remediation).not.toMatch(/hostaway_[a-z_]+/);
  }
  for (const failure of (viaMcp as Batch).failed_items) expect(failure.remediation).not.toMatch(/\/api\//);
}

describe("REST body = MCP structuredContent", () => {
  it("conversation history: a two-conversation booking's merged timeline", async () => {
    const id = sandbox.fixtures.bookings.twoConversations;
    const viaRest = await restBody(`/api/messages/conversation/${id}`);
    const viaMcp = await toolResult("hostaway_get_conversation_history", { booking_id: id });
    expect(viaRest).toEqual(viaMcp);
    expect((viaRest as { conversation_ids: number[] }).conversation_ids).toHaveLength(2);
  });

  it("conversation history: a page of the 250-message thread, and scheduled messages included", async () => {
    const long = sandbox.fixtures.bookings.twoHundredFiftyMessages;
    expect(await restBody(`/api/messages/conversation/${long}?limit=20&offset=230`)).toEqual(
      await toolResult("hostaway_get_conversation_history", { booking_id: long, limit: 20, offset: 230 }),
    );
    const scheduled = sandbox.fixtures.bookings.scheduledAndFailed;
    expect(await restBody(`/api/messages/conversation/${scheduled}?include_scheduled=true`)).toEqual(
      await toolResult("hostaway_get_conversation_history", {
        booking_id: scheduled,
        include_scheduled: true,
      }),
    );
  });

  it("batch properties, with an unknown id", async () => {
    const [a, b] = sandbox.fixtures.listingIds;
    const ids = [a!, sandbox.fixtures.unknownListingId, b!];
    const viaRest = await restBody(`/api/batch/properties?property_ids=${ids.join(",")}`);
    const viaMcp = await toolResult("hostaway_batch_get_properties", { property_ids: ids });
    expect(withoutRemediation(viaRest)).toEqual(withoutRemediation(viaMcp));
    expect((viaRest as Batch).summary.failed).toBe(1);
    expectOwnNextSteps(viaRest, viaMcp);
    expect((viaRest as Batch).failed_items[0]?.remediation).toContain("GET /api/listings");
    expect((viaMcp as Batch).failed_items[0]?.remediation).toContain("hostaway_list_properties");
  });

  it("batch bookings, with an unknown id", async () => {
    const ids = [
      sandbox.fixtures.bookings.emoji,
      sandbox.fixtures.unknownBookingId,
      sandbox.fixtures.bookings.allChannels,
    ];
    const viaRest = await restBody(`/api/batch/bookings?booking_ids=${ids.join(",")}`);
    const viaMcp = await toolResult("hostaway_batch_get_bookings", { booking_ids: ids });
    expect(withoutRemediation(viaRest)).toEqual(withoutRemediation(viaMcp));
    expect((viaRest as Batch).summary.succeeded).toBe(2);
    expectOwnNextSteps(viaRest, viaMcp);
    expect((viaRest as Batch).failed_items[0]?.remediation).toContain("GET /api/bookings");
    expect((viaMcp as Batch).failed_items[0]?.remediation).toContain("hostaway_search_bookings");
  });

  it("a listings page and the next one, each app following the other's cursor", async () => {
    const first = (await restBody("/api/listings?limit=5")) as { next_cursor: string };
    expect(first).toEqual(await toolResult("hostaway_list_properties", { limit: 5 }));
    expect(await restBody(`/api/listings?limit=5&cursor=${first.next_cursor}`)).toEqual(
      await toolResult("hostaway_list_properties", { limit: 5, cursor: first.next_cursor }),
    );
  });

  it("a booking search filtered by status, a booking and its guest", async () => {
    const id = sandbox.fixtures.bookings.sharedSurnameA;
    expect(await restBody("/api/bookings?status=cancelled&limit=3")).toEqual(
      await toolResult("hostaway_search_bookings", { status: "cancelled", limit: 3 }),
    );
    expect(await restBody(`/api/bookings/${id}`)).toEqual(
      await toolResult("hostaway_get_booking_details", { booking_id: id }),
    );
    expect(await restBody(`/api/bookings/${id}/guest`)).toEqual(
      await toolResult("hostaway_get_guest_info", { booking_id: id }),
    );
  });

  it("message searches by guest name, by date range and by booking id", async () => {
    const day = new Date(Date.parse(sandbox.data.anchorDate) - 3 * 86_400_000).toISOString().slice(0, 10);
    const searches: Array<[string, Record<string, unknown>]> = [
      ["guest_name=jose", { guest_name: "jose" }],
      [`start_date=${day}&end_date=${day}&limit=40`, { start_date: day, end_date: day, limit: 40 }],
      [
        `booking_id=${sandbox.fixtures.bookings.allChannels}&channels=email,sms`,
        {
          booking_id: sandbox.fixtures.bookings.allChannels,
          channels: ["email", "sms"],
        },
      ],
    ];
    for (const [query, args] of searches) {
      const viaRest = (await restBody(`/api/messages?${query}`)) as { successful_results: unknown[] };
      expect(viaRest.successful_results.length, query).toBeGreaterThan(0);
      expect(viaRest, query).toEqual(await toolResult("hostaway_search_messages", args));
    }
  });
});
