import type { RequestHandler } from "express";
import type { ErrorLocals } from "../errors/error-middleware.js";

/**
 * One line per guest-data or message access, the same shape the MCP server writes (with `route` in place of the
 * tool): who (a hash of the key), which booking, when, and how it went. Never message text or contact data.
 */
export interface AuditLine {
  audit: true;
  /** The route template, e.g. `GET /api/bookings/{id}/guest`. */
  route: string;
  /** The booking asked about, or null for a search without one. */
  booking_id: number | null;
  /** `key:` + the first 12 hex digits of sha256(API key); `anonymous` when the server runs without keys. */
  caller: string;
  /** ISO-8601 UTC time the response finished. */
  time: string;
  /** How the access ended, as the MCP server words it. */
  outcome: AuditOutcome;
}

export type AuditOutcome = "success" | "not_found" | "error" | "cancelled";

export type AuditSink = (line: AuditLine) => void;

/** The default sink: one JSON line on stderr, apart from the request log. */
export const stderrAuditSink: AuditSink = (line) => {
  process.stderr.write(`${JSON.stringify(line)}\n`);
};

export interface AuditLocals {
  /** The bookings the lines name, set by the route once its input (and answer) are known. */
  auditBookings?: Array<number | null>;
}

/**
 * Writes the audit lines of a guest-data access when the response is done, whatever the outcome (bad input and
 * 404s included): one per booking the operation's declaration names (`auditedBookings`), or the raw id tried.
 */
export function auditAccess(
  route: string,
  sink: AuditSink,
  rawBookingId: (params: Record<string, unknown>) => unknown,
): RequestHandler {
  const handler: RequestHandler = (req, res, next) => {
    res.once("close", () => {
      const locals = res.locals as AuditLocals & ErrorLocals;
      const bookings = locals.auditBookings ?? [asId(rawBookingId({ ...req.query, ...req.params }))];
      const caller = (req as { caller?: string | null }).caller ?? "anonymous";
      const outcome = outcomeOf(res.writableFinished, res.statusCode, locals.errorType);
      const time = new Date().toISOString();
      for (const bookingId of bookings) {
        sink({ audit: true, route, booking_id: bookingId, caller, time, outcome });
      }
    });
    next();
  };
  return handler;
}

function outcomeOf(finished: boolean, status: number, errorType: string | undefined): AuditOutcome {
  if (!finished) return "cancelled";
  if (status < 400) return "success";
  return errorType === "not_found" ? "not_found" : "error";
}

/** The raw id when it reads as a positive integer (so a failed parse still records which booking was tried). */
function asId(value: unknown): number | null {
  return typeof value === "string" && /^\d{1,15}$/.test(value) ? Number(value) : null;
}
