export type QueryValue = string | number | boolean | readonly (string | number)[] | null | undefined;

/**
 * Turns a camelCase query object into Hostaway's query/form encoding: names pass through unchanged (they are
 * Hostaway's own), booleans become `1`/`0` (REFERENCE.md §1: "booleans are integer 0 or 1"), arrays repeat as
 * `name[]=a&name[]=b` (`listingMapIds[]`, `attachObjects[]`, REFERENCE.md §6.1, §6.5), and empty values are left out.
 */
export function toSearchParams(query: Readonly<Record<string, QueryValue>>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) params.append(`${name}[]`, String(item));
    } else if (typeof value === "boolean") {
      params.append(name, value ? "1" : "0");
    } else {
      params.append(name, String(value));
    }
  }
  return params;
}
