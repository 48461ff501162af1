import { z } from "zod";
import { optionalNumber } from "./primitives.js";

/**
 * Hostaway's standard response envelope (REFERENCE.md §3). `status` is `success` or `fail`; on `fail`, `result` is
 * an error message string, except on 429 where the message is in `message` (REFERENCE.md §4, §10.3). Pagination
 * fields are often missing and `count` once arrived as a string (§10.4), so every one is optional and coerced.
 */
export const HostawayEnvelopeSchema = z.looseObject({
  status: z.string().describe("`success` or `fail` (open: any string is accepted)"),
  result: z.unknown().optional(),
  message: z.string().nullish(),
  limit: optionalNumber(),
  offset: optionalNumber(),
  count: optionalNumber(),
  page: optionalNumber(),
  totalPages: optionalNumber(),
});
export type HostawayEnvelope = z.infer<typeof HostawayEnvelopeSchema>;

/** The envelope with a typed `result`, e.g. `hostawayEnvelope(z.array(HostawayListingSchema))`. */
export function hostawayEnvelope<Result extends z.ZodType>(resultSchema: Result) {
  return HostawayEnvelopeSchema.extend({ result: resultSchema });
}
