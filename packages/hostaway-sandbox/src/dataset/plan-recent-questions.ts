import { DAY_MS, HOUR_MS, MINUTE_MS, parseHostawayTime, startOfDay } from "../util/dates.js";
import type { Random } from "../util/prng.js";
import type { PlannedConversation } from "./conversation-plan.js";
import type { BookingConversations } from "./materialize-conversations.js";
import { plannedExchange, type ThreadVoice } from "./plan-exchange.js";
import { placeholders } from "./plan-regular-conversation.js";

/**
 * Issue 12: "the sandbox's account is large enough to show the difference (at least 300 reservations, 100
 * bookings with messages in the last 7 days — as today)". A chance per booking gave anywhere from 95 to 125
 * depending on the anchor; topping up to exactly this count keeps "the last 7 days" the same size for any "now".
 */
export const RECENT_BOOKINGS_TARGET = 100;

/** "The last 7 days" as a search asks for it: from midnight UTC seven days before the anchor, up to the anchor. */
export function recentWindowStart(anchorMs: number): number {
  return startOfDay(anchorMs) - 7 * DAY_MS;
}

function hasRecentMessage(conversations: readonly PlannedConversation[], anchorMs: number): boolean {
  const fromMs = recentWindowStart(anchorMs);
  return conversations.some((conversation) =>
    conversation.messages.some(
      (message) => message.status === "sent" && message.atMs >= fromMs && message.atMs <= anchorMs,
    ),
  );
}

/**
 * Gives upcoming bookings of `regular` (ordinary threads, no fixtures) a guest question and the host's reply in
 * the week before the anchor, in a seeded random order, until `RECENT_BOOKINGS_TARGET` of all `bookings` have a
 * sent message in the last 7 days. Bookings arriving within two days, booked too recently, cancelled or still
 * enquiries are left as they are.
 */
export function topUpRecentQuestions(
  random: Random,
  bookings: readonly BookingConversations[],
  regular: readonly BookingConversations[],
  anchorMs: number,
): void {
  const alreadyRecent = new Set(
    bookings.filter((booking) => hasRecentMessage(booking.conversations, anchorMs)),
  );
  let recent = alreadyRecent.size;
  const candidates = regular.filter((booking) => {
    const { reservation } = booking;
    const { status } = reservation;
    const staying =
      !status.startsWith("inquiry") && !["declined", "expired", "cancelled", "ownerStay"].includes(status);
    return (
      staying &&
      parseHostawayTime(reservation.arrivalDate) - 2 * DAY_MS > anchorMs &&
      parseHostawayTime(reservation.reservationDate) + HOUR_MS < anchorMs - 20 * MINUTE_MS &&
      !alreadyRecent.has(booking)
    );
  });
  while (recent < RECENT_BOOKINGS_TARGET && candidates.length > 0) {
    const [booking] = candidates.splice(random.int(0, candidates.length - 1), 1);
    const conversation = booking?.conversations[0];
    if (!booking || !conversation) continue;
    addRecentExchange(random, booking, conversation, anchorMs);
    recent += 1;
  }
}

function addRecentExchange(
  random: Random,
  booking: BookingConversations,
  conversation: PlannedConversation,
  anchorMs: number,
): void {
  const { reservation } = booking;
  const values = placeholders({ ...booking, anchorMs });
  const locale = typeof reservation.guestLocale === "string" ? reservation.guestLocale : null;
  const communicationType =
    conversation.messages.find((message) => message.incoming)?.communicationType ??
    (conversation.type === "host-guest-channel" ? "channel" : "email");
  const fromMs = Math.max(parseHostawayTime(reservation.reservationDate) + HOUR_MS, anchorMs - 7 * DAY_MS);
  const askedMs = fromMs + Math.floor(random.next() * (anchorMs - 20 * MINUTE_MS - fromMs));
  const voice: ThreadVoice = { anchorMs, values, locale, localise: random.chance(0.5), communicationType };
  conversation.messages.push(...plannedExchange(random, voice, "recentQuestion", "recentReply", askedMs));
}
