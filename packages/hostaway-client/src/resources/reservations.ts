import {
  type HostawayConversation,
  HostawayConversationSchema,
  type HostawayReservation,
  HostawayReservationSchema,
  hostawayEnvelope,
} from "@hostaway-mcp/domain-models";
import { z } from "zod";
import { parseArguments, requireId } from "../arguments.js";
import { freshness, type ResourceCache } from "../cache/resource-cache.js";
import { readKey, reservationSignature } from "../cache/signatures.js";
import { type Page, toPage } from "../page.js";
import { toSearchParams } from "../query-string.js";
import { type RequestOptions, splitRequestOptions, type Transport } from "../transport.js";
import { parseResponse } from "../validate-response.js";
import { recordConversationSignals } from "./conversations.js";
import { isoDate, orderedRange, pageLimit, pageOffset, positiveId, searchText } from "./query-fields.js";

/**
 * `GET /v1/reservations` filters and sorts (REFERENCE.md §6.2). Hostaway documents no status or channel-name
 * filter. `offset` is deprecated and ignored when `afterId` is given. `includePayments` (for `remainingBalance`)
 * appears only in the object's field description, not in the parameter table (§10.11).
 */
export const ReservationsQuerySchema = z
  .strictObject({
    limit: pageLimit.optional(),
    offset: pageOffset.optional(),
    /** Cursor: reservations after this id in the sort order; pass the last id of the previous page. */
    afterId: positiveId.optional(),
    /** The docs' table says `sortOrder` (the samples say `order`, §10.11); the table wins. */
    sortOrder: z
      .enum([
        "arrivalDate",
        "arrivalDateDesc",
        "lastConversationMessageSent",
        "lastConversationMessageSentDesc",
        "lastConversationMessageReceived",
        "lastConversationMessageReceivedDesc",
        "latestActivity",
        "latestActivityDesc",
        "updatedOn",
      ])
      .optional(),
    channelId: positiveId.optional(),
    listingId: positiveId.optional(),
    assigneeUserId: positiveId.optional(),
    /** Search by guest name. */
    match: searchText.optional(),
    guestEmail: searchText.optional(),
    arrivalStartDate: isoDate.optional(),
    arrivalEndDate: isoDate.optional(),
    departureStartDate: isoDate.optional(),
    departureEndDate: isoDate.optional(),
    hasUnreadConversationMessages: z.boolean().optional(),
    isStarred: z.boolean().optional(),
    isArchived: z.boolean().optional(),
    isPinned: z.boolean().optional(),
    customerUserId: z.string().min(1).optional(),
    latestActivityStart: isoDate.optional(),
    latestActivityEnd: isoDate.optional(),
    reservationAgreement: z.enum(["not_required", "signed", "not_signed"]).optional(),
    includeResources: z.boolean().optional(),
    includeCancellationPolicy: z.boolean().optional(),
    includePayments: z.boolean().optional(),
  })
  .refine(...orderedRange("arrivalStartDate", "arrivalEndDate"))
  .refine(...orderedRange("departureStartDate", "departureEndDate"))
  .refine(...orderedRange("latestActivityStart", "latestActivityEnd"));
export type ReservationsQuery = z.input<typeof ReservationsQuerySchema>;

const ReservationGetSchema = z.strictObject({ includeResources: z.boolean().optional() });
export type ReservationGetOptions = RequestOptions & z.input<typeof ReservationGetSchema>;

const ReservationPageSchema = hostawayEnvelope(z.array(HostawayReservationSchema));
const ReservationEnvelopeSchema = hostawayEnvelope(HostawayReservationSchema);
const ConversationListSchema = hostawayEnvelope(z.array(HostawayConversationSchema));

export interface ReservationsResource {
  list(query?: ReservationsQuery, options?: RequestOptions): Promise<Page<HostawayReservation>>;
  get(id: number | string, options?: ReservationGetOptions): Promise<HostawayReservation>;
  /** `GET /v1/reservations/{id}/conversations` (REFERENCE.md §6.3). */
  conversations(id: number | string, options?: RequestOptions): Promise<HostawayConversation[]>;
}

export function createReservationsResource(transport: Transport, cache: ResourceCache): ReservationsResource {
  const list: ReservationsResource["list"] = async (query, options) => {
    const where = { method: "GET", path: "/reservations" } as const;
    const parsed = parseArguments(ReservationsQuerySchema, query, where, "reservations query");
    const read = await cache.read(
      {
        key: readKey("reservations.list", parsed),
        tags: ["reservations"],
        // A change to any reservation on the page drops the page.
        tagsOf: (page) => page.items.map((reservation) => `booking:${reservation.id}`),
        ...freshness(cache.settings.freshMs, options),
        // Each listed reservation's latestActivityOn is the signal a cached single read is revalidated by.
        onFetched: (page, at) =>
          Promise.all(
            page.items.map((reservation) =>
              cache.recordSignal(`reservation:${reservation.id}`, reservationSignature(reservation), at, [
                `booking:${reservation.id}`,
              ]),
            ),
          ).then(() => undefined),
      },
      async () => {
        const body = await transport.request({ ...where, query: toSearchParams(parsed) }, options);
        return toPage(parseResponse(ReservationPageSchema, body, where));
      },
    );
    return { ...read.value, readAt: read.readAt };
  };

  return {
    list,

    async get(id, options = {}) {
      const reservationId = requireId("id", id, { method: "GET", path: "/reservations/{id}" });
      const { request, rest } = splitRequestOptions(options);
      const where = { method: "GET", path: `/reservations/${reservationId}` } as const;
      const parsed = parseArguments(ReservationGetSchema, rest, where, "reservation options");
      const read = await cache.read(
        {
          key: readKey(`reservations.get:${reservationId}`, parsed),
          tags: [`booking:${reservationId}`],
          ...freshness(cache.settings.freshMs, options),
          // REFERENCE.md §8.3, §9: every modification moves latestActivityOn; a list read since shows it.
          signal: (maxAgeMs) => cache.signalOf(`reservation:${reservationId}`, maxAgeMs),
          signatureOf: reservationSignature,
        },
        async () => {
          const body = await transport.request({ ...where, query: toSearchParams(parsed) }, request);
          return parseResponse(ReservationEnvelopeSchema, body, where).result;
        },
      );
      return read.value;
    },

    async conversations(id, options) {
      const reservationId = requireId("id", id, { method: "GET", path: "/reservations/{id}/conversations" });
      const where = { method: "GET", path: `/reservations/${reservationId}/conversations` } as const;
      const read = await cache.read(
        {
          key: `reservations.conversations:${reservationId}`,
          tags: [`booking:${reservationId}`],
          ...freshness(cache.settings.freshMs, options),
          onFetched: (conversations, at) => recordConversationSignals(cache, conversations, at),
        },
        async () =>
          parseResponse(ConversationListSchema, await transport.request(where, options), where).result,
      );
      return read.value;
    },
  };
}
