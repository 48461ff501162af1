import { latestOf } from "../util/dates.js";
import { createRandom } from "../util/prng.js";
import { buildListings } from "./build-listings.js";
import { buildReservations } from "./build-reservations.js";
import { CHANNELS } from "./channels.js";
import type { PlannedConversation } from "./conversation-plan.js";
import {
  type BookingConversations,
  materializeConversations,
  messageTime,
} from "./materialize-conversations.js";
import {
  ACCENTED_LINES,
  chooseFixtureBookings,
  EMOJI_LINES,
  type FixtureName,
  planAllChannels,
  planLongThread,
  planScheduledAndFailed,
  planShortThread,
  planTwoConversations,
  renameGuest,
  SCHMIDT_A_LINES,
  SCHMIDT_B_LINES,
  SIMILAR_NAME_LINES,
  switchChannel,
} from "./plan-fixtures.js";
import { topUpRecentQuestions } from "./plan-recent-questions.js";
import { type BookingContext, planRegularConversation } from "./plan-regular-conversation.js";
import type { SandboxData, SandboxFixtures, SandboxListing } from "./types.js";

export const DEFAULT_SEED = 20_261_120;
export const UNKNOWN_BOOKING_ID = 9_999_999;
export const UNKNOWN_LISTING_ID = 999_999;
export const UNKNOWN_CONVERSATION_ID = 9_999_998;
export const UNKNOWN_MESSAGE_ID = 999_999_999;

export interface BuildDatasetOptions {
  accountId: number;
  anchorMs: number;
  seed?: number;
}

/**
 * Builds the whole deterministic dataset: the same seed and anchor always give the same listings, bookings,
 * conversations and messages, with every date placed relative to the anchor ("now").
 */
export function buildDataset(options: BuildDatasetOptions): { data: SandboxData; fixtures: SandboxFixtures } {
  const { accountId, anchorMs } = options;
  const random = createRandom(options.seed ?? DEFAULT_SEED);
  const listings = buildListings(random, accountId);
  const listingsById = new Map(listings.map((listing) => [listing.id, listing]));
  const reservations = buildReservations(random, listings, accountId, anchorMs);
  const chosen = chooseFixtureBookings(reservations, listingsById, anchorMs);

  renameGuest(random, chosen.accentedGuest, "José", "García", {
    country: "ES",
    city: "Madrid",
    locale: "es",
    phonePrefix: "+34 611 22",
  });
  renameGuest(random, chosen.similarNameGuest, "Jose", "Garcia Lopez", {
    country: "MX",
    city: "Guadalajara",
    locale: "es",
    phonePrefix: "+52 33 1234",
  });
  renameGuest(random, chosen.sharedSurnameA, "Anna", "Schmidt", {
    country: "DE",
    city: "Köln",
    locale: "de",
    phonePrefix: "+49 160 5550",
  });
  renameGuest(random, chosen.sharedSurnameB, "Lukas", "Schmidt", {
    country: "AT",
    city: "Wien",
    locale: "de",
    phonePrefix: "+43 660 5550",
  });
  renameGuest(random, chosen.emoji, "Yuki", "Yamamoto", {
    country: "JP",
    city: "Tokyo",
    locale: "ja",
    phonePrefix: "+81 80 5550",
  });
  switchChannel(chosen.airbnbLegacyChannel, CHANNELS.airbnbLegacy);

  const fixtureByReservation = new Map<number, FixtureName>(
    (Object.entries(chosen) as [FixtureName, { id: number }][]).map(([name, r]) => [r.id, name]),
  );
  const bookings: BookingConversations[] = reservations.map((reservation) => {
    const listing = listingsById.get(reservation.listingMapId) as SandboxListing;
    const context: BookingContext = { reservation, listing, anchorMs };
    const fixture = fixtureByReservation.get(reservation.id);
    return { reservation, listing, conversations: planFor(fixture, context) };
  });
  // Every other booking gets an ordinary thread (or none); so does the 2001-channel fixture, whose point is its channel.
  const regular: BookingConversations[] = [];
  for (const booking of bookings) {
    const fixture = fixtureByReservation.get(booking.reservation.id);
    if (fixture === "noMessages" || booking.conversations.length > 0) continue;
    const conversation = planRegularConversation(random, { ...booking, anchorMs });
    if (!conversation) continue;
    booking.conversations = [conversation];
    regular.push(booking);
  }
  // Its own stream, so which bookings get a recent question does not shift the threads planned above (their
  // messages' ids and hashes, drawn later from the main stream, do shift).
  topUpRecentQuestions(createRandom((options.seed ?? DEFAULT_SEED) + 7), bookings, regular, anchorMs);

  const { conversations, messages } = materializeConversations(random, accountId, anchorMs, bookings);

  // latestActivityOn: the newest sent message, else the booking date (docs/architecture.md, REFERENCE.md §8.3).
  const latestByReservation = new Map<number, string>();
  for (const message of messages) {
    if (message.status !== "sent") continue;
    const time = messageTime(message);
    const current = latestByReservation.get(message.reservationId);
    if (current === undefined || time > current) latestByReservation.set(message.reservationId, time);
  }
  for (const reservation of reservations) {
    reservation.latestActivityOn = latestByReservation.get(reservation.id) ?? reservation.reservationDate;
  }
  for (const listing of listings) {
    const times = reservations.filter((r) => r.listingMapId === listing.id).map((r) => r.latestActivityOn);
    listing.latestActivityOn = latestOf(times);
  }

  const data: SandboxData = {
    accountId,
    anchorDate: new Date(anchorMs).toISOString(),
    listings,
    reservations,
    conversations,
    messages,
  };
  const fixtures: SandboxFixtures = {
    bookings: {
      hundredMessages: chosen.hundredMessages.id,
      twoHundredFiftyMessages: chosen.twoHundredFiftyMessages.id,
      twoConversations: chosen.twoConversations.id,
      noMessages: chosen.noMessages.id,
      scheduledAndFailed: chosen.scheduledAndFailed.id,
      accentedGuest: chosen.accentedGuest.id,
      similarNameGuest: chosen.similarNameGuest.id,
      sharedSurnameA: chosen.sharedSurnameA.id,
      sharedSurnameB: chosen.sharedSurnameB.id,
      emoji: chosen.emoji.id,
      allChannels: chosen.allChannels.id,
      airbnbLegacyChannel: chosen.airbnbLegacyChannel.id,
    },
    archivedListingIds: listings.filter((l) => l.specialStatus === "archived").map((l) => l.id),
    unknownBookingId: UNKNOWN_BOOKING_ID,
    unknownListingId: UNKNOWN_LISTING_ID,
    unknownConversationId: UNKNOWN_CONVERSATION_ID,
    unknownMessageId: UNKNOWN_MESSAGE_ID,
    listingIds: listings.map((l) => l.id).sort((a, b) => a - b),
    bookingIds: reservations.map((r) => r.id).sort((a, b) => a - b),
  };
  return { data, fixtures };
}

function planFor(fixture: FixtureName | undefined, context: BookingContext): PlannedConversation[] {
  switch (fixture) {
    case "hundredMessages":
      return [planLongThread(context, 100, "channel")];
    case "twoHundredFiftyMessages":
      return [planLongThread(context, 250, "email")];
    case "twoConversations":
      return planTwoConversations(context);
    case "scheduledAndFailed":
      return [planScheduledAndFailed(context)];
    case "accentedGuest":
      return [planShortThread(context, ACCENTED_LINES, "email")];
    case "similarNameGuest":
      return [planShortThread(context, SIMILAR_NAME_LINES, "email")];
    case "sharedSurnameA":
      return [planShortThread(context, SCHMIDT_A_LINES, "email")];
    case "sharedSurnameB":
      return [planShortThread(context, SCHMIDT_B_LINES, "email")];
    case "emoji":
      return [planShortThread(context, EMOJI_LINES, "whatsapp")];
    case "allChannels":
      return [planAllChannels(context)];
    default:
      // noMessages has none; airbnbLegacyChannel and ordinary bookings get a regular thread afterwards.
      return [];
  }
}
