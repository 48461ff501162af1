import {
  type GuestInfo,
  type GuestInfoRequest,
  GuestInfoRequestSchema,
  mapGuestInfo,
} from "@hostaway-mcp/domain-models";
import type { ReservationsResource } from "../resources/reservations.js";
import type { QueryOptions } from "./query-options.js";

/**
 * The guest behind one booking, contact data included: the one answer guest email and phone belong in. Callers
 * audit each call (both apps write an audit line).
 */
export async function getGuestInfo(
  client: { reservations: Pick<ReservationsResource, "get"> },
  request: GuestInfoRequest,
  options: Pick<QueryOptions, "signal"> = {},
): Promise<GuestInfo> {
  const input = GuestInfoRequestSchema.parse(request);
  return mapGuestInfo(await client.reservations.get(input.booking_id, { signal: options.signal }));
}
