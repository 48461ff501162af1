import { z } from "zod";
import { optionalNumber } from "./primitives.js";

/**
 * The `POST /v1/accessTokens` response, which is NOT wrapped in the envelope (REFERENCE.md §2).
 * `expires_in` is the TTL in seconds (the unit is not documented; OAuth convention).
 */
export const HostawayAccessTokenSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().nullish(),
  expires_in: optionalNumber(),
});
export type HostawayAccessToken = z.infer<typeof HostawayAccessTokenSchema>;
