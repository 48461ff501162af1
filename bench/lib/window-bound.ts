/**
 * The fastest any client could finish `requests` upstream requests under a sliding rate-limit window, which is the
 * yardstick the batch scenario divides its wall time by.
 *
 *   bound = floor((requests - 1) / perWindow) * windowMs + latencyMs
 *
 * The first `perWindow` requests leave at once, each later group of `perWindow` must wait one more window, and the
 * last response takes one upstream latency to come back. `perWindow` is the tighter of the IP and account limits
 * (Hostaway: min(15, 20) = 15 per 10 s, REFERENCE.md §4). The bound ignores that the token request must come back
 * before the others can leave, so it is slightly optimistic: a perfect client lands a little above it, never below.
 */
export interface WindowBoundInput {
  requests: number;
  perWindow: number;
  windowMs: number;
  latencyMs: number;
}

export function windowBoundMs({ requests, perWindow, windowMs, latencyMs }: WindowBoundInput): number {
  if (!Number.isInteger(requests) || requests < 0)
    throw new RangeError(`requests must be ≥ 0, got ${requests}`);
  if (!Number.isInteger(perWindow) || perWindow < 1)
    throw new RangeError(`perWindow must be ≥ 1, got ${perWindow}`);
  if (requests === 0) return 0;
  return Math.floor((requests - 1) / perWindow) * windowMs + latencyMs;
}

/** The binding per-window allowance: the smaller of the per-IP and per-account limits. */
export function tighterLimit(ipPerWindow: number, accountPerWindow: number): number {
  return Math.min(ipPerWindow, accountPerWindow);
}
