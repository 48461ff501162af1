import type { CommunicationType, SandboxConversation } from "../dataset/types.js";
import { page, single } from "../http/envelope.js";
import { badRequest, notFound } from "../http/http-error.js";
import { readPaging } from "../http/query.js";
import { ok, pathId, type Route, type RouteContext } from "../http/route.js";
import { COMMUNICATION_TYPES } from "../live/live-dataset.js";
import { latestOf } from "../util/dates.js";
import { renderConversation } from "./render.js";

function findConversation(context: RouteContext): SandboxConversation {
  const conversation = context.index.conversationsById.get(pathId(context, "id"));
  if (!conversation) throw notFound(`Conversation ${context.path.id}`);
  return conversation;
}

/**
 * The body of `POST /v1/conversations/{id}/messages` (REFERENCE.md §6.3, "Sending"): JSON `{ body,
 * communicationType? }`; the docs' examples also send it as text/plain, and a form is accepted too.
 */
function readSendBody(context: RouteContext): { body: string; communicationType: CommunicationType } {
  let fields: Record<string, unknown>;
  if (context.contentType?.includes("application/x-www-form-urlencoded")) {
    fields = {
      body: context.form.string("body"),
      communicationType: context.form.string("communicationType"),
    };
  } else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(context.body);
    } catch {
      throw badRequest('The request body must be JSON: {"body": "…", "communicationType": "email"}');
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
      throw badRequest('The request body must be a JSON object: {"body": "…", "communicationType": "email"}');
    fields = parsed as Record<string, unknown>;
  }
  const { body, communicationType } = fields;
  if (body === undefined || body === null || body === "")
    throw badRequest('"body" is required: the message text');
  if (typeof body !== "string")
    throw badRequest(`Invalid "body": expected a string, got ${JSON.stringify(body)}`);
  if (communicationType === undefined || communicationType === null)
    return { body, communicationType: "email" };
  if (!COMMUNICATION_TYPES.includes(communicationType as CommunicationType)) {
    throw badRequest(
      `Invalid "communicationType": expected one of ${COMMUNICATION_TYPES.join(", ")}, got ${JSON.stringify(communicationType)}`,
    );
  }
  return { body, communicationType: communicationType as CommunicationType };
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
    method: "POST",
    template: "/v1/conversations/:id/messages",
    requiresToken: true,
    handle(context) {
      const conversation = findConversation(context);
      const { body, communicationType } = readSendBody(context);
      // The same path as sandbox.addMessage: recorded as a sent host message, webhook included. The docs do not
      // say which status a sent message has (REFERENCE.md §7); "sent", so the default list shows it.
      const message = context.live.addMessage({
        conversationId: conversation.id,
        body,
        communicationType,
        isIncoming: false,
      });
      return ok(single(message));
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
