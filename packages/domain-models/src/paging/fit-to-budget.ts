/**
 * How many leading `items` can be returned while the rendered response stays within `maxChars` characters.
 * `render(slice)` builds the whole response for a slice (a string is measured as is; anything else as its JSON),
 * so the envelope, cursor and notes count against the budget too. Items are dropped from the end, never cut: the
 * caller returns `items.slice(0, count)` with a cursor for the rest. Assumes a longer slice never renders shorter;
 * uses a binary search, so it renders O(log n) times. Returns 0 when not even an empty slice fits.
 */
export function fitToBudget<Item>(
  items: readonly Item[],
  render: (slice: readonly Item[]) => unknown,
  maxChars: number,
): number {
  if (!(maxChars >= 0)) throw new RangeError(`fitToBudget: maxChars must be a number ≥ 0, got ${maxChars}`);
  const fits = (count: number): boolean => renderedLength(render(items.slice(0, count))) <= maxChars;
  if (fits(items.length)) return items.length;
  let low = 0; // the largest count known to fit (0 is the fallback)
  let high = items.length; // the smallest count known not to fit
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle;
  }
  return low;
}

function renderedLength(rendered: unknown): number {
  if (typeof rendered === "string") return rendered.length;
  return (JSON.stringify(rendered) ?? "").length;
}
