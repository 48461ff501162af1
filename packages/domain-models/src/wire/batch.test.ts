import { describe, expect, test } from "vitest";
import { z } from "zod";
import { BatchSummarySchema, buildBatchSummary, partialFailureResponseSchema, successRate } from "./batch.js";

describe("buildBatchSummary", () => {
  test.each([
    [0, 0, 0],
    [3, 0, 1],
    [0, 2, 0],
    [2, 1, 0.6667],
    [1, 2, 0.3333],
    [1, 6, 0.1429],
  ])("%i succeeded, %i failed → rate %f", (succeeded, failed, rate) => {
    const summary = buildBatchSummary(succeeded, failed);
    expect(summary).toEqual({ total_attempted: succeeded + failed, succeeded, failed, success_rate: rate });
    expect(BatchSummarySchema.safeParse(summary).success).toBe(true);
  });

  test("refuses negative or fractional counts", () => {
    expect(() => buildBatchSummary(-1, 0)).toThrow(/succeeded must be a non-negative integer/);
    expect(() => buildBatchSummary(1, 0.5)).toThrow(/failed must be a non-negative integer/);
  });

  test("successRate of nothing is 0", () => {
    expect(successRate(0, 0)).toBe(0);
  });
});

describe("BatchSummarySchema invariants", () => {
  test("succeeded + failed must equal total_attempted", () => {
    const result = BatchSummarySchema.safeParse({
      total_attempted: 5,
      succeeded: 2,
      failed: 2,
      success_rate: 0.4,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain(
      "succeeded + failed must equal total_attempted",
    );
  });

  test("success_rate must be the rounded ratio", () => {
    const wrong = BatchSummarySchema.safeParse({
      total_attempted: 3,
      succeeded: 2,
      failed: 1,
      success_rate: 0.67,
    });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.path).toEqual(["success_rate"]);
    const empty = BatchSummarySchema.safeParse({
      total_attempted: 0,
      succeeded: 0,
      failed: 0,
      success_rate: 1,
    });
    expect(empty.success).toBe(false);
  });
});

describe("partialFailureResponseSchema", () => {
  const schema = partialFailureResponseSchema(z.strictObject({ id: z.number().describe("id") }));

  test("accepts a consistent response", () => {
    const response = {
      successful_results: [{ id: 1 }],
      failed_items: [
        {
          item_id: "2",
          error_type: "not_found",
          error_message: "listing 2 not found",
          remediation: "check the id with the property list",
          retry_after_seconds: null,
        },
      ],
      summary: buildBatchSummary(1, 1),
      note: null,
    };
    expect(schema.parse(response)).toEqual(response);
  });

  test("note says why an answer is incomplete; null when complete, never missing", () => {
    const base = { successful_results: [{ id: 1 }], failed_items: [], summary: buildBatchSummary(1, 0) };
    const trimmed = { ...base, note: "2 items were left out to fit the budget; ask again with ids [2, 3]." };
    expect(schema.parse(trimmed)).toEqual(trimmed);
    expect(schema.parse({ ...base, note: null }).note).toBeNull();

    const missing = schema.safeParse(base);
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.path).toEqual(["note"]);
    expect(schema.safeParse({ ...base, note: 3 }).success).toBe(false);
  });

  test("the published JSON schema requires and describes note", () => {
    const json = z.toJSONSchema(schema) as {
      required?: string[];
      properties?: Record<string, { description?: string }>;
    };
    expect(json.required).toEqual(
      expect.arrayContaining(["successful_results", "failed_items", "summary", "note"]),
    );
    expect(json.properties?.note?.description).toMatch(
      /how to get the rest; null when the answer is complete/,
    );
  });

  test("rejects broken invariants, unknown error types and extra keys", () => {
    const base = { successful_results: [], failed_items: [], summary: buildBatchSummary(0, 0), note: null };
    expect(schema.safeParse({ ...base, summary: { ...base.summary, total_attempted: 1 } }).success).toBe(
      false,
    );
    expect(
      schema.safeParse({
        ...base,
        failed_items: [
          { item_id: "1", error_type: "oops", error_message: "", remediation: "", retry_after_seconds: null },
        ],
      }).success,
    ).toBe(false);
    expect(schema.safeParse({ ...base, extra: true }).success).toBe(false);
  });
});
