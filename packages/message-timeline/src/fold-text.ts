/**
 * Text folding for guest-name matching: Unicode NFD splits "é" into "e" plus a combining accent, the accents
 * (`\p{Mn}`, non-spacing marks) are dropped, and the rest is lower-cased, so "José García" folds to "jose garcia".
 * Runs of whitespace collapse to one space so "Anna  Schmidt" and "Anna Schmidt" compare equal.
 */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** True when `query` is a case- and accent-insensitive substring of `name` ("jose" in "José García"). */
export function nameContains(name: string | null | undefined, query: string): boolean {
  if (name === null || name === undefined) return false;
  const foldedQuery = foldText(query);
  return foldedQuery !== "" && foldText(name).includes(foldedQuery);
}

/**
 * The queries to send to Hostaway's `match` filter: the text as typed and, when it differs, its accent-stripped
 * form (case kept). Hostaway's matching rules are not documented (REFERENCE.md §6.2), so a search for "José" also
 * asks for "Jose" and the local filter does the precise matching.
 */
export function matchQueries(query: string): string[] {
  const typed = query.trim().replace(/\s+/g, " ");
  const stripped = typed
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .normalize("NFC");
  return stripped === typed ? [typed] : [typed, stripped];
}
