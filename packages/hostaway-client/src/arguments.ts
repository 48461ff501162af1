import { z } from "zod";
import { HostawayValidationError } from "./errors.js";
import type { HttpMethod } from "./http-method.js";

interface Where {
  method: HttpMethod;
  path: string;
}

const INVALID_ARGUMENT = "HOSTAWAY_INVALID_ARGUMENT";

/**
 * Checks a caller's arguments before anything is sent, so a typo fails fast with the field named instead of as a
 * confusing Hostaway answer. Messages carry zod's text (field, expected type or allowed values), never the value.
 */
export function parseArguments<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  where: Where,
  label: string,
): z.output<Schema> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
  throw new HostawayValidationError({
    ...where,
    code: INVALID_ARGUMENT,
    detail: `invalid ${label}: ${problems}`,
  });
}

const idSchema = z.union([
  z.number().int().positive(),
  z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number)
    .refine((id) => id > 0),
]);

/** A Hostaway id as a path segment: a positive whole number (numeric strings are accepted, REFERENCE.md §10.6). */
export function requireId(name: string, value: unknown, where: Where): number {
  const parsed = idSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new HostawayValidationError({
    ...where,
    code: INVALID_ARGUMENT,
    detail: `invalid argument: ${name} must be a positive whole number`,
  });
}
