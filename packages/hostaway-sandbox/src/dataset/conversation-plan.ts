import type { CommunicationType, MessageStatus } from "./types.js";

/** One message before ids are assigned. Times are epoch milliseconds (UTC). */
export interface PlannedMessage {
  /** When it was sent or received; for scheduled messages, when it is due. */
  atMs: number;
  /** When Hostaway stored it; defaults to `atMs` (plus a second or two). */
  insertedMs?: number;
  incoming: boolean;
  body: string;
  communicationType: CommunicationType;
  status: MessageStatus;
  automation?: { event: string; timeDelta: number };
  attachment?: { name: string; extension: string; mimeType: string; isImage: boolean };
  /** Leave `date` null so readers fall back to `sentChannelDate`, then `insertedOn`. */
  withoutDate?: boolean;
  /** Leave `sentChannelDate` null too (together with `withoutDate`, only `insertedOn` is left). */
  withoutSentChannelDate?: boolean;
  /** Force the seen flag (otherwise derived from what follows). */
  seen?: boolean;
}

export interface PlannedConversation {
  /** The conversation `type`. Hostaway does not document the set (REFERENCE.md §7); the sandbox uses two. */
  type: "host-guest-email" | "host-guest-channel";
  messages: PlannedMessage[];
}
