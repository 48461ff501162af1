import type { HostawayConversation, HostawayMessage } from "@hostaway-mcp/domain-models";
import type { MessageSource, SourceCallOptions } from "../message-source.js";

/** What replies need of the client beyond reading: a fresh conversation, and the send. */
export interface ReplySource extends MessageSource {
  conversations: MessageSource["conversations"] & {
    get(id: number, options?: SourceCallOptions & { fresh?: boolean }): Promise<HostawayConversation>;
    send(
      conversationId: number,
      message: { body: string; communicationType: "email" | "channel" | "sms" | "whatsapp" },
      options?: { signal?: AbortSignal | undefined },
    ): Promise<HostawayMessage>;
  };
}
