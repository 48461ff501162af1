import { formatDateTime, latestOf } from "../util/dates.js";
import type { Random } from "../util/prng.js";
import { CHANNELS } from "./channels.js";
import type { PlannedConversation, PlannedMessage } from "./conversation-plan.js";
import type { SandboxConversation, SandboxListing, SandboxMessage, SandboxReservation } from "./types.js";

export const FIRST_CONVERSATION_ID = 5_300_001;
export const FIRST_MESSAGE_ID = 91_000_001;
const FIRST_COMMUNICATION_ID = 700_001;
const FIRST_ATTACHMENT_ID = 60_001;
/** Guest messages newer than this before the anchor may still be unread. */
const UNREAD_HORIZON_MS = 3 * 24 * 60 * 60 * 1000;

export interface BookingConversations {
  reservation: SandboxReservation;
  listing: SandboxListing;
  conversations: PlannedConversation[];
}

interface MessageDraft {
  plan: PlannedMessage;
  insertedMs: number;
  conversation: ConversationDraft;
  seen: boolean;
}

interface ConversationDraft {
  booking: BookingConversations;
  plan: PlannedConversation;
  firstMs: number;
  id: number;
  messages: MessageDraft[];
}

const isAirbnb = (channelId: number): boolean =>
  channelId === CHANNELS.airbnbOfficial.id || channelId === CHANNELS.airbnbLegacy.id;

/** Turns planned threads into Hostaway-shaped conversations and messages with ids that grow with time. */
export function materializeConversations(
  random: Random,
  accountId: number,
  anchorMs: number,
  bookings: readonly BookingConversations[],
): { conversations: SandboxConversation[]; messages: SandboxMessage[] } {
  const conversationDrafts: ConversationDraft[] = [];
  const messageDrafts: MessageDraft[] = [];
  for (const booking of bookings) {
    for (const plan of booking.conversations) {
      const ordered = [...plan.messages].sort((a, b) => (a.insertedMs ?? a.atMs) - (b.insertedMs ?? b.atMs));
      const draft: ConversationDraft = {
        booking,
        plan,
        firstMs: ordered[0]
          ? (ordered[0].insertedMs ?? ordered[0].atMs)
          : Date.parse(`${booking.reservation.reservationDate.replace(" ", "T")}Z`),
        id: 0,
        messages: [],
      };
      const lastOutgoingMs = Math.max(
        -Infinity,
        ...ordered.filter((m) => !m.incoming && m.status === "sent").map((m) => m.atMs),
      );
      const lastIncomingMs = Math.max(-Infinity, ...ordered.filter((m) => m.incoming).map((m) => m.atMs));
      for (const plan of ordered) {
        const insertedMs = plan.insertedMs ?? plan.atMs + random.int(0, 2) * 1000;
        // A guest message is unread when nobody answered it and it is recent; the host's messages are seen
        // once the guest wrote back.
        const seen =
          plan.seen ??
          (plan.incoming
            ? plan.atMs < lastOutgoingMs || plan.atMs < anchorMs - UNREAD_HORIZON_MS || random.chance(0.3)
            : plan.atMs < lastIncomingMs || random.chance(0.5));
        const message: MessageDraft = { plan, insertedMs, conversation: draft, seen };
        draft.messages.push(message);
        messageDrafts.push(message);
      }
      conversationDrafts.push(draft);
    }
  }

  conversationDrafts.sort(
    (a, b) => a.firstMs - b.firstMs || a.booking.reservation.id - b.booking.reservation.id,
  );
  let nextConversationId = FIRST_CONVERSATION_ID;
  for (const draft of conversationDrafts) {
    draft.id = nextConversationId;
    nextConversationId += random.int(1, 5);
  }

  messageDrafts.sort((a, b) => a.insertedMs - b.insertedMs || a.conversation.id - b.conversation.id);
  let nextMessageId = FIRST_MESSAGE_ID;
  let nextCommunicationId = FIRST_COMMUNICATION_ID;
  let nextAttachmentId = FIRST_ATTACHMENT_ID;
  const messages: SandboxMessage[] = messageDrafts.map((draft) => {
    const id = nextMessageId;
    nextMessageId += random.int(1, 3);
    const { plan } = draft;
    const { reservation, listing } = draft.conversation.booking;
    const sent = plan.status === "sent";
    // A few messages come without `date` (and rarely without `sentChannelDate`), as older Hostaway data does.
    const withoutDate = plan.withoutDate ?? (sent && random.chance(0.03));
    const channelDelivered = sent && !plan.incoming && !plan.withoutSentChannelDate;
    const insertedOn = formatDateTime(draft.insertedMs);
    const automation = plan.automation;
    return {
      id,
      accountId,
      listingMapId: listing.id,
      reservationId: reservation.id,
      conversationId: draft.conversation.id,
      communicationId: automation ? nextCommunicationId++ : null,
      airbnbThreadMessageId:
        plan.communicationType === "channel" && isAirbnb(reservation.channelId)
          ? String(random.int(1_000_000_000, 9_999_999_999))
          : null,
      body: plan.body,
      communicationType: plan.communicationType,
      status: plan.status,
      isIncoming: plan.incoming ? 1 : 0,
      isSeen: draft.seen ? 1 : 0,
      sentUsingHostaway: plan.incoming ? 0 : 1,
      hash: random.hex(32),
      listingTimeZoneName: listing.timeZoneName,
      communicationEvent: automation?.event ?? null,
      communicationTimeDelta: automation?.timeDelta ?? null,
      communicationApplyListingTimeZone: automation ? 1 : null,
      communicationAlwaysTrigger: automation ? 0 : null,
      date: withoutDate ? null : formatDateTime(plan.atMs),
      sentChannelDate: channelDelivered ? formatDateTime(plan.atMs + random.int(1, 40) * 1000) : null,
      attachments: plan.attachment
        ? [
            {
              id: nextAttachmentId++,
              accountId,
              listingMapId: null,
              reservationId: reservation.id,
              taskId: null,
              name: plan.attachment.name,
              url: `https://files.sandbox.hostaway.example/${accountId}/${reservation.id}/${plan.attachment.name}`,
              isPublic: 0,
              communicationId: null,
              conversationMessageId: id,
              extension: plan.attachment.extension,
              mimeType: plan.attachment.mimeType,
              isImage: plan.attachment.isImage ? 1 : 0,
            },
          ]
        : [],
      insertedOn,
      updatedOn: sent
        ? insertedOn
        : formatDateTime(Math.max(draft.insertedMs, Math.min(plan.atMs, anchorMs))),
    };
  });

  const byConversation = new Map<number, SandboxMessage[]>();
  for (const message of messages) {
    const list = byConversation.get(message.conversationId) ?? [];
    list.push(message);
    byConversation.set(message.conversationId, list);
  }

  const conversations: SandboxConversation[] = conversationDrafts.map((draft) => {
    const { reservation, listing } = draft.booking;
    const sentMessages = (byConversation.get(draft.id) ?? []).filter((m) => m.status === "sent");
    const newest = (incoming: 0 | 1): string | null =>
      latestOf(sentMessages.filter((m) => m.isIncoming === incoming).map(messageTime));
    return {
      id: draft.id,
      accountId,
      listingMapId: listing.id,
      reservationId: reservation.id,
      type: draft.plan.type,
      recipientEmail: reservation.guestEmail,
      recipientName: reservation.guestName,
      recipientPicture: null,
      hostEmail: `c-${random.hex(32)}@host.sandbox.hostaway.example`,
      guestEmail: `c-${random.hex(32)}@guest.sandbox.hostaway.example`,
      hasUnreadMessages: sentMessages.some((m) => m.isIncoming === 1 && m.isSeen === 0) ? 1 : 0,
      messageSentOn: newest(0),
      messageReceivedOn: newest(1),
    };
  });
  conversations.sort((a, b) => a.id - b.id);
  return { conversations, messages };
}

/** The time a reader should show for a message: `date`, else `sentChannelDate`, else `insertedOn`. */
export function messageTime(message: SandboxMessage): string {
  return message.date ?? message.sentChannelDate ?? message.insertedOn;
}
