import { formatDateTime, isValidDate, parseDateTimeInput } from "../util/dates.js";
import { badRequest } from "./http-error.js";

/**
 * Reads query (or form) parameters. Bad values answer 400 with a message naming the parameter and what is
 * allowed; Hostaway does not document its validation (REFERENCE.md §5), so the sandbox is strict and clear.
 */
export class Params {
  constructor(private readonly source: URLSearchParams) {}

  string(name: string): string | undefined {
    const value = this.source.get(name);
    return value === null || value === "" ? undefined : value;
  }

  integer(name: string, options: { min?: number } = {}): number | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const min = options.min ?? 0;
    if (!/^-?\d+$/.test(raw) || Number(raw) < min || !Number.isSafeInteger(Number(raw))) {
      throw badRequest(`Invalid "${name}": expected an integer ≥ ${min}, got "${raw}"`);
    }
    return Number(raw);
  }

  /** Hostaway flags: 1/0, true/false. */
  flag(name: string): boolean | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    if (raw === "1" || raw === "true") return true;
    if (raw === "0" || raw === "false") return false;
    throw badRequest(`Invalid "${name}": expected 0, 1, true or false, got "${raw}"`);
  }

  date(name: string): string | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    if (!isValidDate(raw)) throw badRequest(`Invalid "${name}": expected a date as YYYY-MM-DD, got "${raw}"`);
    return raw;
  }

  /**
   * A date (`YYYY-MM-DD`) or datetime (`YYYY-MM-DD HH:MM:SS` UTC, or ISO-8601 with a zone), as a zone-less UTC
   * datetime comparable with Hostaway's. A bare date means the start of that day, or its end when `edge` is "end".
   */
  dateTime(name: string, edge: "start" | "end"): string | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    if (isValidDate(raw)) return `${raw} ${edge === "start" ? "00:00:00" : "23:59:59"}`;
    const ms = parseDateTimeInput(raw);
    if (ms === undefined) {
      throw badRequest(`Invalid "${name}": expected YYYY-MM-DD or YYYY-MM-DD HH:MM:SS (UTC), got "${raw}"`);
    }
    return formatDateTime(ms);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(raw)) {
      throw badRequest(`Invalid "${name}": expected one of ${allowed.join(", ")}, got "${raw}"`);
    }
    return raw as T;
  }

  /** Array parameters as PHP-style forms send them: `name[]=1&name[]=2` (also `name[0]=1` and `name=1`). */
  integers(name: string): number[] | undefined {
    const raws: string[] = [];
    for (const [key, value] of this.source) {
      if (key === name || key === `${name}[]` || new RegExp(`^${name}\\[\\d+\\]$`).test(key))
        raws.push(...value.split(","));
    }
    const values = raws.map((raw) => raw.trim()).filter((raw) => raw !== "");
    if (values.length === 0) return undefined;
    return values.map((raw) => {
      if (!/^\d+$/.test(raw)) throw badRequest(`Invalid "${name}[]": expected integers, got "${raw}"`);
      return Number(raw);
    });
  }

  strings(name: string): string[] | undefined {
    const values: string[] = [];
    for (const [key, value] of this.source) {
      if (key === name || key === `${name}[]` || new RegExp(`^${name}\\[\\d+\\]$`).test(key))
        values.push(value);
    }
    const clean = values.map((v) => v.trim()).filter((v) => v !== "");
    return clean.length > 0 ? clean : undefined;
  }
}

export interface Paging {
  limit: number;
  offset: number;
}

/**
 * `limit`/`offset`. Hostaway documents no maximum (REFERENCE.md §11); the sandbox clamps `limit` to the cap
 * (docs/architecture.md), and treats a missing or 0 `limit` as the default.
 */
export function readPaging(params: Params, cap: number, defaultLimit = 100): Paging {
  const requested = params.integer("limit") ?? 0;
  const limit = Math.min(requested === 0 ? defaultLimit : requested, cap);
  const offset = params.integer("offset") ?? 0;
  return { limit: Math.max(1, limit), offset };
}
