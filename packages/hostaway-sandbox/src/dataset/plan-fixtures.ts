import { DAY_MS, HOUR_MS, MINUTE_MS, parseHostawayTime } from "../util/dates.js";
import type { Random } from "../util/prng.js";
import { guestNamed } from "./build-reservations.js";
import { CHANNELS, type ChannelInfo } from "./channels.js";
import type { PlannedConversation, PlannedMessage } from "./conversation-plan.js";
import { AUTOMATIONS, fill, type MessageTopic, messageText } from "./message-bodies.js";
import { type BookingContext, placeholders } from "./plan-regular-conversation.js";
import type { CommunicationType, SandboxListing, SandboxReservation } from "./types.js";

export type FixtureName =
  | "hundredMessages"
  | "twoHundredFiftyMessages"
  | "twoConversations"
  | "noMessages"
  | "scheduledAndFailed"
  | "accentedGuest"
  | "similarNameGuest"
  | "sharedSurnameA"
  | "sharedSurnameB"
  | "emoji"
  | "allChannels"
  | "airbnbLegacyChannel";

interface Criteria {
  channels?: readonly ChannelInfo[];
  /** Arrival, in days from the anchor. */
  arrivalFrom: number;
  arrivalTo: number;
  /** Booked at least this many days before the anchor. */
  bookedDaysAgo?: number;
}

const CRITERIA: Record<FixtureName, Criteria> = {
  hundredMessages: {
    channels: [CHANNELS.airbnbOfficial],
    arrivalFrom: -20,
    arrivalTo: 20,
    bookedDaysAgo: 25,
  },
  twoHundredFiftyMessages: {
    channels: [CHANNELS.direct, CHANNELS.bookingengine],
    arrivalFrom: -25,
    arrivalTo: 25,
    bookedDaysAgo: 30,
  },
  twoConversations: { channels: [CHANNELS.bookingcom], arrivalFrom: -10, arrivalTo: 30, bookedDaysAgo: 5 },
  noMessages: { arrivalFrom: 5, arrivalTo: 60 },
  scheduledAndFailed: {
    channels: [CHANNELS.direct, CHANNELS.bookingengine],
    arrivalFrom: 4,
    arrivalTo: 60,
    bookedDaysAgo: 3,
  },
  accentedGuest: { arrivalFrom: -15, arrivalTo: 30, bookedDaysAgo: 2 },
  similarNameGuest: { arrivalFrom: -40, arrivalTo: 40, bookedDaysAgo: 2 },
  sharedSurnameA: { arrivalFrom: -15, arrivalTo: 30, bookedDaysAgo: 2 },
  sharedSurnameB: { arrivalFrom: -30, arrivalTo: 40, bookedDaysAgo: 2 },
  emoji: { arrivalFrom: -10, arrivalTo: 40, bookedDaysAgo: 3 },
  allChannels: { channels: [CHANNELS.airbnbOfficial], arrivalFrom: -10, arrivalTo: 30, bookedDaysAgo: 4 },
  airbnbLegacyChannel: { channels: [CHANNELS.airbnbOfficial], arrivalFrom: -120, arrivalTo: -30 },
};

/**
 * Chooses one distinct booking per fixture among the generated ones (so calendars stay consistent), in a fixed
 * order, preferring confirmed bookings on active listings.
 */
export function chooseFixtureBookings(
  reservations: readonly SandboxReservation[],
  listingsById: ReadonlyMap<number, SandboxListing>,
  anchorMs: number,
): Record<FixtureName, SandboxReservation> {
  const used = new Set<number>();
  const chosen = {} as Record<FixtureName, SandboxReservation>;
  for (const name of Object.keys(CRITERIA) as FixtureName[]) {
    const criteria = CRITERIA[name];
    const matches = (reservation: SandboxReservation, strictChannel: boolean): boolean => {
      const listing = listingsById.get(reservation.listingMapId);
      const arrivalDays = (parseHostawayTime(reservation.arrivalDate) - anchorMs) / DAY_MS;
      const bookedDaysAgo = (anchorMs - parseHostawayTime(reservation.reservationDate)) / DAY_MS;
      return (
        !used.has(reservation.id) &&
        listing?.specialStatus !== "archived" &&
        (reservation.status === "new" || reservation.status === "modified") &&
        arrivalDays >= criteria.arrivalFrom &&
        arrivalDays <= criteria.arrivalTo &&
        bookedDaysAgo >= (criteria.bookedDaysAgo ?? 0) &&
        (!strictChannel ||
          !criteria.channels ||
          criteria.channels.some((c) => c.id === reservation.channelId))
      );
    };
    const found = reservations.find((r) => matches(r, true)) ?? reservations.find((r) => matches(r, false));
    if (!found) throw new Error(`No booking fits the sandbox fixture "${name}"`);
    used.add(found.id);
    chosen[name] = found;
  }
  return chosen;
}

/** Sets a fixture's guest (name, contact, origin) on its booking. */
export function renameGuest(
  random: Random,
  reservation: SandboxReservation,
  firstName: string,
  lastName: string,
  origin: { country: string; city: string; locale: string; phonePrefix: string },
): void {
  const guest = guestNamed(
    random,
    firstName,
    lastName,
    origin.country,
    origin.city,
    origin.locale,
    origin.phonePrefix,
  );
  reservation.guestFirstName = guest.firstName;
  reservation.guestLastName = guest.lastName;
  reservation.guestName = `${guest.firstName} ${guest.lastName}`;
  reservation.guestEmail = guest.email;
  reservation.phone = guest.phone ?? `${origin.phonePrefix} 0100`;
  reservation.guestCountry = guest.country;
  reservation.guestCity = guest.city;
  reservation.guestLocale = guest.locale;
}

/** Moves a booking to another channel (ids, names and the channel code stay consistent). */
export function switchChannel(reservation: SandboxReservation, channel: ChannelInfo): void {
  reservation.channelId = channel.id;
  reservation.channelName = channel.name;
  reservation.source = channel.source;
  const details = reservation.cancellationPolicyDetails as { channelId?: number } | undefined;
  if (details) details.channelId = channel.id;
}

const THREAD_TOPICS: readonly (readonly [MessageTopic, MessageTopic])[] = [
  ["intro", "introReply"],
  ["preArrivalQuestion", "preArrivalReply"],
  ["stayQuestion", "stayReply"],
  ["recentQuestion", "recentReply"],
  ["afterStay", "afterStayReply"],
];

/** A long thread of exactly `count` sent messages, guest and host taking turns, spread up to the anchor. */
export function planLongThread(
  context: BookingContext,
  count: number,
  medium: CommunicationType,
): PlannedConversation {
  const values = placeholders(context);
  const startMs = parseHostawayTime(context.reservation.reservationDate) + HOUR_MS;
  const endMs = context.anchorMs - 30 * MINUTE_MS;
  const step = Math.floor((endMs - startMs) / count);
  const messages: PlannedMessage[] = [];
  for (let i = 0; i < count; i += 1) {
    const incoming = i % 2 === 0;
    const pair = THREAD_TOPICS[Math.floor(i / 2) % THREAD_TOPICS.length] ?? THREAD_TOPICS[0]!;
    const variant = Math.floor(i / (2 * THREAD_TOPICS.length));
    messages.push({
      atMs: startMs + i * step + (i % 7) * MINUTE_MS,
      incoming,
      body: fill(messageText(incoming ? pair[0] : pair[1], variant, null, false), values),
      communicationType: medium,
      status: "sent",
      seen: true,
    });
  }
  return { type: medium === "channel" ? "host-guest-channel" : "host-guest-email", messages };
}

/** Two threads of one booking (an email one and the OTA's channel one) whose messages interleave in time. */
export function planTwoConversations(context: BookingContext): PlannedConversation[] {
  const values = placeholders(context);
  const startMs = Math.max(
    parseHostawayTime(context.reservation.reservationDate) + HOUR_MS,
    context.anchorMs - 5 * DAY_MS,
  );
  const email: PlannedMessage[] = [];
  const channel: PlannedMessage[] = [];
  for (let i = 0; i < 12; i += 1) {
    const onChannel = i % 2 === 0;
    const incoming = Math.floor(i / 2) % 2 === 0;
    const pair = THREAD_TOPICS[Math.floor(i / 4) % THREAD_TOPICS.length] ?? THREAD_TOPICS[0]!;
    const target = onChannel ? channel : email;
    target.push({
      atMs: startMs + i * 3 * HOUR_MS,
      incoming,
      body: fill(messageText(incoming ? pair[0] : pair[1], i, null, false), values),
      communicationType: onChannel ? "channel" : "email",
      status: "sent",
      seen: true,
    });
  }
  return [
    { type: "host-guest-email", messages: email },
    { type: "host-guest-channel", messages: channel },
  ];
}

/** Sent, scheduled (`awaiting`), `failed` and `cancelled_by_user` messages, and automations with a `communicationId`. */
export function planScheduledAndFailed(context: BookingContext): PlannedConversation {
  const values = placeholders(context);
  const { anchorMs } = context;
  const bookedMs = parseHostawayTime(context.reservation.reservationDate);
  const arrivalMs = parseHostawayTime(context.reservation.arrivalDate);
  const text = (template: string): string => fill(template, values);
  const messages: PlannedMessage[] = [
    {
      atMs: bookedMs + 2 * MINUTE_MS,
      incoming: false,
      body: text(AUTOMATIONS.confirmation.body),
      communicationType: "email",
      status: "sent",
      automation: AUTOMATIONS.confirmation,
    },
    {
      atMs: bookedMs + 40 * MINUTE_MS,
      incoming: true,
      body: text("Hi, thanks! Can you text me the check-in details as well?"),
      communicationType: "email",
      status: "sent",
    },
    {
      atMs: bookedMs + 90 * MINUTE_MS,
      incoming: false,
      body: text("Of course {guest}, I will send them by SMS closer to your arrival."),
      communicationType: "email",
      status: "sent",
    },
    {
      atMs: anchorMs - 2 * DAY_MS,
      incoming: false,
      body: text("Hi {guest}, here is the door code for {listing}: {code}."),
      communicationType: "sms",
      status: "failed",
    },
    {
      atMs: anchorMs - DAY_MS,
      insertedMs: bookedMs + 5 * MINUTE_MS,
      incoming: false,
      body: text("Hi {guest}, would you like to add airport pick-up to your stay?"),
      communicationType: "email",
      status: "cancelled_by_user",
    },
    {
      atMs: anchorMs - 20 * HOUR_MS,
      incoming: true,
      body: text("I did not receive the SMS, could you send the code by email instead?"),
      communicationType: "email",
      status: "sent",
      seen: true,
    },
    {
      atMs: anchorMs - 19 * HOUR_MS,
      incoming: false,
      body: text("Sorry about that! The door code is {code}. It will also be in the check-in email."),
      communicationType: "email",
      status: "sent",
    },
    {
      atMs: arrivalMs - 2 * DAY_MS + 10 * HOUR_MS,
      insertedMs: bookedMs + 3 * MINUTE_MS,
      incoming: false,
      body: text(AUTOMATIONS.checkIn.body),
      communicationType: "email",
      status: "awaiting",
      automation: AUTOMATIONS.checkIn,
    },
  ];
  return { type: "host-guest-email", messages };
}

/** A short thread in the guest's words, ending recently. */
export function planShortThread(
  context: BookingContext,
  lines: readonly (readonly [incoming: boolean, body: string])[],
  medium: CommunicationType,
): PlannedConversation {
  const values = placeholders(context);
  const startMs = Math.max(
    parseHostawayTime(context.reservation.reservationDate) + 30 * MINUTE_MS,
    context.anchorMs - 6 * DAY_MS,
  );
  const step = Math.floor((context.anchorMs - HOUR_MS - startMs) / Math.max(1, lines.length));
  return {
    type: medium === "channel" ? "host-guest-channel" : "host-guest-email",
    messages: lines.map(([incoming, body], i) => ({
      atMs: startMs + i * step,
      incoming,
      body: fill(body, values),
      communicationType: medium,
      status: "sent" as const,
      seen: true,
    })),
  };
}

/** One booking whose messages travel over email, sms, whatsapp and the OTA channel (Airbnb). */
export function planAllChannels(context: BookingContext): PlannedConversation {
  const values = placeholders(context);
  const startMs = context.anchorMs - 4 * DAY_MS;
  const lines: readonly (readonly [boolean, CommunicationType, string])[] = [
    [true, "channel", "Hi {guest} here, just booked through Airbnb. Can we talk on WhatsApp?"],
    [false, "channel", "Hi {guest}! Sure, I will message you there. I also sent the house guide by email."],
    [false, "email", "Hi {guest}, attached is the house guide for {listing}."],
    [true, "email", "Got the guide, thank you!"],
    [false, "sms", "Hi {guest}, this is your host. Your lockbox code is {code}."],
    [true, "sms", "Thanks, received."],
    [false, "whatsapp", "Hello from WhatsApp! Let me know when you land."],
    [true, "whatsapp", "Just landed, taking a taxi now. Here is a photo of the street sign, is this right?"],
    [false, "whatsapp", "Yes, that is the one. Welcome!"],
  ];
  const messages: PlannedMessage[] = lines.map(([incoming, medium, body], i) => ({
    atMs: startMs + i * 7 * HOUR_MS,
    incoming,
    body: fill(body, values),
    communicationType: medium,
    status: "sent",
    seen: true,
  }));
  // Fallback timestamps: one message without `date`, one without `date` and `sentChannelDate`.
  const guide = messages[2];
  if (guide) {
    guide.withoutDate = true;
    guide.attachment = {
      name: "house-guide.pdf",
      extension: "pdf",
      mimeType: "application/pdf",
      isImage: false,
    };
  }
  const sms = messages[4];
  if (sms) {
    sms.withoutDate = true;
    sms.withoutSentChannelDate = true;
  }
  const photo = messages[7];
  if (photo)
    photo.attachment = { name: "street.jpeg", extension: "jpeg", mimeType: "image/jpeg", isImage: true };
  return { type: "host-guest-channel", messages };
}

export const EMOJI_LINES: readonly (readonly [boolean, string])[] = [
  [true, "こんにちは！チェックインは何時からですか？🙏"],
  [false, "Hi {guest}! Check-in is from 15:00 🕒 See you soon 😊"],
  [true, "ありがとうございます 🎉🇯🇵 We are a family of four 👨‍👩‍👧‍👦"],
  [false, "Wonderful! Кроватка для малыша тоже есть 👶🏽 (a cot is ready)"],
  [true, "Perfect 👍🏽 مرحبا and thanks! Also: is the café ☕ nearby open on Sundays?"],
  [false, "Yes ✅ it opens at 8:00. Enjoy 🌸"],
];

export const ACCENTED_LINES: readonly (readonly [boolean, string])[] = [
  [true, "¡Hola! Soy José. ¿Podemos llegar a las 14:00?"],
  [false, "Hola José, sí, el apartamento estará listo a las 14:00."],
  [true, "Perfecto, ¡muchas gracias! ¿Hay una farmacia cerca?"],
  [false, "Sí, hay una farmacia a dos calles, abierta hasta las 21:00."],
];

export const SIMILAR_NAME_LINES: readonly (readonly [boolean, string])[] = [
  [true, "Hi, Jose Garcia Lopez here. Is the pool heated in November?"],
  [false, "Hi Jose, yes, it is heated all year round."],
];

export const SCHMIDT_A_LINES: readonly (readonly [boolean, string])[] = [
  [true, "Hallo, hier ist Anna Schmidt. Wir kommen gegen 18 Uhr an."],
  [false, "Hallo Anna, danke für die Info! Der Code für die Schlüsselbox kommt morgen."],
  [true, "Super, vielen Dank!"],
];

export const SCHMIDT_B_LINES: readonly (readonly [boolean, string])[] = [
  [true, "Hi, this is Lukas Schmidt. Can I bring my bike inside?"],
  [false, "Hi Lukas, there is a bike room in the basement."],
];
