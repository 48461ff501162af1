/** The most characters of a caller's value (a header, say) that a refusal message quotes back. */
export const MAX_QUOTED_CHARS = 100;

// Characters JSON.stringify leaves as they are but a terminal or log viewer would act on: C1 controls, DEL, line
// and paragraph separators, and bidirectional overrides (which can make a log line read backwards).
const UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A caller's value as a refusal message may quote it: JSON-quoted (so C0 controls come out as `\n`, `\u001b`),
 * the characters above escaped too, and at most `max` characters of it, cut with "…", so a request cannot make
 * the server echo kilobytes or terminal escapes.
 */
export function quoteCallerValue(value: string, max = MAX_QUOTED_CHARS): string {
  const characters = Array.from(value);
  const kept = characters.length > max ? `${characters.slice(0, max).join("")}…` : value;
  return JSON.stringify(kept).replace(
    UNSAFE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
