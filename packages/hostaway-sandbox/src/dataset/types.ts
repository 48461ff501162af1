/**
 * The sandbox's records, in Hostaway's own field names (camelCase, 0/1 booleans, zone-less UTC datetimes).
 * Each record carries the fields of the matching example in ../shared/hostaway-api/examples/ that a read-only
 * client can see; the index signature keeps the long tail of rarely used fields.
 */

export type HostawayFlag = 0 | 1;

export interface SandboxListing {
  id: number;
  name: string;
  internalListingName: string;
  city: string;
  country: string;
  countryCode: string;
  currencyCode: string;
  price: number;
  minNights: number;
  maxNights: number;
  personCapacity: number;
  contactName: string;
  propertyTypeId: number;
  specialStatus: "archived" | null;
  timeZoneName: string;
  latestActivityOn: string | null;
  [field: string]: unknown;
}

export interface SandboxReservation {
  id: number;
  listingMapId: number;
  channelId: number;
  channelName: string;
  source: string;
  reservationId: string;
  hostawayReservationId: number;
  channelReservationId: string;
  assigneeUserId: number | null;
  reservationDate: string;
  guestName: string;
  guestFirstName: string;
  guestLastName: string;
  guestEmail: string | null;
  phone: string | null;
  arrivalDate: string;
  departureDate: string;
  nights: number;
  numberOfGuests: number;
  totalPrice: number | null;
  taxAmount: number | null;
  cleaningFee: number | null;
  channelCommissionAmount: number | null;
  hostawayCommissionAmount: number | null;
  currency: string;
  status: string;
  isPaid: HostawayFlag | null;
  isStarred: HostawayFlag;
  isArchived: HostawayFlag;
  isPinned: HostawayFlag;
  customerUserId: string | null;
  reservationAgreement: string;
  hostProxyEmail: string;
  latestActivityOn: string;
  insertedOn: string;
  updatedOn: string;
  [field: string]: unknown;
}

export interface SandboxConversation {
  id: number;
  accountId: number;
  listingMapId: number;
  reservationId: number;
  type: string;
  recipientEmail: string | null;
  recipientName: string;
  recipientPicture: string | null;
  hostEmail: string;
  guestEmail: string;
  hasUnreadMessages: HostawayFlag;
  messageSentOn: string | null;
  messageReceivedOn: string | null;
}

export type MessageStatus =
  | "sent"
  | "awaiting"
  | "paused"
  | "failed"
  | "cancelled_by_user"
  | "cancelled_by_system";

export type CommunicationType = "email" | "channel" | "sms" | "whatsapp";

export interface SandboxAttachment {
  id: number;
  accountId: number;
  listingMapId: number | null;
  reservationId: number;
  taskId: null;
  name: string;
  url: string;
  isPublic: HostawayFlag;
  communicationId: null;
  conversationMessageId: number;
  extension: string;
  mimeType: string;
  isImage: HostawayFlag | null;
}

export interface SandboxMessage {
  id: number;
  accountId: number;
  listingMapId: number;
  reservationId: number;
  conversationId: number;
  communicationId: number | null;
  airbnbThreadMessageId: string | null;
  body: string;
  communicationType: CommunicationType;
  status: MessageStatus;
  isIncoming: HostawayFlag;
  isSeen: HostawayFlag;
  sentUsingHostaway: HostawayFlag;
  hash: string;
  listingTimeZoneName: string;
  communicationEvent: string | null;
  communicationTimeDelta: number | null;
  communicationApplyListingTimeZone: HostawayFlag | null;
  communicationAlwaysTrigger: HostawayFlag | null;
  date: string | null;
  sentChannelDate: string | null;
  attachments: SandboxAttachment[];
  insertedOn: string;
  updatedOn: string;
}

/** The ids tests rely on (docs/architecture.md, "hostaway-sandbox"). */
export interface SandboxFixtures {
  bookings: {
    hundredMessages: number;
    twoHundredFiftyMessages: number;
    twoConversations: number;
    noMessages: number;
    scheduledAndFailed: number;
    accentedGuest: number;
    similarNameGuest: number;
    sharedSurnameA: number;
    sharedSurnameB: number;
    emoji: number;
    allChannels: number;
    airbnbLegacyChannel: number;
  };
  archivedListingIds: number[];
  unknownBookingId: number;
  unknownListingId: number;
  unknownConversationId: number;
  unknownMessageId: number;
  listingIds: number[];
  bookingIds: number[];
}

export interface SandboxData {
  accountId: number;
  anchorDate: string;
  listings: SandboxListing[];
  reservations: SandboxReservation[];
  conversations: SandboxConversation[];
  messages: SandboxMessage[];
}
