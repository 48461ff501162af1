import { z } from "zod";
import { HostawayMessageSchema } from "./message.js";
import {
  HostawayId,
  optionalArray,
  optionalBoolean,
  optionalDateTime,
  optionalId,
  optionalString,
  tolerant,
} from "./primitives.js";
import { hostawayReservationFields } from "./reservation.js";

/**
 * The trimmed reservation inside a conversation, under a capital-R `Reservation` key (REFERENCE.md §7, §10.12).
 * `hostawayReservationId` arrives as a string (`"2"`, §10.6) and becomes a number; `id` may be missing, so it is
 * optional here (the conversation's own `reservationId` names the reservation too).
 */
export const HostawayConversationReservationSchema = z.looseObject({
  id: optionalId(),
  ...hostawayReservationFields,
  customerIcalId: optionalString(),
  customerIcalName: optionalString(),
});
export type HostawayConversationReservation = z.infer<typeof HostawayConversationReservationSchema>;

/**
 * A conversation as Hostaway sends it (REFERENCE.md §7; examples/conversations.object.json). `reservationId` is the
 * Hostaway reservation id (§10.7). `type` is open (only `host-guest-email` is documented). `hostEmail`/`guestEmail`
 * look like Hostaway proxy addresses; `recipientEmail` is the guest's real address, so it is contact data.
 */
export const HostawayConversationSchema = z.looseObject({
  id: HostawayId,
  accountId: optionalId(),
  listingMapId: optionalId(),
  reservationId: optionalId(),
  type: optionalString(),
  recipientName: optionalString(),
  recipientEmail: optionalString(),
  recipientPicture: optionalString(),
  hostEmail: optionalString(),
  guestEmail: optionalString(),
  hasUnreadMessages: optionalBoolean(),
  messageSentOn: optionalDateTime(),
  messageReceivedOn: optionalDateTime(),
  conversationMessages: optionalArray(HostawayMessageSchema),
  Reservation: tolerant(HostawayConversationReservationSchema),
});
export type HostawayConversation = z.infer<typeof HostawayConversationSchema>;
