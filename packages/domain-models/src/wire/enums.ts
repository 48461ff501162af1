import { z } from "zod";

/** Why an operation failed, in words an agent can act on. Shared by errors, batch failures and HTTP problems. */
export const ErrorTypeSchema = z
  .enum([
    "not_found",
    "unauthorized",
    "validation_error",
    "rate_limit",
    "timeout",
    "upstream_error",
    "internal_error",
  ])
  .describe(
    "Failure category: not_found (the id does not exist), unauthorized (Hostaway rejected the credentials), " +
      "validation_error (bad input; fix it and retry), rate_limit (wait retry_after_seconds), timeout (retry later), " +
      "upstream_error (Hostaway failed or sent something unreadable), internal_error (a bug on our side).",
  );
export type ErrorType = z.infer<typeof ErrorTypeSchema>;

/** The medium a message went through. `platform` means the booking channel's own inbox (Airbnb, Booking.com, …). */
export const MessageChannelSchema = z
  .enum(["email", "sms", "whatsapp", "platform", "in_app", "other"])
  .describe(
    "How the message travelled: email, sms, whatsapp, platform (the booking channel's own messaging, e.g. the " +
      "Airbnb inbox; see `platform` for which one), in_app, or other (unknown or undocumented).",
  );
export type MessageChannel = z.infer<typeof MessageChannelSchema>;

export const SenderTypeSchema = z
  .enum(["guest", "property_manager", "system"])
  .describe(
    "Who wrote the message: guest (incoming), property_manager (a person on the host side), or system " +
      "(an automated or scheduled message).",
  );
export type SenderType = z.infer<typeof SenderTypeSchema>;

export const DeliveryStatusSchema = z
  .enum(["sent", "delivered", "read", "failed", "scheduled", "cancelled"])
  .describe(
    "Delivery state: sent (outgoing, not yet seen), delivered (incoming, received), read (marked seen), failed " +
      "(could not be sent), scheduled (waiting or paused automation), cancelled (a scheduled message that was cancelled).",
  );
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

export const CalendarDayStatusSchema = z
  .enum(["available", "blocked", "reserved", "pending"])
  .describe(
    "State of a calendar night: available (bookable), blocked (closed by the host or a sync conflict), reserved " +
      "(taken by a booking), pending (held by a booking awaiting confirmation).",
  );
export type CalendarDayStatus = z.infer<typeof CalendarDayStatusSchema>;
