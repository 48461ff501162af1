import { buildBatchSummary, type PartialFailureResponse } from "@hostaway-mcp/domain-models";
import { describe, expect, it } from "vitest";
import { fitBatch } from "./fit-batch.js";

const items = Array.from({ length: 20 }, (_, index) => ({ id: index + 1, name: `Listing ${index + 1}` }));
const batch = (note: string | null): PartialFailureResponse<(typeof items)[number]> => ({
  successful_results: items,
  failed_items: [],
  summary: buildBatchSummary(items.length, 0),
  note,
});
const describeOmitted = (ids: number[]) =>
  `${ids.length} left out; call again with ids=${JSON.stringify(ids)}.`;

describe("fitBatch", () => {
  it("returns the answer untouched when it fits", () => {
    const answer = batch(null);
    expect(fitBatch(answer, (item) => item.id, 100_000, describeOmitted)).toBe(answer);
  });

  it("leaves trailing items out, keeps the summary, and names them in a note measured with the JSON", () => {
    const budget = JSON.stringify(batch(null)).length - 150;
    const fitted = fitBatch(batch(null), (item) => item.id, budget, describeOmitted);
    expect(JSON.stringify(fitted).length).toBeLessThanOrEqual(budget);
    expect(fitted.successful_results.length).toBeLessThan(items.length);
    expect(fitted.summary).toEqual(buildBatchSummary(20, 0));
    const omitted = items.slice(fitted.successful_results.length).map((item) => item.id);
    expect(fitted.note).toBe(`${omitted.length} left out; call again with ids=${JSON.stringify(omitted)}.`);
  });

  it("puts its note ahead of the batch's own", () => {
    const own = "2 of 22 items were not attempted.";
    const budget = JSON.stringify(batch(own)).length - 150;
    const fitted = fitBatch(batch(own), (item) => item.id, budget, describeOmitted);
    expect(fitted.note).toMatch(
      /^\d+ left out; call again with ids=\[[\d,]+\]\. 2 of 22 items were not attempted\.$/,
    );
  });
});
