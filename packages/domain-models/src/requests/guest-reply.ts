import { z } from "zod";
import { bookingIdField } from "./fields.js";

/** Hostaway's longest documented message is not stated; 5,000 characters covers any reply a host writes. */
export const MAX_REPLY_CHARACTERS = 5000;

/** The channels a reply can be sent on (Hostaway's `communicationType`, REFERENCE.md §7 "Sending"). */
export const ReplyChannelSchema = z
  .enum(["email", "sms", "whatsapp", "platform"])
  .describe(
    "Where the reply goes: email, sms, whatsapp, or platform (the booking channel's own inbox, e.g. Airbnb). " +
      "Default: the channel of the guest's latest message.",
  );
export type ReplyChannel = z.infer<typeof ReplyChannelSchema>;

export const PrepareGuestReplyRequestSchema = z
  .strictObject({
    booking_id: bookingIdField("Hostaway reservation id whose guest to answer."),
    content: z
      .string({ error: "content must be the reply's text" })
      .describe(`The exact text to send, 1 to ${MAX_REPLY_CHARACTERS} characters.`),
    channel: ReplyChannelSchema.optional(),
  })
  .describe("Draft a reply to a booking's guest: nothing is sent.");
export type PrepareGuestReplyRequest = z.infer<typeof PrepareGuestReplyRequestSchema>;

export const SendGuestReplyRequestSchema = z
  .strictObject({
    draft_id: z
      .string({ error: "draft_id must be the id a prepared draft returned" })
      .regex(/^[A-Za-z0-9_-]{10,64}$/, { error: "draft_id must be the id a prepared draft returned" })
      .describe("The draft to send, from hostaway_prepare_guest_reply."),
    confirm: z
      .boolean({ error: "confirm must be true (the user has seen and approved the preview)" })
      .optional()
      .describe(
        "true once the user has approved the preview; required unless the client confirms by elicitation.",
      ),
  })
  .describe("Send a prepared reply, exactly as drafted, once.");
export type SendGuestReplyRequest = z.infer<typeof SendGuestReplyRequestSchema>;
