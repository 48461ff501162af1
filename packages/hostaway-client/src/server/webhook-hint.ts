import type { Invalidation } from "../create-client.js";

/** What a webhook delivery means for the read cache. */
export type WebhookHint =
  | { kind: "expire"; event: string; invalidation: Invalidation; expired: string[] }
  | { kind: "ignored"; event: string | null; reason: string };

/**
 * Reads a unified-webhook delivery as a hint (REFERENCE.md §9: Hostaway does not document the payload). Accepted
 * shapes, as public receivers see them: `{ event | eventType, object, objectId, data | payload.data }`.
 * - `message.received` (object `conversationMessage`): the message's conversation and booking;
 * - `reservation.created` / `reservation.updated` (every modification, cancellations included): the reservation,
 *   its thread context and its listing's availability; a new one also makes every reservation list stale.
 * Anything else, a test ping (`data: "test"`) included, is ignored. Nothing here trusts the payload's content
 * beyond ids: the cache re-reads what it expires.
 */
export function interpretWebhook(body: unknown): WebhookHint {
  if (!isRecord(body)) return { kind: "ignored", event: null, reason: "the body is not a JSON object" };
  const event = text(body.event) ?? text(body.eventType);
  if (event === undefined) return { kind: "ignored", event: null, reason: "no event or eventType" };
  const payload = isRecord(body.payload) ? body.payload : undefined;
  const data = isRecord(body.data) ? body.data : isRecord(payload?.data) ? payload.data : {};
  const object = text(body.object);
  const objectId = id(body.objectId);

  switch (event) {
    case "message.received": {
      const conversationId = id(data.conversationId) ?? (object === "conversation" ? objectId : undefined);
      // `reservationId` is the Hostaway id on a message (REFERENCE.md §10.7).
      const bookingId = id(data.reservationId);
      if (conversationId === undefined && bookingId === undefined) {
        return { kind: "ignored", event, reason: "no conversationId or reservationId in the message" };
      }
      return expire(event, { conversationId, bookingId });
    }
    case "reservation.created":
    case "reservation.updated": {
      // On a reservation, `id` is the Hostaway id; its `reservationId` is the channel's code (REFERENCE.md §10.7).
      const bookingId =
        id(data.id) ?? (object === "reservation" || object === undefined ? objectId : undefined);
      if (bookingId === undefined) return { kind: "ignored", event, reason: "no reservation id" };
      return expire(event, {
        bookingId,
        calendarOf: id(data.listingMapId),
        reservationLists: event === "reservation.created" ? true : undefined,
      });
    }
    default:
      return { kind: "ignored", event, reason: "not an event the cache depends on" };
  }
}

function expire(event: string, invalidation: Invalidation): WebhookHint {
  const expired = [
    ...(invalidation.conversationId === undefined ? [] : [`conversation:${invalidation.conversationId}`]),
    ...(invalidation.bookingId === undefined ? [] : [`booking:${invalidation.bookingId}`]),
    ...(invalidation.calendarOf === undefined ? [] : [`calendar:${invalidation.calendarOf}`]),
    ...(invalidation.reservationLists ? ["reservation lists"] : []),
  ];
  const defined = Object.fromEntries(Object.entries(invalidation).filter(([, value]) => value !== undefined));
  return { kind: "expire", event, invalidation: defined, expired };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** A positive whole id, sent as a number or a numeric string (REFERENCE.md §10.6). */
function id(value: unknown): number | undefined {
  const number = typeof value === "string" && /^\d{1,15}$/.test(value.trim()) ? Number(value) : value;
  return typeof number === "number" && Number.isSafeInteger(number) && number > 0 ? number : undefined;
}
