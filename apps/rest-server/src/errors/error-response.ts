import { ErrorTypeSchema } from "@hostaway-mcp/domain-models";
import { z } from "zod";

/** The body of every non-2xx answer of this app. */
export const ErrorResponseSchema = z
  .strictObject({
    error: z.strictObject({
      type: ErrorTypeSchema,
      message: z.string().describe("What went wrong and what to do next, in plain words."),
      details: z
        .record(z.string(), z.unknown())
        .nullable()
        .describe(
          "Structured details, or null: `issues` ([{ field, message }]) and `allowed` for bad input, `retry_after_seconds` for rate limits, `request_id` for internal errors.",
        ),
    }),
  })
  .describe("Error response: `{ error: { type, message, details } }`.");
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
