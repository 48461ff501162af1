import type { ReservationActivity } from "../dataset/dataset-index.js";
import type { SandboxReservation } from "../dataset/types.js";
import { type Envelope, page, single, whole } from "../http/envelope.js";
import { badRequest, notFound } from "../http/http-error.js";
import { readPaging } from "../http/query.js";
import { ok, pathId, type Route, type RouteContext } from "../http/route.js";
import { foldText } from "../util/fold-text.js";
import { fullReservation, listedReservation, renderConversation } from "./render.js";

/** REFERENCE.md §6.2. Without a sort order: `updatedOn DESC, id DESC`. */
export const RESERVATION_SORT_ORDERS = [
  "arrivalDate",
  "arrivalDateDesc",
  "lastConversationMessageSent",
  "lastConversationMessageSentDesc",
  "lastConversationMessageReceived",
  "lastConversationMessageReceivedDesc",
  "latestActivity",
  "latestActivityDesc",
  "updatedOn",
] as const;
type ReservationSortOrder = (typeof RESERVATION_SORT_ORDERS)[number];

type SortKey = (reservation: SandboxReservation, activity: ReservationActivity) => string | null;

const SORT_KEYS: Record<ReservationSortOrder | "default", { key: SortKey; descending: boolean }> = {
  default: { key: (r) => r.updatedOn, descending: true },
  updatedOn: { key: (r) => r.updatedOn, descending: false },
  arrivalDate: { key: (r) => r.arrivalDate, descending: false },
  arrivalDateDesc: { key: (r) => r.arrivalDate, descending: true },
  lastConversationMessageSent: { key: (_, a) => a.lastMessageSentOn, descending: false },
  lastConversationMessageSentDesc: { key: (_, a) => a.lastMessageSentOn, descending: true },
  lastConversationMessageReceived: { key: (_, a) => a.lastMessageReceivedOn, descending: false },
  lastConversationMessageReceivedDesc: { key: (_, a) => a.lastMessageReceivedOn, descending: true },
  latestActivity: { key: (r) => r.latestActivityOn, descending: false },
  latestActivityDesc: { key: (r) => r.latestActivityOn, descending: true },
};

/**
 * A total order: the sort key, then the id in the same direction. Bookings without the key (no message sent
 * or received) come last in both directions — Hostaway does not say where they go.
 */
function comparator(context: RouteContext, order: ReservationSortOrder | "default") {
  const { key, descending } = SORT_KEYS[order];
  const activity = (r: SandboxReservation) => context.index.activity.get(r.id) as ReservationActivity;
  return (a: SandboxReservation, b: SandboxReservation): number => {
    const ka = key(a, activity(a));
    const kb = key(b, activity(b));
    if (ka !== kb) {
      if (ka === null) return 1;
      if (kb === null) return -1;
      return (ka < kb ? -1 : 1) * (descending ? -1 : 1);
    }
    return (a.id - b.id) * (descending ? -1 : 1);
  };
}

export function findReservation(context: RouteContext): SandboxReservation {
  const reservation = context.index.reservationsById.get(pathId(context, "id"));
  if (!reservation) throw notFound(`Reservation ${context.path.id}`);
  return reservation;
}

function listReservations(context: RouteContext): Envelope<Record<string, unknown>[]> {
  const { query, index } = context;
  const { limit, offset } = readPaging(query, context.settings.pageSizeCap);
  // The docs' samples send `order=` where the table says `sortOrder` (REFERENCE.md §10.11): accept both.
  const sortOrder =
    query.oneOf("sortOrder", RESERVATION_SORT_ORDERS) ??
    query.oneOf("order", RESERVATION_SORT_ORDERS) ??
    "default";
  const afterId = query.integer("afterId", { min: 1 });
  const filters = {
    channelId: query.integer("channelId"),
    listingId: query.integer("listingId"),
    assigneeUserId: query.integer("assigneeUserId"),
    match: query.string("match"),
    guestEmail: query.string("guestEmail")?.toLowerCase(),
    arrivalStart: query.date("arrivalStartDate"),
    arrivalEnd: query.date("arrivalEndDate"),
    departureStart: query.date("departureStartDate"),
    departureEnd: query.date("departureEndDate"),
    activityStart: query.dateTime("latestActivityStart", "start"),
    activityEnd: query.dateTime("latestActivityEnd", "end"),
    unread: query.flag("hasUnreadConversationMessages"),
    isStarred: query.flag("isStarred"),
    isArchived: query.flag("isArchived"),
    isPinned: query.flag("isPinned"),
    customerUserId: query.string("customerUserId"),
    reservationAgreement: query.oneOf("reservationAgreement", ["not_required", "signed", "not_signed"]),
  };
  const includeResources = query.flag("includeResources") ?? false;
  const includeCancellationPolicy = query.flag("includeCancellationPolicy") ?? false;
  const includePayments = query.flag("includePayments") ?? false;
  const folded = filters.match === undefined ? undefined : foldText(filters.match);
  const flag = (wanted: boolean | undefined, value: unknown) =>
    wanted === undefined || (value === 1) === wanted;

  const matching = index.data.reservations.filter((r) => {
    const activity = index.activity.get(r.id) as ReservationActivity;
    return (
      (filters.channelId === undefined || r.channelId === filters.channelId) &&
      (filters.listingId === undefined || r.listingMapId === filters.listingId) &&
      (filters.assigneeUserId === undefined || r.assigneeUserId === filters.assigneeUserId) &&
      (folded === undefined || activity.foldedGuestName.includes(folded)) &&
      (filters.guestEmail === undefined || r.guestEmail?.toLowerCase() === filters.guestEmail) &&
      (filters.arrivalStart === undefined || r.arrivalDate >= filters.arrivalStart) &&
      (filters.arrivalEnd === undefined || r.arrivalDate <= filters.arrivalEnd) &&
      (filters.departureStart === undefined || r.departureDate >= filters.departureStart) &&
      (filters.departureEnd === undefined || r.departureDate <= filters.departureEnd) &&
      (filters.activityStart === undefined || r.latestActivityOn >= filters.activityStart) &&
      (filters.activityEnd === undefined || r.latestActivityOn <= filters.activityEnd) &&
      (filters.unread === undefined || activity.hasUnreadMessages === filters.unread) &&
      flag(filters.isStarred, r.isStarred) &&
      flag(filters.isArchived, r.isArchived) &&
      flag(filters.isPinned, r.isPinned) &&
      (filters.customerUserId === undefined || r.customerUserId === filters.customerUserId) &&
      (filters.reservationAgreement === undefined || r.reservationAgreement === filters.reservationAgreement)
    );
  });
  const compare = comparator(context, sortOrder);
  matching.sort(compare);
  const render = (r: SandboxReservation) =>
    listedReservation(r, { includeResources, includeCancellationPolicy, includePayments });

  if (afterId !== undefined) {
    // REFERENCE.md §6.2: the cursor returns the bookings after `afterId` in the sort order; offset is ignored.
    const cursor = index.reservationsById.get(afterId);
    if (!cursor) throw badRequest(`Invalid "afterId": reservation ${afterId} does not exist`);
    const skipped = matching.filter((r) => compare(r, cursor) <= 0).length;
    const items = matching.slice(skipped, skipped + limit).map(render);
    return {
      status: "success",
      result: items,
      limit,
      offset: null,
      count: matching.length,
      page: Math.floor(skipped / limit) + 1,
      totalPages: Math.ceil(matching.length / limit),
    };
  }
  return page(matching.slice(offset, offset + limit).map(render), matching.length, limit, offset);
}

export const reservationRoutes: Route[] = [
  {
    method: "GET",
    template: "/v1/reservations",
    requiresToken: true,
    handle: (context) => ok(listReservations(context)),
  },
  {
    method: "GET",
    template: "/v1/reservations/:id",
    requiresToken: true,
    handle(context) {
      const reservation = findReservation(context);
      const includeResources = context.query.flag("includeResources") ?? false;
      const includePayments = context.query.flag("includePayments") ?? false;
      return ok(single(fullReservation(reservation, { includeResources, includePayments })));
    },
  },
  {
    method: "GET",
    template: "/v1/reservations/:id/conversations",
    requiresToken: true,
    handle(context) {
      const reservation = findReservation(context);
      const conversations = context.index.conversationsByReservation.get(reservation.id) ?? [];
      return ok(whole(conversations.map((conversation) => renderConversation(context.index, conversation))));
    },
  },
];
