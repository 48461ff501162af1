/** Small, pure value helpers shared by the mappers: they turn tolerant Hostaway values into wire-safe ones. */

/** `undefined` → `null`; everything else unchanged. */
export function orNull<T>(value: T | null | undefined): T | null {
  return value === undefined ? null : value;
}

/** Text, or `null` for missing or blank text. */
export function textOrNull(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  return value.trim() === "" ? null : value;
}

/** A whole number, or `null` when missing or fractional (a fractional guest count is nonsense, not data). */
export function integerOrNull(value: number | null | undefined): number | null {
  return typeof value === "number" && Number.isInteger(value) ? value : null;
}

/** A whole number ≥ 0, or `null`. */
export function countOrNull(value: number | null | undefined): number | null {
  const integer = integerOrNull(value);
  return integer !== null && integer >= 0 ? integer : null;
}

/** A number ≥ 0, or `null`. */
export function nonNegativeOrNull(value: number | null | undefined): number | null {
  return typeof value === "number" && value >= 0 ? value : null;
}

/** A positive id, or `null` (Hostaway sometimes sends 0 for "none"). */
export function positiveIdOrNull(value: number | null | undefined): number | null {
  const integer = integerOrNull(value);
  return integer !== null && integer > 0 ? integer : null;
}

/** An hour of the day 0–23, or `null`. */
export function hourOrNull(value: number | null | undefined): number | null {
  const integer = integerOrNull(value);
  return integer !== null && integer >= 0 && integer <= 23 ? integer : null;
}

/** Rounds money to cents, avoiding float noise such as 0.30000000000000004 in sums. */
export function roundMoney(value: number): number {
  return Math.round(value * 100) / 100;
}
