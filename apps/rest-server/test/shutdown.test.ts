import { expect, it } from "vitest";
import { API_KEY, startHarness } from "./harness.js";

it("graceful shutdown lets an in-flight request finish and refuses new connections", async () => {
  const h = await startHarness();
  try {
    const id = h.sandbox.fixtures.listingIds[0]!;
    // Warm up on another listing: the token is then held, and the call below makes one upstream request.
    await h.get(`/api/listings/${h.sandbox.fixtures.listingIds[1]}`);
    h.sandbox.setLatency(400);
    h.sandbox.resetStats();
    const inFlight = fetch(`${h.url}/api/listings/${id}`, { headers: { "X-API-Key": API_KEY } });
    // Wait until the request has reached the sandbox, i.e. it is truly in flight inside the app.
    while (h.sandbox.stats().total === 0) await new Promise((resolve) => setTimeout(resolve, 5));

    const closed = h.server.close(5_000);
    await expect(fetch(`${h.url}/health`, { headers: { Connection: "close" } })).rejects.toThrow();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { id: number }).id).toBe(id);
    await closed;
    expect(h.server.server.listening).toBe(false);
  } finally {
    h.sandbox.setLatency(0);
    await h.close();
  }
});

it("a caller hanging up cancels the work and is audited as cancelled", async () => {
  const h = await startHarness();
  try {
    const id = h.sandbox.fixtures.bookings.twoConversations;
    await h.get(`/api/bookings/${id}`); // warm up the token
    h.sandbox.setLatency(300);
    h.sandbox.resetStats();
    const caller = new AbortController();
    const request = fetch(`${h.url}/api/messages/conversation/${id}`, {
      headers: { "X-API-Key": API_KEY },
      signal: caller.signal,
    });
    while (h.sandbox.stats().total === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    caller.abort();
    await expect(request).rejects.toThrow();
    while (h.auditLines.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(h.auditLines).toEqual([expect.objectContaining({ booking_id: id, outcome: "cancelled" })]);
  } finally {
    h.sandbox.setLatency(0);
    await h.close();
  }
});
