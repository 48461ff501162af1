/**
 * Ground truth from the sandbox's own dataset, to judge what the packages return: how many messages a booking
 * has, which bookings a guest name or a date range should find.
 */
import type { Sandbox } from "./sandbox.ts";

type Data = Sandbox["data"];
type Message = Data["messages"][number];

/** Lower-case, accents removed: how the sandbox and the packages compare names (José matches jose). */
export function foldText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** When a message happened: `date`, else `sentChannelDate`, else `insertedOn` (zone-less UTC). */
export function messageTime(message: Message): Date {
  const raw = message.date ?? message.sentChannelDate ?? message.insertedOn;
  return new Date(`${raw.replace(" ", "T")}Z`);
}

/** Messages a default read returns: sent ones only (scheduled and failed need includeScheduledMessages). */
export function sentMessages(data: Data): Message[] {
  return data.messages.filter((message) => message.status === "sent");
}

export function sentMessageCount(data: Data, bookingId: number): number {
  return sentMessages(data).filter((message) => message.reservationId === bookingId).length;
}

export interface SearchTruth {
  /** Bookings whose guest name matches (or, for a date search, that have a message in the range). */
  matchingBookings: number[];
  /** Of those, the ones with at least one sent message (a message search can only return these). */
  withMessages: number[];
}

export function bookingsByGuestName(data: Data, name: string): SearchTruth {
  const needle = foldText(name);
  const matching = data.reservations
    .filter((reservation) => foldText(reservation.guestName).includes(needle))
    .map((reservation) => reservation.id);
  const withMessages = new Set(sentMessages(data).map((message) => message.reservationId));
  return { matchingBookings: matching, withMessages: matching.filter((id) => withMessages.has(id)) };
}

/** Bookings with a sent message dated within [startDate 00:00, endDate 24:00) UTC. */
export function bookingsWithMessagesBetween(data: Data, startDate: string, endDate: string): SearchTruth {
  const from = Date.parse(`${startDate}T00:00:00Z`);
  const to = Date.parse(`${endDate}T00:00:00Z`) + 86_400_000;
  const ids = new Set<number>();
  for (const message of sentMessages(data)) {
    const at = messageTime(message).getTime();
    if (at >= from && at < to) ids.add(message.reservationId);
  }
  const sorted = [...ids].sort((a, b) => a - b);
  return { matchingBookings: sorted, withMessages: sorted };
}
