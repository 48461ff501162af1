import {
  type HostawayConversation,
  HostawayConversationSchema,
  type HostawayMessage,
  HostawayMessageSchema,
  hostawayEnvelope,
} from "@hostaway-mcp/domain-models";
import { z } from "zod";
import { parseArguments, requireId } from "../arguments.js";
import type { ReadPolicy } from "../cache/read-cache.js";
import { freshness, type ResourceCache } from "../cache/resource-cache.js";
import { conversationSignature, readKey } from "../cache/signatures.js";
import { type Page, toPage } from "../page.js";
import { toSearchParams } from "../query-string.js";
import { type RequestOptions, splitRequestOptions, type Transport } from "../transport.js";
import { parseResponse } from "../validate-response.js";
import { conversationsOfReservations } from "./conversations-of-reservations.js";
import { pageLimit, pageOffset, positiveId } from "./query-fields.js";

/** `GET /v1/conversations` (REFERENCE.md §6.3): `reservationId` is the only documented filter. */
export const ConversationsQuerySchema = z.strictObject({
  reservationId: positiveId.optional(),
  limit: pageLimit.optional(),
  offset: pageOffset.optional(),
  includeResources: z.boolean().optional(),
});
export type ConversationsQuery = z.input<typeof ConversationsQuerySchema>;

/**
 * `GET /v1/conversations/{id}/messages` (REFERENCE.md §6.3). Without `includeScheduledMessages` Hostaway returns
 * only `sent` messages; with it, scheduled, failed and cancelled ones too. No order is documented (§11).
 */
export const MessagesQuerySchema = z.strictObject({
  limit: pageLimit.optional(),
  offset: pageOffset.optional(),
  includeScheduledMessages: z.boolean().optional(),
});
export type MessagesQuery = z.input<typeof MessagesQuerySchema>;

const ConversationGetSchema = z.strictObject({ includeResources: z.boolean().optional() });
export type ConversationGetOptions = RequestOptions & z.input<typeof ConversationGetSchema>;

const ConversationPageSchema = hostawayEnvelope(z.array(HostawayConversationSchema));
const ConversationEnvelopeSchema = hostawayEnvelope(HostawayConversationSchema);
const MessagePageSchema = hostawayEnvelope(z.array(HostawayMessageSchema));

export interface ConversationsResource {
  list(query?: ConversationsQuery, options?: RequestOptions): Promise<Page<HostawayConversation>>;
  get(id: number | string, options?: ConversationGetOptions): Promise<HostawayConversation>;
  messages(
    id: number | string,
    query?: MessagesQuery,
    options?: RequestOptions,
  ): Promise<Page<HostawayMessage>>;
  /**
   * The conversations of many bookings, each booking's page 1 (up to 100) by id, in as few requests as their
   * number allows: see `conversationsOfReservations`.
   */
  ofReservations(
    reservationIds: readonly number[],
    options?: RequestOptions,
  ): Promise<Map<number, Page<HostawayConversation>>>;
  /**
   * Sends a message in a conversation (`POST /conversations/{id}/messages`, REFERENCE.md §6.3 and §7 "Sending"):
   * `body` is the text, `communicationType` one of `email` (Hostaway's default), `channel`, `sms`, `whatsapp`.
   * A write: it is never replayed. A `HostawayTimeoutError` or `HostawayNetworkError` with `sent: true` means the
   * outcome is unknown (the message may have gone out): check the conversation before sending again
   * (`isUnknownOutcome`). On success the conversation's and its booking's cached entries are dropped, so the next
   * read shows the message.
   */
  send(
    conversationId: number | string,
    message: SendMessageInput,
    options?: Pick<RequestOptions, "signal" | "timeoutMs" | "deadlineMs">,
  ): Promise<HostawayMessage>;
}

export const SendMessageSchema = z.strictObject({
  body: z.string().trim().min(1, "body must not be empty"),
  communicationType: z.enum(["email", "channel", "sms", "whatsapp"]).optional(),
});
export type SendMessageInput = z.input<typeof SendMessageSchema>;
const MessageEnvelopeSchema = hostawayEnvelope(HostawayMessageSchema);

function bookingTags(items: readonly { reservationId?: number | null | undefined }[]): string[] {
  return [
    ...new Set(
      items.flatMap((item) => (item.reservationId == null ? [] : [`booking:${item.reservationId}`])),
    ),
  ];
}

/** The tags of a conversation's entries: its own, and its booking's. */
export function conversationTags(conversation: Pick<HostawayConversation, "id" | "reservationId">): string[] {
  const tags = [`conversation:${conversation.id}`];
  if (conversation.reservationId != null) tags.push(`booking:${conversation.reservationId}`);
  return tags;
}

/**
 * Records each conversation's state as just read: the signal its cached message pages are revalidated by (one
 * conversation-list read proves every page of every conversation in it current, or not).
 */
export async function recordConversationSignals(
  cache: ResourceCache,
  conversations: readonly HostawayConversation[],
  at: number,
  provenAt = at,
): Promise<void> {
  await Promise.all(
    conversations.map((conversation) =>
      cache.recordSignal(
        `conversation:${conversation.id}`,
        conversationSignature(conversation),
        at,
        conversationTags(conversation),
        provenAt,
      ),
    ),
  );
}

/**
 * How a conversation-list read is cached. Every list records its conversations' states (the signals their message
 * pages are proven by). A booking's list (`reservationId`) is also proven by its reservation's `latestActivityOn`
 * as a reservation list last showed it (an indirect proof, within `indirectMs` of the last direct one; Inference:
 * Hostaway moves `latestActivityOn` with every message, as the sandbox does, though REFERENCE.md does not say so)
 * — so one reservation-list read can prove the threads of every booking on it.
 */
export function conversationListPolicy(
  cache: ResourceCache,
  parsed: z.output<typeof ConversationsQuerySchema>,
  options: RequestOptions | undefined,
): ReadPolicy<Omit<Page<HostawayConversation>, "readAt">> {
  const { reservationId } = parsed;
  return {
    key: readKey("conversations.list", parsed),
    tags: reservationId === undefined ? ["conversations"] : [`booking:${reservationId}`],
    tagsOf: (page) => page.items.flatMap(conversationTags),
    ...freshness(cache.settings.freshMs, options),
    onFetched: (page, at) => recordConversationSignals(cache, page.items, at),
    ...(reservationId === undefined
      ? {}
      : {
          indirectSignal: (maxAgeMs) => cache.signalOf(`reservation:${reservationId}`, maxAgeMs),
          onRevalidated: (page, at, provenAt) => recordConversationSignals(cache, page.items, at, provenAt),
        }),
  };
}

export function createConversationsResource(
  transport: Transport,
  cache: ResourceCache,
): ConversationsResource {
  const resource: ConversationsResource = {
    ofReservations: (ids, options) => conversationsOfReservations(cache, resource.list, ids, options),

    async list(query, options) {
      const where = { method: "GET", path: "/conversations" } as const;
      const parsed = parseArguments(ConversationsQuerySchema, query, where, "conversations query");
      const read = await cache.read(conversationListPolicy(cache, parsed, options), async () => {
        const body = await transport.request({ ...where, query: toSearchParams(parsed) }, options);
        return toPage(parseResponse(ConversationPageSchema, body, where));
      });
      return { ...read.value, readAt: read.readAt };
    },

    async get(id, options = {}) {
      const conversationId = requireId("id", id, { method: "GET", path: "/conversations/{id}" });
      const { request, rest } = splitRequestOptions(options);
      const where = { method: "GET", path: `/conversations/${conversationId}` } as const;
      const parsed = parseArguments(ConversationGetSchema, rest, where, "conversation options");
      const read = await cache.read(
        {
          key: readKey(`conversations.get:${conversationId}`, parsed),
          tags: [`conversation:${conversationId}`],
          ...freshness(cache.settings.freshMs, options),
          onFetched: (conversation, at) => recordConversationSignals(cache, [conversation], at),
        },
        async () => {
          const body = await transport.request({ ...where, query: toSearchParams(parsed) }, request);
          return parseResponse(ConversationEnvelopeSchema, body, where).result;
        },
      );
      return read.value;
    },

    async send(id, message, options) {
      const conversationId = requireId("conversationId", id, {
        method: "POST",
        path: "/conversations/{id}/messages",
      });
      const where = { method: "POST", path: `/conversations/${conversationId}/messages` } as const;
      const parsed = parseArguments(SendMessageSchema, message, where, "message");
      const body = await transport.request({ ...where, json: parsed }, options);
      const sent = parseResponse(MessageEnvelopeSchema, body, where).result;
      const tags = [`conversation:${conversationId}`, ...bookingTags([sent])];
      await cache.invalidate(tags);
      return sent;
    },

    async messages(id, query, options) {
      const conversationId = requireId("id", id, { method: "GET", path: "/conversations/{id}/messages" });
      const where = { method: "GET", path: `/conversations/${conversationId}/messages` } as const;
      const parsed = parseArguments(MessagesQuerySchema, query, where, "messages query");
      const read = await cache.read(
        {
          key: readKey(`conversations.messages:${conversationId}`, parsed),
          tags: [`conversation:${conversationId}`],
          ...freshness(cache.settings.freshMs, options),
          // The conversation's state from the last conversation-list read proves this page current, or not.
          signal: (maxAgeMs) => cache.signalOf(`conversation:${conversationId}`, maxAgeMs),
          // A webhook may name only the booking: its messages say which one they belong to.
          tagsOf: (page) => bookingTags(page.items),
        },
        async () => {
          const body = await transport.request({ ...where, query: toSearchParams(parsed) }, options);
          return toPage(parseResponse(MessagePageSchema, body, where));
        },
      );
      return { ...read.value, readAt: read.readAt };
    },
  };
  return resource;
}
