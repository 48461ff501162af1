import {
  type Booking,
  type BookingDetailsRequest,
  BookingDetailsRequestSchema,
  mapBooking,
} from "@hostaway-mcp/domain-models";
import type { ReservationsResource } from "../resources/reservations.js";
import type { QueryOptions } from "./query-options.js";

/** One booking (Hostaway reservation), without the guest's contact data (see `getGuestInfo`). */
export async function getBooking(
  client: { reservations: Pick<ReservationsResource, "get"> },
  request: BookingDetailsRequest,
  options: Pick<QueryOptions, "signal"> = {},
): Promise<Booking> {
  const input = BookingDetailsRequestSchema.parse(request);
  return mapBooking(await client.reservations.get(input.booking_id, { signal: options.signal }));
}
