import { z } from "zod";
import {
  HostawayDate,
  optionalArray,
  optionalBoolean,
  optionalId,
  optionalNumber,
  optionalString,
} from "./primitives.js";
import { HostawayReservationSchema } from "./reservation.js";

/**
 * One day of a listing's calendar (REFERENCE.md §6.4; examples/calendar.day.object.json). `date` defines the day
 * and is required. `status` is open: `available`, `blocked`, `mblocked`, `hardBlock`, `conflicted`, `reserved`,
 * `pending`, `mreserved` are documented. `reservations` is only filled with `includeResources=1`.
 */
export const HostawayCalendarDaySchema = z.looseObject({
  id: optionalId(),
  date: HostawayDate.refine((value) => value !== null, "expected a YYYY-MM-DD date"),
  isAvailable: optionalBoolean(),
  isProcessed: optionalBoolean(),
  status: optionalString(),
  price: optionalNumber(),
  minimumStay: optionalNumber(),
  maximumStay: optionalNumber(),
  closedOnArrival: optionalBoolean(),
  closedOnDeparture: optionalBoolean(),
  note: optionalString(),
  countAvailableUnits: optionalNumber(),
  availableUnitsToSell: optionalNumber(),
  countPendingUnits: optionalNumber(),
  countBlockedUnits: optionalNumber(),
  desiredUnitsToSell: optionalNumber(),
  reservations: optionalArray(HostawayReservationSchema),
});
export type HostawayCalendarDay = z.infer<typeof HostawayCalendarDaySchema>;
