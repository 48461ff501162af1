import type { HostawayConversation, HostawayConversationReservation } from "../hostaway/conversation.js";
import type { HostawayMessage } from "../hostaway/message.js";
import type { HostawayReservation } from "../hostaway/reservation.js";
import type { ReplyChannel } from "../requests/guest-reply.js";
import type { DeliveryStatus, MessageChannel, SenderType } from "../wire/enums.js";
import type { Message, MessageAttachment } from "../wire/message.js";
import { guestName } from "./map-booking.js";
import { positiveIdOrNull, textOrNull } from "./values.js";

/**
 * What a message alone does not say: which OTA a `channel` message went through and who the guest is (a message has
 * no sender name, REFERENCE.md §7). Give the reservation or the conversation (or both), or the values directly;
 * direct values win.
 */
export interface MessageMappingContext {
  reservation?: HostawayReservation | HostawayConversationReservation | null;
  conversation?: HostawayConversation | null;
  /** Hostaway channel name of the booking (e.g. `airbnbOfficial`); names the platform of `channel` messages. */
  channelName?: string | null;
  /** Hostaway channel id of the booking; used when no channel name is known. */
  channelId?: number | null;
  /** The guest's display name; becomes `sender_name` of incoming messages. */
  guestName?: string | null;
  bookingId?: number | null;
  listingId?: number | null;
  conversationId?: number | null;
}

/** Hostaway channel names (REFERENCE.md §8.2, plus the examples' `airbnb`) → the platform an agent knows. */
const PLATFORM_BY_CHANNEL_NAME: Record<string, string> = {
  airbnb: "airbnb",
  airbnbofficial: "airbnb",
  bookingcom: "bookingcom",
  homeaway: "vrbo",
  homeawayapi: "vrbo",
  homeawayical: "vrbo",
  vrbo: "vrbo",
  vrboical: "vrbo",
  expedia: "expedia",
  marriott: "marriott",
  google: "google",
  tripadvisorical: "tripadvisor",
};

/** Channel ids of the same platforms, for when only the id is known (2001 is the examples' Airbnb id). */
const PLATFORM_BY_CHANNEL_ID: Record<number, string> = {
  2001: "airbnb",
  2018: "airbnb",
  2005: "bookingcom",
  2002: "vrbo",
  2009: "vrbo",
  2010: "vrbo",
  2007: "expedia",
  2019: "marriott",
  2022: "google",
  2016: "tripadvisor",
};

/** The booking platform named by a Hostaway channel name or id, or `null` when it is not a known OTA. */
export function platformFromChannel(channelName?: string | null, channelId?: number | null): string | null {
  const byName = channelName ? PLATFORM_BY_CHANNEL_NAME[channelName.trim().toLowerCase()] : undefined;
  if (byName !== undefined) return byName;
  return channelId !== undefined && channelId !== null ? (PLATFORM_BY_CHANNEL_ID[channelId] ?? null) : null;
}

/**
 * Our channel for Hostaway's `communicationType` (REFERENCE.md §7): email, sms and whatsapp map to themselves,
 * `channel` (the OTA's own inbox) to `platform`. `in_app` is not documented but is accepted if Hostaway ever sends
 * it; anything else, or nothing, is `other`.
 */
export function mapMessageChannel(communicationType: string | null | undefined): MessageChannel {
  switch (communicationType?.trim().toLowerCase()) {
    case "email":
      return "email";
    case "sms":
      return "sms";
    case "whatsapp":
      return "whatsapp";
    case "channel":
      return "platform";
    case "in_app":
    case "inapp":
      return "in_app";
    default:
      return "other";
  }
}

/**
 * Hostaway's `communicationType` for sending on one of our channels (REFERENCE.md §7 "Sending": `email`, `channel`,
 * `sms`, `whatsapp`): the inverse of `mapMessageChannel` for the channels a message can be sent on.
 */
export function communicationTypeOf(channel: ReplyChannel): "email" | "channel" | "sms" | "whatsapp" {
  return channel === "platform" ? "channel" : channel;
}

/** Incoming → guest; outgoing with a `communicationId` (an automation) → system; other outgoing → property_manager. */
export function mapSenderType(message: Pick<HostawayMessage, "isIncoming" | "communicationId">): SenderType {
  if (message.isIncoming === true) return "guest";
  if (message.communicationId !== undefined && message.communicationId !== null) return "system";
  return "property_manager";
}

/**
 * Delivery status from Hostaway's `status` (`awaiting`, `paused`, `failed`, `cancelled_by_user`,
 * `cancelled_by_system`, `sent`; REFERENCE.md §7) and `isSeen`: a sent (or status-less) message is `read` when
 * seen, else `delivered` when incoming, else `sent`.
 */
export function mapDeliveryStatus(
  message: Pick<HostawayMessage, "status" | "isSeen" | "isIncoming">,
): DeliveryStatus {
  const status = message.status?.trim().toLowerCase();
  if (status === "failed") return "failed";
  if (status === "awaiting" || status === "paused") return "scheduled";
  if (status === "cancelled_by_user" || status === "cancelled_by_system") return "cancelled";
  if (message.isSeen === true) return "read";
  return message.isIncoming === true ? "delivered" : "sent";
}

/**
 * Hostaway's datetimes are already ISO `…Z` after parsing. The message time is its `date` (scheduled/sent date),
 * else `sentChannelDate`, else `insertedOn`; `null` when none is known.
 */
export function messageTimestamp(
  message: Pick<HostawayMessage, "date" | "sentChannelDate" | "insertedOn">,
): string | null {
  return message.date ?? message.sentChannelDate ?? message.insertedOn ?? null;
}

function mapAttachment(attachment: NonNullable<HostawayMessage["attachments"]>[number]): MessageAttachment {
  const mimeType = textOrNull(attachment.mimeType);
  // The docs' example has `isImage: null` for an image/jpeg; the MIME type answers the question then.
  const isImage =
    attachment.isImage ?? (mimeType === null ? null : mimeType.toLowerCase().startsWith("image/"));
  return {
    name: textOrNull(attachment.name),
    url: textOrNull(attachment.url),
    mime_type: mimeType,
    is_image: isImage,
  };
}

/** One Hostaway message as a wire `Message`. */
export function mapMessage(message: HostawayMessage, context: MessageMappingContext = {}): Message {
  const reservation = context.reservation ?? context.conversation?.Reservation ?? null;
  const channel = mapMessageChannel(message.communicationType);
  const channelName = context.channelName ?? reservation?.channelName ?? null;
  const channelId = context.channelId ?? reservation?.channelId ?? null;
  const senderType = mapSenderType(message);
  const guest =
    textOrNull(context.guestName) ??
    (reservation ? guestName(reservation) : null) ??
    textOrNull(context.conversation?.recipientName);
  return {
    id: message.id,
    conversation_id: positiveIdOrNull(
      message.conversationId ?? context.conversationId ?? context.conversation?.id,
    ),
    booking_id: positiveIdOrNull(
      message.reservationId ??
        context.bookingId ??
        context.conversation?.reservationId ??
        reservationIdOf(reservation),
    ),
    listing_id: positiveIdOrNull(message.listingMapId ?? context.listingId ?? reservation?.listingMapId),
    channel,
    platform: channel === "platform" ? platformFromChannel(channelName, channelId) : null,
    sender_type: senderType,
    sender_name: senderType === "guest" ? guest : null,
    content: message.body ?? "",
    timestamp: messageTimestamp(message),
    delivery_status: mapDeliveryStatus(message),
    is_seen: message.isSeen === true,
    attachments: (message.attachments ?? []).map(mapAttachment),
  };
}

function reservationIdOf(
  reservation: HostawayReservation | HostawayConversationReservation | null,
): number | null | undefined {
  if (reservation === null) return null;
  return reservation.id ?? reservation.hostawayReservationId;
}
