import { latestOf } from "../util/dates.js";
import { foldText } from "../util/fold-text.js";
import type {
  SandboxConversation,
  SandboxData,
  SandboxListing,
  SandboxMessage,
  SandboxReservation,
} from "./types.js";

/** Per-reservation facts derived from its messages, used by filters and sort orders. */
export interface ReservationActivity {
  lastMessageSentOn: string | null;
  lastMessageReceivedOn: string | null;
  hasUnreadMessages: boolean;
  foldedGuestName: string;
}

/**
 * Lookups over the dataset, built at start and rebuilt after each live edit (src/live/). Messages per conversation
 * are kept newest first.
 */
export class DatasetIndex {
  readonly listingsById = new Map<number, SandboxListing>();
  readonly reservationsById = new Map<number, SandboxReservation>();
  readonly reservationsByListing = new Map<number, SandboxReservation[]>();
  readonly conversationsById = new Map<number, SandboxConversation>();
  readonly conversationsByReservation = new Map<number, SandboxConversation[]>();
  readonly messagesByConversation = new Map<number, SandboxMessage[]>();
  readonly activity = new Map<number, ReservationActivity>();

  constructor(readonly data: SandboxData) {
    for (const listing of data.listings) this.listingsById.set(listing.id, listing);
    for (const reservation of data.reservations) {
      this.reservationsById.set(reservation.id, reservation);
      const list = this.reservationsByListing.get(reservation.listingMapId) ?? [];
      list.push(reservation);
      this.reservationsByListing.set(reservation.listingMapId, list);
    }
    for (const conversation of data.conversations) {
      this.conversationsById.set(conversation.id, conversation);
      const list = this.conversationsByReservation.get(conversation.reservationId) ?? [];
      list.push(conversation);
      this.conversationsByReservation.set(conversation.reservationId, list);
    }
    for (const message of data.messages) {
      const list = this.messagesByConversation.get(message.conversationId) ?? [];
      list.push(message);
      this.messagesByConversation.set(message.conversationId, list);
    }
    // The sandbox's documented choice (REFERENCE.md §7 leaves it open): newest first, by insertedOn then id.
    for (const list of this.messagesByConversation.values()) list.sort(newestFirst);
    for (const reservation of data.reservations) {
      const conversations = this.conversationsByReservation.get(reservation.id) ?? [];
      this.activity.set(reservation.id, {
        lastMessageSentOn: latestOf(conversations.map((c) => c.messageSentOn)),
        lastMessageReceivedOn: latestOf(conversations.map((c) => c.messageReceivedOn)),
        hasUnreadMessages: conversations.some((c) => c.hasUnreadMessages === 1),
        foldedGuestName: foldText(reservation.guestName),
      });
    }
  }

  /** The newest message a conversation shows in its `conversationMessages` (sent ones only). */
  latestSentMessage(conversationId: number): SandboxMessage | undefined {
    return this.messagesByConversation.get(conversationId)?.find((message) => message.status === "sent");
  }
}

export function newestFirst(a: SandboxMessage, b: SandboxMessage): number {
  if (a.insertedOn !== b.insertedOn) return a.insertedOn < b.insertedOn ? 1 : -1;
  return b.id - a.id;
}
