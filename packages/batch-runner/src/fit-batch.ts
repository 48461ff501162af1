import { fitToBudget, type PartialFailureResponse } from "@hostaway-mcp/domain-models";

/**
 * Fits a batch answer to the budget by leaving trailing successful items out (never cutting JSON). The summary
 * still counts them as succeeded; the answer's `note` names the ids left out (via `describeOmitted`) so the agent
 * can ask for them again, ahead of any note the batch already had. The note is part of the JSON that is measured.
 */
export function fitBatch<Item>(
  result: PartialFailureResponse<Item>,
  idOf: (item: Item) => number,
  budget: number,
  describeOmitted: (omittedIds: number[]) => string,
): PartialFailureResponse<Item> {
  const render = (kept: readonly Item[]): PartialFailureResponse<Item> => {
    if (kept.length === result.successful_results.length) return result;
    const omitted = describeOmitted(result.successful_results.slice(kept.length).map(idOf));
    return {
      ...result,
      successful_results: [...kept],
      note: result.note === null ? omitted : `${omitted} ${result.note}`,
    };
  };
  return render(result.successful_results.slice(0, fitToBudget(result.successful_results, render, budget)));
}
