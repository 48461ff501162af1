/** How much of any caller-chosen value an error message quotes: enough to recognise it, never a whole payload. */
export const MAX_QUOTED_CHARACTERS = 100;
/** How many unknown names an error lists before it says how many more there were. */
export const MAX_LISTED_NAMES = 10;

/**
 * A caller's value as JSON-quoted text for a message: control and bidirectional-override characters escaped, and
 * at most `max` characters of it (then `…`), so an error never echoes a payload back.
 */
export function quoteValue(value: unknown, max = MAX_QUOTED_CHARACTERS): string {
  const text = typeof value === "string" ? value : String(value);
  const shown = [...text].slice(0, max).join("");
  const cut = shown.length < text.length ? "…" : "";
  // JSON.stringify escapes quotes, backslashes and C0 controls; C1 and bidi controls are escaped here too.
  const quoted = JSON.stringify(shown).replace(
    /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return cut === "" ? quoted : `${quoted.slice(0, -1)}${cut}"`;
}

/** `a, b, c` or `a, b, …, j and 1,990 more`: the first `max` names quoted, the rest counted. */
export function listNames(names: readonly string[], max = MAX_LISTED_NAMES): string {
  const shown = names.slice(0, max).map((name) => quoteValue(name, 40));
  const more = names.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more.toLocaleString("en-US")} more` : shown.join(", ");
}
