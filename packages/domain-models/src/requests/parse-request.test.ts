import { describe, expect, it } from "vitest";
import { OPERATIONS } from "../operations/catalogue.js";
import { BatchPropertiesRequestSchema } from "./batch.js";
import { BookingDetailsRequestSchema } from "./booking-details.js";
import { ConversationHistoryRequestSchema } from "./conversation-history.js";
import { ListPropertiesRequestSchema } from "./list-properties.js";
import { parseRequest, requestParameters } from "./parse-request.js";

function problemOf(result: ReturnType<typeof parseRequest>) {
  if (result.ok) throw new Error("expected a problem");
  return result.problem;
}

describe("parseRequest", () => {
  it("parses the canonical text forms of query strings", () => {
    expect(parseRequest(ListPropertiesRequestSchema, { limit: "20" })).toEqual({
      ok: true,
      value: expect.objectContaining({ limit: 20 }),
    });
    expect(parseRequest(ConversationHistoryRequestSchema, { booking_id: "7", offset: "0" })).toEqual({
      ok: true,
      value: { booking_id: 7, offset: 0, limit: 50, include_scheduled: false },
    });
    expect(parseRequest(BatchPropertiesRequestSchema, { property_ids: "1, 2,3" })).toEqual({
      ok: true,
      value: { property_ids: [1, 2, 3] },
    });
    expect(parseRequest(BatchPropertiesRequestSchema, { property_ids: ["1", "20"] })).toEqual({
      ok: true,
      value: { property_ids: [1, 20] },
    });
  });

  it("refuses a canonical number out of bounds, naming the field", () => {
    expect(problemOf(parseRequest(ListPropertiesRequestSchema, { limit: "0" })).issues).toEqual([
      { field: "limit", message: "limit must be a whole number from 1 to 100" },
    ]);
  });

  it.each(["1.0", "00001", "+1", " 1", "1e1"])(
    "refuses the non-canonical integer %j for limit and booking_id, naming the field",
    (text) => {
      expect(problemOf(parseRequest(ListPropertiesRequestSchema, { limit: text })).issues).toEqual([
        { field: "limit", message: "limit must be a whole number from 1 to 100" },
      ]);
      expect(problemOf(parseRequest(BookingDetailsRequestSchema, { booking_id: text })).issues).toEqual([
        { field: "booking_id", message: "booking_id must be a positive whole number (a Hostaway id)" },
      ]);
    },
  );

  it.each(["1,,2", "1,", ",1", ""])("refuses the empty item in %j, naming the field", (text) => {
    const { issues } = problemOf(parseRequest(BatchPropertiesRequestSchema, { property_ids: text }));
    expect(issues).toEqual([
      { field: "property_ids", message: "property_ids must be comma-separated values without empty items" },
    ]);
  });

  it("names an unknown parameter and what is allowed", () => {
    const problem = problemOf(
      parseRequest(BookingDetailsRequestSchema, { booking_id: "1", everything: "yes" }),
    );
    expect(problem).toEqual({
      issues: [
        {
          field: "everything",
          message: '"everything" is not a parameter of this operation (allowed: booking_id)',
        },
      ],
      allowed: ["booking_id"],
    });
  });

  it("says what is allowed once when several names are unknown", () => {
    const { issues } = problemOf(parseRequest(ListPropertiesRequestSchema, { page: "2", sort: "name" }));
    expect(issues).toEqual([
      {
        field: "page",
        message: '"page" is not a parameter of this operation (allowed: limit, cursor, city, match)',
      },
      { field: "sort", message: '"sort" is not a parameter of this operation' },
    ]);
  });

  it("leaves the path's fields out of what a route allows", () => {
    expect(requestParameters(ConversationHistoryRequestSchema, new Set(["booking_id"]))).toEqual([
      "limit",
      "offset",
      "include_scheduled",
    ]);
    const problem = problemOf(
      parseRequest(
        BookingDetailsRequestSchema,
        { booking_id: "1", x: "1" },
        { pathFields: new Set(["booking_id"]) },
      ),
    );
    expect(problem.allowed).toEqual([]);
    expect(problem.issues[0]?.message).toBe('"x" is not a parameter of this operation (allowed: none)');
  });

  it("lists 10 of 2,000 unknown names and says how many more", () => {
    const raw = Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`unknown_${i}`, "1"]));
    const problem = problemOf(parseRequest(ListPropertiesRequestSchema, raw));
    expect(problem.issues.map((issue) => issue.field)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `unknown_${i}`),
      "(unknown parameters)",
    ]);
    expect(problem.issues.at(-1)?.message).toBe("and 1,990 more unknown parameters");
  });

  it.each(OPERATIONS.map((operation) => [operation.name, operation.input] as const))(
    "%s: 2,000 long unknown names come back in under 2 KB",
    (_name, schema) => {
      const raw = Object.fromEntries(
        Array.from({ length: 2_000 }, (_, i) => [`${i}_${"x".repeat(200)}`, "1"]),
      );
      expect(JSON.stringify(problemOf(parseRequest(schema, raw))).length).toBeLessThan(2_048);
    },
  );

  it("never echoes a 100 KB name whole", () => {
    const name = "n".repeat(100_000);
    const problem = problemOf(parseRequest(ListPropertiesRequestSchema, { [name]: "1" }));
    const longestRun = Math.max(...(JSON.stringify(problem).match(/n+/g) ?? []).map((run) => run.length));
    expect(longestRun).toBeLessThanOrEqual(100);
    expect(problem.issues[0]?.field).toBe(`${"n".repeat(40)}…`);
    expect(JSON.stringify(problem).length).toBeLessThan(1_000);
  });

  it("lists at most 10 schema problems and counts the rest", () => {
    const raw = { property_ids: Array.from({ length: 50 }, () => "x").join(",") };
    const { issues } = problemOf(parseRequest(BatchPropertiesRequestSchema, raw));
    expect(issues).toHaveLength(11);
    expect(issues[0]?.field).toBe("property_ids[0]");
    expect(issues.at(-1)).toEqual({ field: "(problems)", message: "and 40 more problems" });
  });

  it("refuses a single-valued parameter given twice", () => {
    expect(problemOf(parseRequest(ListPropertiesRequestSchema, { limit: ["1", "2"] })).issues).toEqual([
      { field: "limit", message: "limit was given more than once; pass it once" },
    ]);
  });

  it("says a missing field is required", () => {
    expect(problemOf(parseRequest(BookingDetailsRequestSchema, {})).issues).toEqual([
      { field: "booking_id", message: "booking_id is required" },
    ]);
  });
});
