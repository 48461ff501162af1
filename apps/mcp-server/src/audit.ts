import { callerIdOf } from "@hostaway-mcp/hostaway-client/server";

/** How a guest-data access ended. */
export type AuditOutcome = "success" | "not_found" | "error" | "cancelled";

export interface AuditEntry {
  tool: string;
  /** The booking the access concerned; null for searches that are not tied to one booking. */
  bookingId: number | null;
  /** `callerFromApiKey(key)` over HTTP with keys, `"anonymous"` over HTTP without keys, `"stdio"` for a local client. */
  caller: string;
  outcome: AuditOutcome;
}

/** Records who read guest contact data or guest messages. Never receives the data itself. */
export interface AuditLog {
  record(entry: AuditEntry): void;
}

export interface AuditSink {
  write(line: string): unknown;
}

/**
 * Writes one JSON line per access to `sink` (stderr by default, apart from the protocol on stdout):
 * `{"audit":true,"tool":…,"booking_id":…,"caller":…,"time":…,"outcome":…}`. The line carries no message content
 * and no contact data, only what identifies the access.
 */
export function createAuditLog(
  sink: AuditSink = process.stderr,
  clock: () => Date = () => new Date(),
): AuditLog {
  return {
    record(entry) {
      const line = {
        audit: true,
        tool: entry.tool,
        booking_id: entry.bookingId,
        caller: entry.caller,
        time: clock().toISOString(),
        outcome: entry.outcome,
      };
      sink.write(`${JSON.stringify(line)}\n`);
    },
  };
}

/** The caller's identity in audit lines: a short SHA-256 prefix of its API key, never the key. */
export function callerFromApiKey(apiKey: string): string {
  return callerIdOf(apiKey);
}

/** The audit identity of a local stdio client. */
export const STDIO_CALLER = "stdio";

/** The audit identity over HTTP when no API keys are configured (loopback only): nobody proved who they are. */
export const ANONYMOUS_CALLER = "anonymous";
