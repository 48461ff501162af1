import { DAY_MS, formatDate, formatDateTime, HOUR_MS, MINUTE_MS, startOfDay } from "../util/dates.js";
import { foldText } from "../util/fold-text.js";
import type { Random } from "../util/prng.js";
import { CHANNEL_WEIGHTS, CHANNELS, type ChannelInfo } from "./channels.js";
import { GUEST_ORIGINS } from "./guests.js";
import type { HostawayFlag, SandboxListing, SandboxReservation } from "./types.js";

export const FIRST_RESERVATION_ID = 3_104_201;

/** Days before/after the anchor over which stays are spread. */
const HISTORY_DAYS = 150;
const FUTURE_DAYS = 120;
/** Archived listings stopped taking bookings this many days before the anchor. */
const ARCHIVED_CUTOFF_DAYS = 60;

export interface Guest {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  country: string;
  city: string;
  locale: string;
}

const PAST_STATUSES: readonly (readonly [string, number])[] = [
  ["new", 55],
  ["modified", 18],
  ["cancelled", 12],
  ["ownerStay", 3],
  ["inquiryTimedout", 3],
  ["inquiryDenied", 2],
  ["declined", 2],
  ["expired", 2],
];
const FUTURE_STATUSES: readonly (readonly [string, number])[] = [
  ["new", 45],
  ["modified", 14],
  ["cancelled", 10],
  ["inquiry", 9],
  ["inquiryPreapproved", 3],
  ["pending", 5],
  ["awaitingPayment", 5],
  ["awaitingGuestVerification", 2],
  ["unconfirmed", 2],
  ["ownerStay", 3],
];

/** Status → channels that can produce it (an owner stay is always direct; Vrbo's request-to-book is `unconfirmed`). */
function channelFor(random: Random, status: string): ChannelInfo {
  if (status === "ownerStay") return CHANNELS.direct;
  if (status === "unconfirmed") return CHANNELS.homeaway;
  if (status === "awaitingGuestVerification" || status.startsWith("inquiry")) {
    return random.chance(0.8) ? CHANNELS.airbnbOfficial : CHANNELS.homeaway;
  }
  if (status === "awaitingPayment" || status === "pending") {
    return random.pick([CHANNELS.bookingengine, CHANNELS.direct, CHANNELS.airbnbOfficial]);
  }
  return random.weighted(CHANNEL_WEIGHTS);
}

export function randomGuest(random: Random): Guest {
  const origin = random.pick(GUEST_ORIGINS);
  const firstName = random.pick(origin.firstNames);
  const lastName = random.pick(origin.lastNames);
  return guestNamed(
    random,
    firstName,
    lastName,
    origin.country,
    origin.city,
    origin.locale,
    origin.phonePrefix,
  );
}

export function guestNamed(
  random: Random,
  firstName: string,
  lastName: string,
  country: string,
  city: string,
  locale: string,
  phonePrefix: string,
): Guest {
  const local = `${foldText(firstName)}.${foldText(lastName)}`.replace(/[^a-z.]/g, "");
  return {
    firstName,
    lastName,
    email: `${local || "guest"}${random.int(1, 99)}@mail.example.com`,
    phone: random.chance(0.85) ? `${phonePrefix} ${random.int(1000, 9999)}` : null,
    country,
    city,
    locale,
  };
}

function channelCode(random: Random, accountId: number, listingId: number, channel: ChannelInfo): string {
  if (channel.id === CHANNELS.airbnbOfficial.id || channel.id === CHANNELS.airbnbLegacy.id) {
    return `${accountId}-${listingId}-thread${random.int(100_000_000, 999_999_999)}-${random.int(1_000_000_000, 9_999_999_999)}`;
  }
  if (channel.id === CHANNELS.bookingcom.id) return String(random.int(1_000_000_000, 4_999_999_999));
  if (channel.id === CHANNELS.homeaway.id) return `HA-${random.hex(6).toUpperCase()}`;
  if (channel.id === CHANNELS.expedia.id) return String(random.int(70_000_000, 99_999_999));
  return `${accountId}-${listingId}-${channel.id}-${random.int(1_000_000_000, 9_999_999_999)}`;
}

function confirmationCode(random: Random, channel: ChannelInfo): string | null {
  if (channel.id === CHANNELS.airbnbOfficial.id || channel.id === CHANNELS.airbnbLegacy.id) {
    const letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let code = "HM";
    for (let i = 0; i < 8; i += 1) code += letters[random.int(0, letters.length - 1)];
    return code;
  }
  return null;
}

function roundMoney(value: number, currency: string): number {
  return currency === "JPY" ? Math.round(value) : Math.round(value * 100) / 100;
}

interface Stay {
  listing: SandboxListing;
  arrivalMs: number;
  nights: number;
  status: string;
}

/** Stays per listing, never overlapping, so the calendar is consistent with every status. */
function planStays(random: Random, listings: readonly SandboxListing[], anchorMs: number): Stay[] {
  const stays: Stay[] = [];
  const today = startOfDay(anchorMs);
  for (const listing of listings) {
    const end = today + (listing.specialStatus === "archived" ? -ARCHIVED_CUTOFF_DAYS : FUTURE_DAYS) * DAY_MS;
    let cursor = today - HISTORY_DAYS * DAY_MS + random.int(0, 12) * DAY_MS;
    while (cursor < end) {
      const nights = random.chance(0.08) ? random.int(10, 28) : random.int(Math.max(1, listing.minNights), 8);
      const departureMs = cursor + nights * DAY_MS;
      const status = random.weighted(departureMs <= today ? PAST_STATUSES : FUTURE_STATUSES);
      stays.push({ listing, arrivalMs: cursor, nights, status });
      cursor = departureMs + random.int(3, 30) * DAY_MS;
    }
  }
  return stays;
}

export function buildReservations(
  random: Random,
  listings: readonly SandboxListing[],
  accountId: number,
  anchorMs: number,
): SandboxReservation[] {
  const stays = planStays(random, listings, anchorMs);
  const drafts = stays.map((stay) => {
    const { listing, arrivalMs, nights, status } = stay;
    const departureMs = arrivalMs + nights * DAY_MS;
    const channel = channelFor(random, status);
    const guest = randomGuest(random);
    // Booked 1-120 days ahead, always before the anchor ("now").
    let bookedMs = arrivalMs - random.int(1, 120) * DAY_MS + random.int(0, 23 * 60) * MINUTE_MS;
    if (bookedMs > anchorMs - 2 * HOUR_MS) bookedMs = anchorMs - random.int(2 * 60, 25 * 24 * 60) * MINUTE_MS;
    const currency = listing.currencyCode;
    const ownerStay = status === "ownerStay";
    const nightly = listing.price * (0.9 + random.next() * 0.3);
    const accommodation = roundMoney(nightly * nights, currency);
    const cleaningFee = ownerStay ? null : (listing.cleaningFee as number);
    const taxAmount = ownerStay
      ? null
      : roundMoney(accommodation * (random.chance(0.5) ? 0.1 : 0.07), currency);
    const totalPrice = ownerStay
      ? 0
      : roundMoney(accommodation + (cleaningFee ?? 0) + (taxAmount ?? 0), currency);
    const commission = ownerStay ? null : roundMoney(accommodation * channel.commissionRate, currency);
    const numberOfGuests = Math.max(1, Math.min(listing.personCapacity, random.int(1, 4)));
    const adults = Math.max(1, numberOfGuests - random.int(0, 1));
    const cancelled = status === "cancelled";
    const lastChangeMs = Math.min(
      anchorMs - random.int(1, 90) * MINUTE_MS,
      Math.max(bookedMs, departureMs + DAY_MS),
    );
    const updatedMs =
      status === "modified" || cancelled
        ? bookedMs + Math.floor((Math.min(arrivalMs, anchorMs) - bookedMs) * (0.3 + random.next() * 0.6))
        : bookedMs + Math.floor((lastChangeMs - bookedMs) * random.next() * 0.5);
    const paid =
      ownerStay || status.startsWith("inquiry") || status === "declined" || status === "expired"
        ? null
        : status === "awaitingPayment" || status === "pending"
          ? 0
          : channel.id === CHANNELS.bookingcom.id
            ? random.chance(0.6)
              ? 1
              : 0
            : 1;
    const code = channelCode(random, accountId, listing.id, channel);
    const reservation = {
      listingMapId: listing.id,
      channelId: channel.id,
      source: channel.source,
      channelName: channel.name,
      reservationId: code,
      channelReservationId: code,
      externalPropertyId: null,
      externalRatePlanId: null,
      externalUnitId: null,
      assigneeUserId: random.chance(0.6) ? random.pick([101, 102, 103]) : null,
      manualIcalId: null,
      manualIcalName: null,
      isProcessed: 1,
      isInitial: 0,
      isManuallyChecked: 0,
      isInstantBooked: random.chance(0.5) ? 1 : 0,
      hasPullError: 0,
      reservationDate: formatDateTime(bookedMs),
      pendingExpireDate: status === "pending" ? formatDateTime(bookedMs + DAY_MS) : null,
      guestName: `${guest.firstName} ${guest.lastName}`,
      guestFirstName: guest.firstName,
      guestLastName: guest.lastName,
      guestExternalAccountId: channel.messagesThroughChannel
        ? String(random.int(10_000_000, 99_999_999))
        : null,
      guestZipCode: null,
      guestAddress: null,
      guestCity: guest.city,
      guestCountry: guest.country,
      guestEmail: guest.email,
      guestPicture: null,
      guestRecommendations: random.int(0, 12),
      guestTrips: random.int(0, 30),
      guestWork: null,
      guestLocale: guest.locale,
      // Deprecated since 2025-08-07 (REFERENCE.md §8.3) but still part of the object.
      isGuestIdentityVerified: 0,
      isGuestVerifiedByEmail: channel.messagesThroughChannel ? 1 : 0,
      isGuestVerifiedByWorkEmail: 0,
      isGuestVerifiedByFacebook: 0,
      isGuestVerifiedByGovernmentId: 0,
      isGuestVerifiedByPhone: guest.phone ? 1 : 0,
      isGuestVerifiedByReviews: 0,
      numberOfGuests,
      adults,
      children: numberOfGuests - adults > 0 ? numberOfGuests - adults : null,
      infants: null,
      pets: null,
      arrivalDate: formatDate(arrivalMs),
      departureDate: formatDate(departureMs),
      isDatesUnspecified: 0,
      previousArrivalDate: status === "modified" ? formatDate(arrivalMs - DAY_MS) : null,
      previousDepartureDate: status === "modified" ? formatDate(departureMs - DAY_MS) : null,
      checkInTime: listing.checkInTimeStart as number,
      checkOutTime: listing.checkOutTime as number,
      nights,
      phone: guest.phone,
      totalPrice,
      taxAmount,
      channelCommissionAmount: commission,
      hostawayCommissionAmount: null,
      cleaningFee,
      securityDepositFee: null,
      isPaid: paid as 0 | 1 | null,
      paymentMethod: paid === 1 ? (channel.id === CHANNELS.direct.id ? "credit_card" : "channel") : null,
      stripeGuestId: null,
      currency,
      status,
      cancellationDate: cancelled ? formatDateTime(updatedMs) : null,
      cancelledBy: cancelled ? random.pick(["guest", "guest", "host"]) : null,
      hostNote: null,
      guestNote: random.chance(0.15) ? "We will arrive late in the evening, around 22:00." : null,
      doorCode: String(random.int(1000, 9999)),
      doorCodeVendor: null,
      doorCodeInstruction: null,
      comment: null,
      confirmationCode: confirmationCode(random, channel),
      airbnbExpectedPayoutAmount: null,
      airbnbListingBasePrice: null,
      airbnbListingCancellationHostFee: null,
      airbnbListingCancellationPayout: null,
      airbnbListingCleaningFee: null,
      airbnbListingHostFee: null,
      airbnbListingSecurityPrice: null,
      airbnbOccupancyTaxAmountPaidToHost: null,
      airbnbTotalPaidAmount: null,
      airbnbTransientOccupancyTaxPaidAmount: null,
      airbnbCancellationPolicy: listing.cancellationPolicy as string,
      isStarred: (random.chance(0.05) ? 1 : 0) as HostawayFlag,
      isArchived: 0 as HostawayFlag,
      isPinned: (random.chance(0.03) ? 1 : 0) as HostawayFlag,
      originalChannel: null,
      customerUserId: null,
      rentalAgreementFileUrl: null,
      insuranceStatus: null,
      claimStatus: null,
      insurancePolicyId: null,
      reservationAgreement:
        channel.id === CHANNELS.direct.id ? random.pick(["signed", "not_signed"]) : "not_required",
      cancellationPolicyId: listing.cancellationPolicyId as number,
      cancellationPolicy: listing.cancellationPolicy as string,
      bookingCancellationPolicy: null,
      vrboCancellationPolicy: null,
      marriottCancellationPolicy: null,
      cancellationPolicyDetails: {
        name: String(listing.cancellationPolicy).replace(/^\w/, (c) => c.toUpperCase()),
        channelId: channel.id,
        channelSpecificCode: listing.cancellationPolicy,
        longTerm: nights >= 28,
        cancellationPolicyItem: [
          {
            refundAmount: 100,
            refundType: "percentage",
            refundField: "totalPrice",
            timeDelta: -1209600,
            event: "arrival",
          },
        ],
      },
      hostProxyEmail: `c-${random.hex(32)}@host.sandbox.hostaway.example`,
      guestPortalUrl: `https://guest.sandbox.hostaway.example/${random.hex(12)}`,
      customFieldValues: [],
      reservationFees: [],
      reservationUnit: [],
      financeField: ownerStay
        ? []
        : [
            financeField(1, "accomodation", "baseRate", "Base rate", accommodation),
            financeField(2, "fee", "cleaningFee", "Cleaning fee", cleaningFee ?? 0),
            financeField(3, "tax", "vat", "VAT / GST", taxAmount ?? 0),
          ],
      latestActivityOn: formatDateTime(bookedMs),
      insertedOn: formatDateTime(bookedMs),
      updatedOn: formatDateTime(Math.min(updatedMs, anchorMs)),
    };
    return { bookedMs, reservation };
  });

  // Hostaway ids grow with insertion time, with gaps (other accounts share the sequence).
  drafts.sort((a, b) => a.bookedMs - b.bookedMs);
  let nextId = FIRST_RESERVATION_ID;
  return drafts.map(({ reservation }) => {
    const id = nextId;
    nextId += random.int(1, 9);
    const full: SandboxReservation = { id, hostawayReservationId: id, ...reservation };
    return full;
  });
}

function financeField(id: number, type: string, name: string, title: string, total: number) {
  return {
    id,
    units: 1,
    listingFeeSettingId: null,
    type,
    name,
    title,
    alias: null,
    value: total,
    isIncludedInTotalPrice: 1,
    isOverriddenByUser: 0,
    isMandatory: null,
    isQuantitySelectable: 0,
    isDeleted: 0,
    total,
  };
}
