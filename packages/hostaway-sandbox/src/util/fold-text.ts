/** Letters that NFD does not split into a base letter plus a combining mark. */
const SPECIAL_LETTERS: Record<string, string> = {
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ı: "i",
};

/**
 * Lower-case, accent-free form of a text, for the reservations `match` filter, which the sandbox treats as a
 * case- and accent-insensitive substring of the guest name (docs/architecture.md; Hostaway's own rule is not
 * documented, REFERENCE.md §6.2).
 */
export function foldText(value: string): string {
  return value
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[øłđðþßæœı]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .replace(/\s+/g, " ")
    .trim();
}
