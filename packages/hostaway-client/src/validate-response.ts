import type { z } from "zod";
import { HostawayResponseValidationError } from "./errors.js";
import type { HttpMethod } from "./http-method.js";

/**
 * Parses a response body with a tolerant domain-models schema. A mismatch becomes a
 * `HostawayResponseValidationError` carrying the zod issues (paths and messages, never the body's values, which
 * may be a guest's contact data).
 */
export function parseResponse<Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
  where: { method: HttpMethod; path: string },
): z.output<Schema> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map(withoutInput);
  const first = issues[0];
  const summary = first ? `${first.path.join(".") || "(root)"}: ${first.message}` : "unknown mismatch";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  throw new HostawayResponseValidationError({
    ...where,
    detail: `response does not match the expected shape: ${summary}${more}`,
    issues,
  });
}

function withoutInput(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (!("input" in issue)) return issue;
  const { input: _input, ...rest } = issue as z.core.$ZodIssue & { input?: unknown };
  return rest as z.core.$ZodIssue;
}
