/**
 * Runs `worker` over `items` with at most `concurrency` in flight and returns the settled outcomes in input order.
 * This is not a rate limiter (the client's limiter is the only one, docs/architecture.md): it only keeps a large
 * search from queueing hundreds of requests at once, so an abort or a failure stops promptly.
 */
export async function mapWithConcurrency<Item, Result>(
  items: readonly Item[],
  concurrency: number,
  worker: (item: Item, index: number) => Promise<Result>,
): Promise<PromiseSettledResult<Result>[]> {
  const outcomes: PromiseSettledResult<Result>[] = new Array(items.length);
  let next = 0;
  async function lane(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      try {
        outcomes[index] = { status: "fulfilled", value: await worker(items[index] as Item, index) };
      } catch (reason) {
        outcomes[index] = { status: "rejected", reason };
      }
    }
  }
  const lanes = Math.max(1, Math.min(concurrency, items.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  return outcomes;
}
