/** The most characters of a refused header value quoted back in an error. */
const MAX_QUOTED_CHARS = 100;

/**
 * A caller's header value (Origin, Host) as it may appear in an error message: control characters removed, at
 * most 100 characters, so a refused request cannot make the server echo kilobytes or terminal escapes.
 */
export function quoteHeaderValue(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  const printable = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, "");
  return printable.length > MAX_QUOTED_CHARS ? `${printable.slice(0, MAX_QUOTED_CHARS)}…` : printable;
}
