import { createHash } from "node:crypto";
import type { ReplyChannel } from "@hostaway-mcp/domain-models";

/** One audit line of a guest reply: who, which booking and conversation, what happened — never the text. */
export interface ReplyAuditLine {
  audit: "guest_reply";
  action: "draft" | "send";
  outcome: "drafted" | "sent" | "already_sent" | "refused" | "failed" | "unknown_outcome";
  caller: string;
  booking_id: number | null;
  conversation_id: number | null;
  channel: ReplyChannel | null;
  draft_id: string | null;
  /** The refusal's reason or the failure's error type. */
  reason: string | null;
  text_length: number | null;
  /** sha256 of the text, hex: proves which text went out without keeping it. */
  text_sha256: string | null;
  at: string;
}

export type ReplyAuditSink = (line: ReplyAuditLine) => void;

export function textFingerprint(
  text: string | undefined,
): Pick<ReplyAuditLine, "text_length" | "text_sha256"> {
  if (text === undefined) return { text_length: null, text_sha256: null };
  return { text_length: text.length, text_sha256: createHash("sha256").update(text).digest("hex") };
}
