import {
  type HostawayConversation,
  HostawayConversationSchema,
  type HostawayReservation,
  HostawayReservationSchema,
  hostawayEnvelope,
} from "@hostaway-mcp/domain-models";
import { z } from "zod";
import { parseArguments, requireId } from "../arguments.js";
import { type Page, toPage } from "../page.js";
import { toSearchParams } from "../query-string.js";
import type { RequestOptions, Transport } from "../transport.js";
import { parseResponse } from "../validate-response.js";
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

export function createReservationsResource(transport: Transport): ReservationsResource {
  const list: ReservationsResource["list"] = async (query, options) => {
    const where = { method: "GET", path: "/reservations" } as const;
    const parsed = parseArguments(ReservationsQuerySchema, query, where, "reservations query");
    const body = await transport.request({ ...where, query: toSearchParams(parsed) }, options);
    return toPage(parseResponse(ReservationPageSchema, body, where));
  };

  return {
    list,

    async get(id, options = {}) {
      const reservationId = requireId("id", id, { method: "GET", path: "/reservations/{id}" });
      const { signal, timeoutMs, deadlineMs, ...rest } = options;
      const where = { method: "GET", path: `/reservations/${reservationId}` } as const;
      const parsed = parseArguments(ReservationGetSchema, rest, where, "reservation options");
      const body = await transport.request(
        { ...where, query: toSearchParams(parsed) },
        { signal, timeoutMs, deadlineMs },
      );
      return parseResponse(ReservationEnvelopeSchema, body, where).result;
    },

    async conversations(id, options) {
      const reservationId = requireId("id", id, { method: "GET", path: "/reservations/{id}/conversations" });
      const where = { method: "GET", path: `/reservations/${reservationId}/conversations` } as const;
      const body = await transport.request(where, options);
      return parseResponse(ConversationListSchema, body, where).result;
    },
  };
}
