import { z } from "zod";
import {
  HostawayId,
  optionalArray,
  optionalBoolean,
  optionalDateTime,
  optionalId,
  optionalString,
} from "./primitives.js";

/** A message attachment (REFERENCE.md §7, added to the docs 2026-06-10). Private URLs expire after 7 days. */
export const HostawayAttachmentSchema = z.looseObject({
  id: optionalId(),
  name: optionalString(),
  url: optionalString(),
  extension: optionalString(),
  mimeType: optionalString(),
  isImage: optionalBoolean(),
  isPublic: optionalBoolean(),
});
export type HostawayAttachment = z.infer<typeof HostawayAttachmentSchema>;

/**
 * A conversation message as Hostaway sends it (REFERENCE.md §7; examples/conversations.message.object.json).
 * Also parses the trimmed copy embedded in a conversation's `conversationMessages`, which lacks
 * `communicationType`, `status`, `date` and `attachments` and names the thread id `channelThreadMessageId`
 * (REFERENCE.md §10.12). `communicationType` and `status` are open strings. Only `id` is required.
 */
export const HostawayMessageSchema = z.looseObject({
  id: HostawayId,
  accountId: optionalId(),
  listingMapId: optionalId(),
  reservationId: optionalId(),
  conversationId: optionalId(),
  communicationId: optionalId(),
  airbnbThreadMessageId: optionalString(),
  channelThreadMessageId: optionalString(),
  body: optionalString(),
  communicationType: optionalString(),
  status: optionalString(),
  isIncoming: optionalBoolean(),
  isSeen: optionalBoolean(),
  sentUsingHostaway: optionalBoolean(),
  hash: optionalString(),
  listingTimeZoneName: optionalString(),
  date: optionalDateTime(),
  sentChannelDate: optionalDateTime(),
  insertedOn: optionalDateTime(),
  updatedOn: optionalDateTime(),
  attachments: optionalArray(HostawayAttachmentSchema),
});
export type HostawayMessage = z.infer<typeof HostawayMessageSchema>;
