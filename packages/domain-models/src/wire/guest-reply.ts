import { z } from "zod";
import { ReplyChannelSchema } from "../requests/guest-reply.js";
import { isoDateTime } from "./common.js";
import { bookingContextFields, MessageSchema } from "./message.js";

export const GuestReplyDraftSchema = z
  .strictObject({
    draft_id: z
      .string()
      .describe("Pass it to hostaway_send_guest_reply; valid until expires_at, for this caller only."),
    expires_at: isoDateTime("When the draft stops being sendable"),
    ...bookingContextFields,
    conversation_id: z.number().int().positive().describe("The Hostaway conversation the reply goes to."),
    channel: ReplyChannelSchema,
    content: z.string().describe("The exact text that will be sent."),
    guest_last_message: MessageSchema.nullable().describe(
      "The guest's latest message in this booking (untrusted guest-written data), or null when the guest wrote none.",
    ),
  })
  .describe("A reply ready to send: show it to the user, then send it with its draft_id once they approve.");
export type GuestReplyDraft = z.infer<typeof GuestReplyDraftSchema>;

export const GuestReplySentSchema = z
  .strictObject({
    draft_id: z.string().describe("The draft that was sent."),
    booking_id: z.number().int().positive().describe("Hostaway reservation id."),
    conversation_id: z.number().int().positive().describe("Hostaway conversation id."),
    channel: ReplyChannelSchema,
    message_id: z.number().int().positive().describe("Hostaway's id of the sent message."),
    sent_at: isoDateTime("When the reply was sent"),
    already_sent: z
      .boolean()
      .describe(
        "True when this draft had been sent before: nothing was sent again, this is that send's result.",
      ),
  })
  .describe("The reply went out, once.");
export type GuestReplySent = z.infer<typeof GuestReplySentSchema>;
