import { BLOCKING_STATUSES } from "../dataset/channels.js";
import type { DatasetIndex } from "../dataset/dataset-index.js";
import type { SandboxListing, SandboxReservation } from "../dataset/types.js";
import { DAY_MS, formatDate, parseHostawayTime } from "../util/dates.js";

export type DayStatus = "available" | "reserved" | "pending" | "blocked";

/** Statuses that hold a day without confirming it (a request waiting for the host). */
const PENDING_STATUSES: ReadonlySet<string> = new Set(["pending", "unconfirmed", "inquiryPreapproved"]);

/** The booking that occupies a night (arrival ≤ night < departure) and how it marks the day. */
export function occupant(
  index: DatasetIndex,
  listingId: number,
  date: string,
): { reservation: SandboxReservation; status: DayStatus } | undefined {
  for (const reservation of index.reservationsByListing.get(listingId) ?? []) {
    if (reservation.arrivalDate <= date && date < reservation.departureDate) {
      if (BLOCKING_STATUSES.has(reservation.status)) return { reservation, status: "reserved" };
      if (PENDING_STATUSES.has(reservation.status)) return { reservation, status: "pending" };
    }
  }
  return undefined;
}

/** A deterministic sprinkle of owner-blocked days (maintenance, personal use) on free nights. */
function manuallyBlocked(listingId: number, dayNumber: number): boolean {
  return (listingId * 31 + dayNumber * 17) % 43 === 0 || (listingId + dayNumber) % 97 === 0;
}

export function dayStatus(index: DatasetIndex, listing: SandboxListing, date: string): DayStatus {
  const taken = occupant(index, listing.id, date);
  if (taken) return taken.status;
  if (listing.specialStatus === "archived") return "blocked";
  return manuallyBlocked(listing.id, Math.floor(parseHostawayTime(date) / DAY_MS)) ? "blocked" : "available";
}

/** Nightly rate: the listing price, more on Friday and Saturday nights, more in summer and at Christmas. */
export function nightlyPrice(listing: SandboxListing, date: string): number {
  const when = new Date(parseHostawayTime(date));
  const weekday = when.getUTCDay();
  const month = when.getUTCMonth();
  const weekend = weekday === 5 || weekday === 6 ? 1.2 : 1;
  const season = month >= 5 && month <= 7 ? 1.25 : month === 11 ? 1.15 : 1;
  const price = listing.price * weekend * season;
  return listing.currencyCode === "JPY" ? Math.round(price) : Math.round(price * 100) / 100;
}

/** One calendar day object (examples/calendar.day.object.json). */
export function calendarDay(
  index: DatasetIndex,
  listing: SandboxListing,
  date: string,
  includeResources: boolean,
) {
  const dayNumber = Math.floor(parseHostawayTime(date) / DAY_MS);
  const status = dayStatus(index, listing, date);
  const taken = occupant(index, listing.id, date);
  return {
    id: (listing.id % 100_000) * 100_000 + (dayNumber % 100_000),
    date,
    isAvailable: status === "available" ? 1 : 0,
    isProcessed: 1,
    status,
    price: nightlyPrice(listing, date),
    minimumStay: listing.minNights,
    maximumStay: listing.maxNights,
    closedOnArrival: null,
    closedOnDeparture: null,
    note: status === "blocked" && !taken ? "Blocked by owner" : null,
    countAvailableUnits: null,
    availableUnitsToSell: null,
    countPendingUnits: null,
    countBlockingReservations: null,
    countBlockedUnits: null,
    desiredUnitsToSell: null,
    // REFERENCE.md §3: the trimmed reservations come only with includeResources=1.
    reservations: includeResources && taken ? [trimmedReservation(taken.reservation)] : [],
  };
}

function trimmedReservation(r: SandboxReservation) {
  return {
    id: r.id,
    listingMapId: r.listingMapId,
    channelId: r.channelId,
    channelName: r.channelName,
    reservationId: r.reservationId,
    reservationDate: r.reservationDate,
    guestName: r.guestName,
    guestFirstName: r.guestFirstName,
    guestLastName: r.guestLastName,
    numberOfGuests: r.numberOfGuests,
    arrivalDate: r.arrivalDate,
    departureDate: r.departureDate,
    nights: r.nights,
    totalPrice: r.totalPrice,
    currency: r.currency,
    status: r.status,
  };
}

/** Dates from `start` to `end`, both included. */
export function datesBetween(start: string, end: string): string[] {
  const dates: string[] = [];
  for (let ms = parseHostawayTime(start); ms <= parseHostawayTime(end); ms += DAY_MS)
    dates.push(formatDate(ms));
  return dates;
}
