import type { SandboxConversation } from "../dataset/types.js";
import { page, single } from "../http/envelope.js";
import { notFound } from "../http/http-error.js";
import { readPaging } from "../http/query.js";
import { ok, pathId, type Route, type RouteContext } from "../http/route.js";
import { latestOf } from "../util/dates.js";
import { renderConversation } from "./render.js";

function findConversation(context: RouteContext): SandboxConversation {
  const conversation = context.index.conversationsById.get(pathId(context, "id"));
  if (!conversation) throw notFound(`Conversation ${context.path.id}`);
  return conversation;
}

const lastActivity = (c: SandboxConversation): string =>
  latestOf([c.messageSentOn, c.messageReceivedOn]) ?? "";

export const conversationRoutes: Route[] = [
  {
    method: "GET",
    template: "/v1/conversations",
    requiresToken: true,
    handle(context) {
      const { limit, offset } = readPaging(context.query, context.settings.pageSizeCap);
      const reservationId = context.query.integer("reservationId");
      const source =
        reservationId === undefined
          ? context.index.data.conversations
          : (context.index.conversationsByReservation.get(reservationId) ?? []);
      // Hostaway documents no order (REFERENCE.md §6.3); the sandbox lists the most recently active first.
      const sorted = [...source].sort(
        (a, b) => lastActivity(b).localeCompare(lastActivity(a)) || b.id - a.id,
      );
      const items = sorted.slice(offset, offset + limit).map((c) => renderConversation(context.index, c));
      return ok(page(items, sorted.length, limit, offset));
    },
  },
  {
    method: "GET",
    template: "/v1/conversations/:id",
    requiresToken: true,
    handle: (context) => ok(single(renderConversation(context.index, findConversation(context)))),
  },
  {
    method: "GET",
    template: "/v1/conversations/:id/messages",
    requiresToken: true,
    handle(context) {
      const conversation = findConversation(context);
      const { limit, offset } = readPaging(context.query, context.settings.pageSizeCap);
      // REFERENCE.md §6.3: only `sent` messages unless includeScheduledMessages=1.
      const includeScheduled = context.query.flag("includeScheduledMessages") ?? false;
      const all = context.index.messagesByConversation.get(conversation.id) ?? [];
      const visible = includeScheduled ? all : all.filter((message) => message.status === "sent");
      return ok(page(visible.slice(offset, offset + limit), visible.length, limit, offset));
    },
  },
  {
    method: "GET",
    template: "/v1/conversations/:id/messages/:messageId",
    requiresToken: true,
    handle(context) {
      const conversation = findConversation(context);
      const messageId = pathId(context, "messageId");
      const message = context.index.messagesByConversation
        .get(conversation.id)
        ?.find((m) => m.id === messageId);
      if (!message) throw notFound(`Conversation message ${context.path.messageId}`);
      return ok(single(message));
    },
  },
];
