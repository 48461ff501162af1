import { isDeepStrictEqual } from "node:util";
import { type Booking, type HostawayReservation, mapBooking } from "@hostaway-mcp/domain-models";
import { createHostawayClient, type HostawayClient } from "@hostaway-mcp/hostaway-client";
import { type Sandbox, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * A booking batch may be answered from the reservation index (`GET /v1/reservations?limit=100&afterId=…`) instead
 * of one `GET /v1/reservations/{id}` per id only if a list item maps to exactly the same wire `Booking` as the
 * single read of the same id. REFERENCE.md §6.2: the list gates customFieldValues, reservationFees,
 * reservationUnit and hostProxyEmail behind `includeResources=1` and the cancellation-policy fields behind
 * `includeCancellationPolicy=1`; the single read always carries the cancellation-policy fields and hostProxyEmail.
 * So the index is read with both flags, and every reservation of the sandbox is compared. Not `includePayments`:
 * the single read is made without it, and `remainingBalance` (→ `remaining_balance`) would then differ.
 */

const PAGE_SIZE = 100;
const LIST_FLAGS = { includeResources: true, includeCancellationPolicy: true } as const;

let sandbox: Sandbox;
let client: HostawayClient;

beforeAll(async () => {
  sandbox = await startSandbox({ rateLimits: false });
  client = createHostawayClient({
    ...sandbox.credentials,
    baseUrl: sandbox.url,
    tokenActivationDelayMs: 0,
    rateLimit: { ip: 0, account: 0 },
    cache: false,
  });
});

afterAll(async () => {
  client?.close();
  await sandbox?.close();
});

/** The whole reservation index, page by page: the next page starts after the last id of the previous one. */
async function walkIndex(): Promise<HostawayReservation[]> {
  const all: HostawayReservation[] = [];
  let afterId: number | undefined;
  for (;;) {
    const page = await client.reservations.list({ limit: PAGE_SIZE, afterId, ...LIST_FLAGS });
    all.push(...page.items);
    const last = page.items.at(-1);
    if (!last || page.items.length < PAGE_SIZE) return all;
    afterId = last.id;
  }
}

async function readEach(ids: readonly number[]): Promise<Map<number, HostawayReservation>> {
  const byId = new Map<number, HostawayReservation>();
  for (let start = 0; start < ids.length; start += 20) {
    const chunk = ids.slice(start, start + 20);
    const reads = await Promise.all(chunk.map((id) => client.reservations.get(id)));
    for (const reservation of reads) byId.set(reservation.id, reservation);
  }
  return byId;
}

describe("the reservation index against single reads (sandbox)", () => {
  it("maps every listed reservation to the same Booking as its single read", async () => {
    const listed = await walkIndex();
    const ids = listed.map((reservation) => reservation.id);
    expect(ids).toHaveLength(sandbox.data.reservations.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(sandbox.fixtures.bookingIds);

    const single = await readEach(ids);
    const mismatches: { id: number; fromList: Booking; fromGet: Booking }[] = [];
    for (const item of listed) {
      const fromList = mapBooking(item);
      const fromGet = mapBooking(single.get(item.id) as HostawayReservation);
      if (!isDeepStrictEqual(fromList, fromGet)) mismatches.push({ id: item.id, fromList, fromGet });
    }
    expect(mismatches).toEqual([]);
  });
});
