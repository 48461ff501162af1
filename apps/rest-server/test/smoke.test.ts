import { afterAll, beforeAll, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

it("smoke", async () => {
  for (const path of ["/api/listings?limit=2", `/api/listings/${h.sandbox.fixtures.listingIds[0]}`, `/api/messages/conversation/${h.sandbox.fixtures.bookings.twoConversations}?limit=2`, `/api/batch/properties?property_ids=${h.sandbox.fixtures.listingIds[0]},99999999`, "/api/financial/report?start_date=2026-11-01&end_date=2026-11-30", "/api/bookings?limit=2&status=new"]) {
    const r = await h.get(path);
    console.log(path, r.status, JSON.stringify(r.body).slice(0, 600));
  }
  expect(1).toBe(1);
});
