import { describe, expect, it } from "vitest";
import { z } from "zod";
import { TimelineValidationError } from "./timeline-validation-error.js";

describe("TimelineValidationError", () => {
  it("is recognised by its brand, not only by instanceof", () => {
    const error = new TimelineValidationError("limit", "must be a whole number from 1 to 1000, got 0");
    expect(TimelineValidationError.isInstance(error)).toBe(true);
    expect(TimelineValidationError.isInstance(new Error("limit"))).toBe(false);
    expect(TimelineValidationError.isInstance(null)).toBe(false);
    expect(error).toMatchObject({
      name: "TimelineValidationError",
      code: "TIMELINE_VALIDATION",
      errorType: "validation_error",
      isRetryable: false,
      message: "limit: must be a whole number from 1 to 1000, got 0",
      issues: [{ field: "limit", message: "must be a whole number from 1 to 1000, got 0" }],
    });
  });

  it("names the first offending field of a zod error, under a prefix, and keeps every issue", () => {
    const schema = z.strictObject({
      start: z.iso.date(),
      nested: z.strictObject({ limit: z.number().max(5) }),
    });
    const parsed = schema.safeParse({ start: "nope", nested: { limit: 9 } });
    if (parsed.success) throw new Error("expected a failure");
    const error = TimelineValidationError.fromZod("criteria", parsed.error);
    expect(error.field).toBe("criteria.start");
    expect(error.issues.map((issue) => issue.field)).toEqual(["criteria.start", "criteria.nested.limit"]);
  });
});
