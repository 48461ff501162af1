import { fitToBudget, type PartialFailureResponse } from "@hostaway-mcp/domain-models";

/**
 * Fits a batch answer to the budget by leaving trailing successful items out (never cutting JSON). The summary
 * still counts them as succeeded; the returned `omittedIds` go in a note so the agent can ask for them again.
 */
export function fitBatch<Item>(
  result: PartialFailureResponse<Item>,
  idOf: (item: Item) => number,
  budget: number,
): { result: PartialFailureResponse<Item>; omittedIds: number[] } {
  const render = (kept: readonly Item[]): PartialFailureResponse<Item> =>
    kept.length === result.successful.length ? result : { ...result, successful: [...kept] };
  const count = fitToBudget(result.successful, render, budget);
  return {
    result: render(result.successful.slice(0, count)),
    omittedIds: result.successful.slice(count).map(idOf),
  };
}
