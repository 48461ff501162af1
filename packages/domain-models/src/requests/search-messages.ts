import type { z } from "zod";
import { MessageSearchCriteriaSchema } from "../wire/message-search-criteria.js";

/** The search-messages input is exactly the message search criteria. */
export const SearchMessagesRequestSchema = MessageSearchCriteriaSchema;
export type SearchMessagesRequest = z.infer<typeof SearchMessagesRequestSchema>;
