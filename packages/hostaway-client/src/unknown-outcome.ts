import { HostawayAbortError, HostawayNetworkError, HostawayTimeoutError } from "./errors.js";

/** Network failures that prove the request never reached Hostaway. */
const NEVER_ARRIVED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * Whether a failed write may still have been carried out: the request left and no answer came back (a timeout or
 * an abort after sending, a connection lost mid-exchange). Such a write is never retried: check what happened
 * upstream (for a message, read the conversation) before writing again.
 */
export function isUnknownOutcome(error: unknown): boolean {
  if (HostawayTimeoutError.isInstance(error) || HostawayAbortError.isInstance(error)) return error.sent;
  if (HostawayNetworkError.isInstance(error)) return !NEVER_ARRIVED.has(error.networkCode ?? "");
  return false;
}
