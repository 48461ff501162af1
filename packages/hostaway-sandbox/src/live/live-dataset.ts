import { createHash } from "node:crypto";
import { UNKNOWN_CONVERSATION_ID, UNKNOWN_MESSAGE_ID } from "../dataset/build-dataset.js";
import { CHANNELS } from "../dataset/channels.js";
import { DatasetIndex } from "../dataset/dataset-index.js";
import type {
  CommunicationType,
  SandboxConversation,
  SandboxData,
  SandboxListing,
  SandboxMessage,
  SandboxReservation,
} from "../dataset/types.js";
import { fullReservation } from "../routes/render.js";
import {
  DAY_MS,
  formatDateTime,
  isValidDate,
  latestOf,
  parseDateTimeInput,
  parseHostawayTime,
} from "../util/dates.js";

export const COMMUNICATION_TYPES: readonly CommunicationType[] = ["email", "channel", "sms", "whatsapp"];

/** A message to add while the sandbox serves (`sandbox.addMessage`). */
export interface AddMessageInput {
  /** The conversation; or give `reservationId` alone for the booking's first conversation. */
  conversationId?: number;
  reservationId?: number;
  body: string;
  /** From the guest (default) or from the host. */
  isIncoming?: boolean;
  /** Default: the type most of the conversation's messages use. */
  communicationType?: CommunicationType;
  /** `YYYY-MM-DD HH:MM:SS` (UTC) or ISO-8601. Default: the sandbox clock (`options.now`). */
  date?: string;
}

/** A shallow patch of Hostaway reservation fields (`sandbox.updateReservation`). */
export type ReservationPatch = Partial<SandboxReservation>;

/** What an edit tells the webhook sender. */
export type LiveEvent =
  | { event: "message.received"; message: SandboxMessage }
  | { event: "reservation.updated"; reservation: SandboxReservation };

const snapshot = <T>(value: T): T => structuredClone(value);

/**
 * The dataset while the sandbox serves: edits change the records in place (so `sandbox.data` shows them), then
 * rebuild the index the routes read (about 2 500 messages: a rebuild takes a few milliseconds).
 */
export class LiveDataset {
  index: DatasetIndex;
  private nextMessageId: number;
  private nextConversationId: number;

  constructor(
    readonly data: SandboxData,
    private readonly now: () => number,
    private readonly emit: (event: LiveEvent) => void,
  ) {
    this.index = new DatasetIndex(data);
    this.nextMessageId = Math.max(0, ...data.messages.map((m) => m.id)) + 1;
    this.nextConversationId = Math.max(0, ...data.conversations.map((c) => c.id)) + 1;
  }

  /**
   * Records a message as Hostaway would on receiving (or sending) it, updates the conversation and the booking,
   * and fires `message.received`. Returns the message as `GET …/messages/{id}` renders it.
   */
  addMessage(input: AddMessageInput): SandboxMessage {
    if (input === null || typeof input !== "object")
      throw new TypeError("addMessage takes { conversationId | reservationId, body, … }");
    if (typeof input.body !== "string" || input.body === "")
      throw new TypeError(`addMessage: "body" must be a non-empty string, got ${JSON.stringify(input.body)}`);
    if (input.isIncoming !== undefined && typeof input.isIncoming !== "boolean")
      throw new TypeError(
        `addMessage: "isIncoming" must be a boolean, got ${JSON.stringify(input.isIncoming)}`,
      );
    if (input.communicationType !== undefined && !COMMUNICATION_TYPES.includes(input.communicationType)) {
      throw new TypeError(
        `addMessage: "communicationType" must be one of ${COMMUNICATION_TYPES.join(", ")}, got ${JSON.stringify(input.communicationType)}`,
      );
    }
    const atMs = input.date === undefined ? this.now() : parseDateTimeInput(String(input.date));
    if (atMs === undefined) {
      throw new TypeError(
        `addMessage: "date" must be YYYY-MM-DD HH:MM:SS (UTC) or ISO-8601, got ${JSON.stringify(input.date)}`,
      );
    }
    const conversation = this.conversationFor(input);
    const reservation = this.index.reservationsById.get(conversation.reservationId) as SandboxReservation;
    const listing = this.index.listingsById.get(conversation.listingMapId) as SandboxListing;
    const incoming = input.isIncoming ?? true;
    const communicationType = input.communicationType ?? this.usualType(conversation);
    const time = formatDateTime(atMs);
    const id = this.allocateMessageId();
    const isAirbnb =
      reservation.channelId === CHANNELS.airbnbOfficial.id ||
      reservation.channelId === CHANNELS.airbnbLegacy.id;

    const message: SandboxMessage = {
      id,
      accountId: this.data.accountId,
      listingMapId: conversation.listingMapId,
      reservationId: reservation.id,
      conversationId: conversation.id,
      communicationId: null,
      airbnbThreadMessageId: communicationType === "channel" && isAirbnb ? String(4_000_000_000 + id) : null,
      body: input.body,
      communicationType,
      status: "sent",
      isIncoming: incoming ? 1 : 0,
      isSeen: 0,
      sentUsingHostaway: incoming ? 0 : 1,
      hash: createHash("md5").update(`${id}\n${input.body}`).digest("hex"),
      listingTimeZoneName: listing.timeZoneName,
      communicationEvent: null,
      communicationTimeDelta: null,
      communicationApplyListingTimeZone: null,
      communicationAlwaysTrigger: null,
      date: time,
      // The dataset gives outgoing messages a channel delivery time; the sandbox delivers at once.
      sentChannelDate: incoming ? null : time,
      attachments: [],
      insertedOn: time,
      updatedOn: time,
    };
    this.data.messages.push(message);

    // What the conversation and the booking show: the newest message times (an older `date` changes nothing).
    if (incoming) {
      conversation.messageReceivedOn = latestOf([conversation.messageReceivedOn, time]);
      conversation.hasUnreadMessages = 1;
    } else {
      conversation.messageSentOn = latestOf([conversation.messageSentOn, time]);
    }
    reservation.latestActivityOn = latestOf([reservation.latestActivityOn, time]) as string;
    this.refresh();
    this.emit({ event: "message.received", message: snapshot(message) });
    return snapshot(message);
  }

  /**
   * Applies a shallow patch to a reservation, bumps `updatedOn` and `latestActivityOn` to now (unless the patch
   * sets them) and fires `reservation.updated`. Returns the reservation as `GET /v1/reservations/{id}` renders it.
   */
  updateReservation(id: number, patch: ReservationPatch): SandboxReservation {
    const reservation = this.index.reservationsById.get(id);
    if (!reservation) throw new TypeError(`updateReservation: reservation ${id} does not exist`);
    if (patch === null || typeof patch !== "object" || Array.isArray(patch))
      throw new TypeError(
        `updateReservation: the patch must be an object of reservation fields, got ${JSON.stringify(patch)}`,
      );
    if (patch.id !== undefined && patch.id !== id)
      throw new TypeError(`updateReservation: "id" cannot change (${id} → ${JSON.stringify(patch.id)})`);
    if (patch.listingMapId !== undefined && !this.index.listingsById.has(patch.listingMapId))
      throw new TypeError(`updateReservation: listing ${JSON.stringify(patch.listingMapId)} does not exist`);
    for (const field of ["arrivalDate", "departureDate"] as const) {
      const value = patch[field];
      if (value !== undefined && (typeof value !== "string" || !isValidDate(value)))
        throw new TypeError(
          `updateReservation: "${field}" must be a date as YYYY-MM-DD, got ${JSON.stringify(value)}`,
        );
    }
    const arrivalDate = patch.arrivalDate ?? reservation.arrivalDate;
    const departureDate = patch.departureDate ?? reservation.departureDate;
    if (departureDate < arrivalDate)
      throw new TypeError(
        `updateReservation: "departureDate" ${departureDate} is before "arrivalDate" ${arrivalDate}`,
      );

    const time = formatDateTime(this.now());
    const changedDates = patch.arrivalDate !== undefined || patch.departureDate !== undefined;
    Object.assign(reservation, {
      // Bumped as Hostaway does on every modification; never backwards when the clock is behind the dataset.
      updatedOn: latestOf([reservation.updatedOn, time]),
      latestActivityOn: latestOf([reservation.latestActivityOn, time]),
      ...(changedDates
        ? { nights: Math.round((parseHostawayTime(departureDate) - parseHostawayTime(arrivalDate)) / DAY_MS) }
        : {}),
      ...patch,
    });
    // The copies the conversations carry of the booking follow it.
    for (const conversation of this.index.conversationsByReservation.get(id) ?? []) {
      conversation.listingMapId = reservation.listingMapId;
      conversation.recipientName = reservation.guestName;
      conversation.recipientEmail = reservation.guestEmail;
      for (const message of this.index.messagesByConversation.get(conversation.id) ?? [])
        message.listingMapId = reservation.listingMapId;
    }
    this.refresh();
    const rendered = fullReservation(reservation, { includeResources: false, includePayments: false });
    this.emit({ event: "reservation.updated", reservation: snapshot(rendered) as SandboxReservation });
    return snapshot(rendered) as SandboxReservation;
  }

  /** The listings' `latestActivityOn` (the newest of their bookings'), then a fresh index. */
  private refresh(): void {
    const byListing = new Map<number, string[]>();
    for (const r of this.data.reservations) {
      const list = byListing.get(r.listingMapId) ?? [];
      list.push(r.latestActivityOn);
      byListing.set(r.listingMapId, list);
    }
    for (const listing of this.data.listings)
      listing.latestActivityOn = latestOf(byListing.get(listing.id) ?? []);
    this.index = new DatasetIndex(this.data);
  }

  private conversationFor(input: AddMessageInput): SandboxConversation {
    const { conversationId, reservationId } = input;
    if (conversationId !== undefined) {
      const conversation = this.index.conversationsById.get(conversationId);
      if (!conversation) throw new TypeError(`addMessage: conversation ${conversationId} does not exist`);
      if (reservationId !== undefined && reservationId !== conversation.reservationId) {
        throw new TypeError(
          `addMessage: conversation ${conversationId} belongs to reservation ${conversation.reservationId}, not ${reservationId}`,
        );
      }
      return conversation;
    }
    if (reservationId === undefined)
      throw new TypeError('addMessage needs a "conversationId" or a "reservationId"');
    const reservation = this.index.reservationsById.get(reservationId);
    if (!reservation) throw new TypeError(`addMessage: reservation ${reservationId} does not exist`);
    return (
      this.index.conversationsByReservation.get(reservationId)?.[0] ?? this.openConversation(reservation)
    );
  }

  /** A booking's first message opens its conversation, as on Hostaway (a channel one for OTAs that message). */
  private openConversation(reservation: SandboxReservation): SandboxConversation {
    let id = this.nextConversationId++;
    if (id === UNKNOWN_CONVERSATION_ID) id = this.nextConversationId++;
    const ota = Object.values(CHANNELS).find((channel) => channel.id === reservation.channelId);
    const proxy = (side: string) =>
      `c-${createHash("md5").update(`${side}:${id}`).digest("hex")}@${side}.sandbox.hostaway.example`;
    const conversation: SandboxConversation = {
      id,
      accountId: this.data.accountId,
      listingMapId: reservation.listingMapId,
      reservationId: reservation.id,
      type: ota?.messagesThroughChannel ? "host-guest-channel" : "host-guest-email",
      recipientEmail: reservation.guestEmail,
      recipientName: reservation.guestName,
      recipientPicture: null,
      hostEmail: proxy("host"),
      guestEmail: proxy("guest"),
      hasUnreadMessages: 0,
      messageSentOn: null,
      messageReceivedOn: null,
    };
    this.data.conversations.push(conversation);
    return conversation;
  }

  /** The type most of a conversation's sent messages use (ties: the newest's), else what its `type` says. */
  private usualType(conversation: SandboxConversation): CommunicationType {
    const counts = new Map<CommunicationType, number>();
    for (const message of this.index.messagesByConversation.get(conversation.id) ?? []) {
      if (message.status === "sent")
        counts.set(message.communicationType, (counts.get(message.communicationType) ?? 0) + 1);
    }
    let best: CommunicationType | undefined;
    for (const [type, count] of counts)
      if (best === undefined || count > (counts.get(best) as number)) best = type;
    return best ?? (conversation.type === "host-guest-channel" ? "channel" : "email");
  }

  private allocateMessageId(): number {
    let id = this.nextMessageId++;
    if (id === UNKNOWN_MESSAGE_ID) id = this.nextMessageId++;
    return id;
  }
}
