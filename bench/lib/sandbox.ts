import { setTimeout as sleep } from "node:timers/promises";
import { startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import type { BenchOptions } from "./options.ts";
import { LOOPBACK } from "./ports.ts";
import type { UpstreamSettings } from "./server-process.ts";

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

export interface RateLimits {
  ip: number;
  account: number;
  windowMs: number;
}

export interface BenchSandbox {
  sandbox: Sandbox;
  latencyMs: number;
  /** The limits the sandbox enforces, or null when they are off. */
  limits: RateLimits | null;
  /** How a server or client reaches this sandbox, with its own upstream limiter matching the sandbox's limits. */
  upstream: UpstreamSettings;
}

/**
 * Starts an in-process sandbox on a free loopback port. Its dates hang off "now" (so "the last 7 days" has
 * messages), and its limits are Hostaway's unless the scenario switches them off.
 */
export async function startBenchSandbox(
  options: BenchOptions,
  settings: { latencyMs: number; limitsOn: boolean; tokenTtlSeconds?: number },
): Promise<BenchSandbox> {
  const limits: RateLimits | null = settings.limitsOn
    ? { ip: options.ipLimit, account: options.accountLimit, windowMs: options.windowMs }
    : null;
  const sandbox = await startSandbox({
    port: 0,
    host: LOOPBACK,
    latencyMs: settings.latencyMs,
    rateLimits: limits ?? false,
    anchorDate: new Date().toISOString(),
    // Hostaway activates a token about 1 s after issuing it (REFERENCE.md §2); the sandbox enforces that only
    // when asked, and the bench asks, so a cold start costs what it costs against Hostaway.
    tokenNotBeforeMs: 1000,
    ...(settings.tokenTtlSeconds === undefined ? {} : { tokenTtlSeconds: settings.tokenTtlSeconds }),
  });
  return {
    sandbox,
    latencyMs: settings.latencyMs,
    limits,
    upstream: {
      baseUrl: sandbox.url,
      accountId: sandbox.credentials.accountId,
      secretKey: sandbox.credentials.secretKey,
      // The servers' own limiter matches the sandbox: Hostaway's limits when on, off (0) when the sandbox has none.
      rateLimitIp: limits ? limits.ip : 0,
      rateLimitAccount: limits ? limits.account : 0,
    },
  };
}

/** What the sandbox saw since the last reset, reduced to the figures the scenarios print. */
export interface UpstreamFigures {
  /** Every request the sandbox received, the token request and any answered 429 included. */
  requests: number;
  tokenRequests: number;
  /** 429s the sandbox sent (i.e. our client received). */
  rateLimited: number;
  /** The most requests the sandbox saw in any one window, per IP (the binding limit). */
  maxInWindow: number;
  /** Requests per route template, e.g. `GET /v1/listings/:id`. */
  byRoute: Record<string, number>;
}

export function upstreamFigures(sandbox: Sandbox): UpstreamFigures {
  const stats = sandbox.stats();
  return {
    requests: stats.total,
    tokenRequests: stats.tokenRequests,
    rateLimited: stats.rateLimited,
    maxInWindow: stats.maxInAnyWindow.ip,
    byRoute: { ...stats.byRoute },
  };
}

/**
 * Gets a token straight from the sandbox for the direct baseline, then waits until the sandbox accepts it
 * (Hostaway activates a new token about 1 s after issuing it, REFERENCE.md §2).
 */
export async function directToken(sandboxUrl: string, credentials: { accountId: string; secretKey: string }) {
  const response = await fetch(`${sandboxUrl}/accessTokens`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: credentials.accountId,
      client_secret: credentials.secretKey,
      scope: "general",
    }),
  });
  if (!response.ok) throw new Error(`sandbox token request answered ${response.status}`);
  const { access_token: token } = (await response.json()) as { access_token: string };
  const deadline = Date.now() + 5000;
  for (;;) {
    const probe = await fetch(`${sandboxUrl}/listings?limit=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await probe.arrayBuffer();
    if (probe.ok) return token;
    if (Date.now() > deadline)
      throw new Error(`sandbox refused a fresh token for 5 s (HTTP ${probe.status})`);
    await sleep(100);
  }
}
