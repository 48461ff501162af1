import { z } from "zod";
import { ErrorTypeSchema } from "./enums.js";

export const BatchFailureSchema = z
  .strictObject({
    item_id: z.string().describe("The id that failed, as text."),
    error_type: ErrorTypeSchema,
    error_message: z.string().describe("What went wrong (never contains secrets or guest contact data)."),
    remediation: z.string().describe("What to do next, e.g. check the id, or retry after the given delay."),
    retry_after_seconds: z
      .number()
      .nonnegative()
      .nullable()
      .describe(
        "Seconds to wait before retrying this item; null when a retry will not help or no delay is known.",
      ),
  })
  .describe("One item of a batch that failed.");
export type BatchFailure = z.infer<typeof BatchFailureSchema>;

/** succeeded / total rounded to 4 decimals; 0 for an empty batch. */
export function successRate(succeeded: number, total: number): number {
  if (total === 0) return 0;
  return Math.round((succeeded / total) * 10_000) / 10_000;
}

export const BatchSummarySchema = z
  .strictObject({
    total_attempted: z.number().int().nonnegative().describe("Items attempted."),
    succeeded: z.number().int().nonnegative().describe("Items that succeeded."),
    failed: z.number().int().nonnegative().describe("Items that failed."),
    success_rate: z
      .number()
      .min(0)
      .max(1)
      .describe("succeeded / total_attempted, rounded to 4 decimals (0 when nothing was attempted)."),
  })
  .refine((summary) => summary.succeeded + summary.failed === summary.total_attempted, {
    message: "succeeded + failed must equal total_attempted",
    path: ["total_attempted"],
  })
  .refine((summary) => summary.success_rate === successRate(summary.succeeded, summary.total_attempted), {
    message: "success_rate must equal succeeded / total_attempted rounded to 4 decimals (0 when total is 0)",
    path: ["success_rate"],
  })
  .describe("Counts for a batch.");
export type BatchSummary = z.infer<typeof BatchSummarySchema>;

/** Builds a summary that satisfies `BatchSummarySchema`'s invariants. */
export function buildBatchSummary(succeeded: number, failed: number): BatchSummary {
  for (const [name, value] of [
    ["succeeded", succeeded],
    ["failed", failed],
  ] as const) {
    if (!Number.isInteger(value) || value < 0) {
      throw new RangeError(`buildBatchSummary: ${name} must be a non-negative integer, got ${value}`);
    }
  }
  const total = succeeded + failed;
  return { total_attempted: total, succeeded, failed, success_rate: successRate(succeeded, total) };
}

/**
 * What a batch returns: the items that worked, the ones that did not, counts, and a note when the answer is not
 * the whole story. `summary` counts only real items; anything else about completeness goes in `note`.
 */
export type PartialFailureResponse<T> = {
  successful_results: T[];
  failed_items: BatchFailure[];
  summary: BatchSummary;
  note: string | null;
};

/** The schema of a `PartialFailureResponse` for items validated by `item`. */
export function partialFailureResponseSchema<Item extends z.ZodType>(item: Item) {
  return z
    .strictObject({
      successful_results: z.array(item).describe("Results for the items that succeeded."),
      failed_items: z
        .array(BatchFailureSchema)
        .describe("The items that failed, each with a reason and a next step."),
      summary: BatchSummarySchema,
      note: z
        .string()
        .nullable()
        .describe(
          "Why the answer is incomplete or trimmed (items not attempted, a search stopped at its bounds, results " +
            "left out to fit the response budget) and how to get the rest; null when the answer is complete.",
        ),
    })
    .describe("A batch result: some items may fail without failing the whole call.");
}
