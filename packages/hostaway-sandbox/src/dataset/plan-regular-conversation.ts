import { DAY_MS, HOUR_MS, MINUTE_MS, parseHostawayTime } from "../util/dates.js";
import type { Random } from "../util/prng.js";
import { CHANNELS } from "./channels.js";
import type { PlannedConversation, PlannedMessage } from "./conversation-plan.js";
import { AUTOMATIONS, type AutomationTemplate, fill, type MessageTopic } from "./message-bodies.js";
import { plannedExchange, spokenMessage, type ThreadVoice } from "./plan-exchange.js";
import type { CommunicationType, SandboxListing, SandboxReservation } from "./types.js";

export interface BookingContext {
  reservation: SandboxReservation;
  listing: SandboxListing;
  anchorMs: number;
}

export function placeholders(context: BookingContext): Record<string, string> {
  return {
    guest: context.reservation.guestFirstName,
    listing: context.listing.name,
    city: context.listing.city,
    code: String(context.reservation.doorCode ?? "0000"),
    wifi: String(context.listing.wifiUsername ?? "guest-wifi"),
  };
}

/** The medium the guest uses: the OTA's own messaging for OTA bookings, email (sometimes sms/whatsapp) otherwise. */
function mediumFor(random: Random, reservation: SandboxReservation): CommunicationType {
  const ota = Object.values(CHANNELS).find((channel) => channel.id === reservation.channelId);
  if (ota?.messagesThroughChannel) return "channel";
  return random.weighted<CommunicationType>([
    ["email", 75],
    ["sms", 15],
    ["whatsapp", 10],
  ]);
}

/**
 * A believable thread for an ordinary booking: enquiry or confirmation, pre-arrival questions, stay questions,
 * check-out and review messages, each only if it already happened at the anchor (automations due later are
 * `awaiting`). plan-recent-questions.ts adds a question in the week before the anchor to some upcoming bookings.
 */
export function planRegularConversation(random: Random, context: BookingContext): PlannedConversation | null {
  const { reservation, anchorMs } = context;
  if (reservation.status === "ownerStay") return null;
  if (reservation.channelId === CHANNELS.expedia.id && random.chance(0.4)) return null;
  if (random.chance(0.03)) return null;

  const medium = mediumFor(random, reservation);
  const values = placeholders(context);
  const locale = typeof reservation.guestLocale === "string" ? reservation.guestLocale : null;
  const localise = random.chance(0.5);
  const bookedMs = parseHostawayTime(reservation.reservationDate);
  const arrivalMs = parseHostawayTime(reservation.arrivalDate);
  const departureMs = parseHostawayTime(reservation.departureDate);
  const messages: PlannedMessage[] = [];

  const voice: ThreadVoice = { anchorMs, values, locale, localise, communicationType: medium };
  const say = (topic: MessageTopic, atMs: number, incoming: boolean, variant: number): void => {
    const message = spokenMessage(voice, topic, atMs, incoming, variant);
    if (message) messages.push(message);
  };
  const exchange = (question: MessageTopic, answer: MessageTopic, atMs: number): void => {
    messages.push(...plannedExchange(random, voice, question, answer, atMs));
  };
  const automate = (template: AutomationTemplate, dueMs: number): void => {
    const scheduled = dueMs > anchorMs;
    messages.push({
      atMs: dueMs,
      insertedMs: scheduled ? bookedMs + 3 * MINUTE_MS : dueMs,
      incoming: false,
      body: fill(template.body, values),
      communicationType: medium === "channel" ? "channel" : "email",
      status: scheduled ? "awaiting" : "sent",
      automation: { event: template.event, timeDelta: template.timeDelta },
    });
  };

  const status = reservation.status;
  if (status.startsWith("inquiry") || status === "declined" || status === "expired") {
    exchange("inquiry", "inquiryReply", bookedMs + MINUTE_MS);
    if (status === "inquiry" && random.chance(0.5)) {
      say("recentQuestion", anchorMs - random.int(30, 6 * 24 * 60) * MINUTE_MS, true, random.int(0, 9));
    }
    return { type: medium === "channel" ? "host-guest-channel" : "host-guest-email", messages };
  }

  automate(AUTOMATIONS.confirmation, bookedMs + 2 * MINUTE_MS);
  if (random.chance(0.6)) exchange("intro", "introReply", bookedMs + random.int(5, 600) * MINUTE_MS);

  if (status === "cancelled" && typeof reservation.cancellationDate === "string") {
    const cancelledMs = parseHostawayTime(reservation.cancellationDate);
    say("cancelRequest", cancelledMs - 30 * MINUTE_MS, true, random.int(0, 9));
    say("cancelReply", cancelledMs + 20 * MINUTE_MS, false, random.int(0, 9));
    return { type: medium === "channel" ? "host-guest-channel" : "host-guest-email", messages };
  }

  automate(AUTOMATIONS.checkIn, arrivalMs - 2 * DAY_MS + 10 * HOUR_MS);
  if (random.chance(0.5))
    exchange("preArrivalQuestion", "preArrivalReply", arrivalMs - DAY_MS + random.int(8, 20) * HOUR_MS);
  if (random.chance(0.4))
    exchange("stayQuestion", "stayReply", arrivalMs + DAY_MS + random.int(8, 21) * HOUR_MS);
  automate(AUTOMATIONS.checkout, departureMs - DAY_MS + 18 * HOUR_MS);
  if (departureMs + DAY_MS <= anchorMs) {
    automate(AUTOMATIONS.review, departureMs + DAY_MS + 10 * HOUR_MS);
    if (random.chance(0.4))
      exchange("afterStay", "afterStayReply", departureMs + DAY_MS + random.int(11, 20) * HOUR_MS);
  }
  if (medium !== "email" && random.chance(0.1)) {
    const photo = messages.find((message) => message.incoming);
    if (photo)
      photo.attachment = { name: "photo.jpeg", extension: "jpeg", mimeType: "image/jpeg", isImage: true };
  }
  return { type: medium === "channel" ? "host-guest-channel" : "host-guest-email", messages };
}
