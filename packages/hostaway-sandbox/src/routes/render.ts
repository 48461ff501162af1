import type { DatasetIndex } from "../dataset/dataset-index.js";
import type { SandboxConversation, SandboxMessage, SandboxReservation } from "../dataset/types.js";

const CANCELLATION_POLICY_FIELDS = [
  "cancellationPolicyDetails",
  "bookingCancellationPolicy",
  "vrboCancellationPolicy",
  "marriottCancellationPolicy",
] as const;

/**
 * A reservation in a list (REFERENCE.md §3, §6.2): without `includeResources=1` the resource fields are empty
 * (examples/reservations.list.withoutIncludeResources.fragment.json); the cancellation-policy fields come only
 * with `includeCancellationPolicy=1`.
 */
export function listedReservation(
  reservation: SandboxReservation,
  options: { includeResources: boolean; includeCancellationPolicy: boolean; includePayments: boolean },
): Record<string, unknown> {
  const out = withPayments(reservation, options.includePayments);
  if (!options.includeResources) {
    out.customFieldValues = [];
    out.reservationFees = [];
    out.reservationUnit = [];
    out.hostProxyEmail = null;
  }
  if (!options.includeCancellationPolicy) for (const field of CANCELLATION_POLICY_FIELDS) delete out[field];
  return out;
}

/**
 * One reservation (`GET /v1/reservations/{id}`): always the cancellation-policy fields and `hostProxyEmail`;
 * the Booking.com extras only with `includeResources=1` (REFERENCE.md §6.2, §8.3).
 */
export function fullReservation(
  reservation: SandboxReservation,
  options: { includeResources: boolean; includePayments: boolean },
): Record<string, unknown> {
  const out = withPayments(reservation, options.includePayments);
  if (options.includeResources && reservation.channelName === "bookingcom") {
    Object.assign(out, {
      bookingcomSpecialRequests: {
        remarks: reservation.guestNote ?? "",
        geniusFreebies: reservation.id % 3 === 0 ? [{ code: "GF_8", text: "Free WiFi" }] : [],
      },
      bookingcomSmokingPreference: 0,
      bookingcomIsGeniusMember: reservation.id % 3 === 0 ? 1 : 0,
      bookingcomBookerName: reservation.guestName,
      bookingcomBookerCompany: null,
      bookingcomNoShowReportedAt: null,
      bookingcomNoShowFeeWaived: false,
    });
  }
  return out;
}

/** `remainingBalance` comes only with `includePayments=1` (REFERENCE.md §8.3): what the guest still owes. */
function withPayments(reservation: SandboxReservation, includePayments: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { ...reservation };
  if (includePayments) out.remainingBalance = reservation.isPaid === 0 ? (reservation.totalPrice ?? 0) : 0;
  return out;
}

/** The capital-R trimmed `Reservation` inside a conversation; `hostawayReservationId` is a string there (REFERENCE.md §7, §10.6). */
export function conversationReservation(index: DatasetIndex, r: SandboxReservation): Record<string, unknown> {
  return {
    listingMapId: r.listingMapId,
    listingName: index.listingsById.get(r.listingMapId)?.name ?? "",
    channelId: r.channelId,
    source: r.source,
    channelName: r.channelName,
    reservationId: r.reservationId,
    hostawayReservationId: String(r.id),
    channelReservationId: r.channelReservationId,
    externalPropertyId: null,
    externalRatePlanId: null,
    externalUnitId: null,
    assigneeUserId: r.assigneeUserId,
    customerIcalId: null,
    customerIcalName: null,
    isProcessed: r.isProcessed,
    isManuallyChecked: r.isManuallyChecked,
    isInstantBooked: r.isInstantBooked,
    reservationDate: r.reservationDate,
    pendingExpireDate: r.pendingExpireDate,
    guestName: r.guestName,
    guestFirstName: r.guestFirstName,
    guestLastName: r.guestLastName,
    guestExternalAccountId: r.guestExternalAccountId,
    guestZipCode: r.guestZipCode,
    guestAddress: r.guestAddress,
    guestCity: r.guestCity,
    guestCountry: r.guestCountry,
    guestEmail: r.guestEmail,
    guestPicture: r.guestPicture,
    guestRecommendations: r.guestRecommendations,
    guestTrips: r.guestTrips,
    guestWork: r.guestWork,
    isGuestIdentityVerified: r.isGuestIdentityVerified,
    isGuestVerifiedByEmail: r.isGuestVerifiedByEmail,
    isGuestVerifiedByWorkEmail: r.isGuestVerifiedByWorkEmail,
    isGuestVerifiedByFacebook: r.isGuestVerifiedByFacebook,
    isGuestVerifiedByGovernmentId: r.isGuestVerifiedByGovernmentId,
    isGuestVerifiedByPhone: r.isGuestVerifiedByPhone,
    isGuestVerifiedByReviews: r.isGuestVerifiedByReviews,
    numberOfGuests: r.numberOfGuests,
    adults: r.adults,
    children: r.children,
    infants: r.infants,
    pets: r.pets,
    arrivalDate: r.arrivalDate,
    departureDate: r.departureDate,
    previousArrivalDate: r.previousArrivalDate,
    previousDepartureDate: r.previousDepartureDate,
    checkInTime: r.checkInTime,
    checkOutTime: r.checkOutTime,
    nights: r.nights,
    phone: r.phone,
    totalPrice: r.totalPrice,
    taxAmount: r.taxAmount,
    channelCommissionAmount: r.channelCommissionAmount,
    hostawayCommissionAmount: r.hostawayCommissionAmount,
    cleaningFee: r.cleaningFee,
    securityDepositFee: r.securityDepositFee,
    isPaid: r.isPaid,
    paymentMethod: r.paymentMethod,
    stripeGuestId: r.stripeGuestId,
    currency: r.currency,
    status: r.status,
    cancellationDate: r.cancellationDate,
    cancelledBy: r.cancelledBy,
    hostNote: r.hostNote,
    guestNote: r.guestNote,
    doorCode: r.doorCode,
    doorCodeVendor: r.doorCodeVendor,
    doorCodeInstruction: r.doorCodeInstruction,
    comment: r.comment,
    confirmationCode: r.confirmationCode,
    isStarred: r.isStarred,
    isArchived: r.isArchived,
    isPinned: r.isPinned,
    insertedOn: r.insertedOn,
    updatedOn: r.updatedOn,
    id: r.id,
  };
}

/** The trimmed message embedded in `conversationMessages` (no communicationType/status/date; REFERENCE.md §7, §10.12). */
export function embeddedMessage(m: SandboxMessage): Record<string, unknown> {
  return {
    id: m.id,
    accountId: m.accountId,
    listingMapId: m.listingMapId,
    reservationId: m.reservationId,
    conversationId: m.conversationId,
    communicationId: m.communicationId,
    channelThreadMessageId: m.airbnbThreadMessageId,
    body: m.body,
    isIncoming: m.isIncoming,
    isSeen: m.isSeen,
    sentUsingHostaway: m.sentUsingHostaway,
    hash: m.hash,
    listingTimeZoneName: m.listingTimeZoneName,
    communicationEvent: m.communicationEvent,
    communicationTimeDelta: m.communicationTimeDelta,
    communicationApplyListingTimeZone: m.communicationApplyListingTimeZone,
    communicationAlwaysTrigger: m.communicationAlwaysTrigger,
    insertedOn: m.insertedOn,
    updatedOn: m.updatedOn,
  };
}

/** A conversation object (examples/conversations.object.json): the latest message and the trimmed `Reservation`. */
export function renderConversation(
  index: DatasetIndex,
  conversation: SandboxConversation,
): Record<string, unknown> {
  const latest = index.latestSentMessage(conversation.id);
  const reservation = index.reservationsById.get(conversation.reservationId);
  const { id, ...fields } = conversation;
  return {
    ...fields,
    conversationMessages: latest ? [embeddedMessage(latest)] : [],
    Reservation: reservation ? conversationReservation(index, reservation) : null,
    id,
  };
}
