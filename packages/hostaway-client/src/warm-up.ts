import type { HostawayClient } from "./create-client.js";
import { HostawayError } from "./errors.js";

/** The logger a server passes: pino, a pino child, or anything with these two methods. */
export interface WarmUpLogger {
  info(message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

/**
 * Fetches the access token in the background once a server is up, so its first request pays neither the token
 * round trip nor Hostaway's 1 s token activation (REFERENCE.md §2). Never rejects and never blocks start-up: a
 * failure is logged once (the client's messages carry no secret) and the next request simply tries again.
 * `signal` ends it quietly on shutdown. Both servers call it right after they start listening.
 */
export async function warmUpToken(
  client: Pick<HostawayClient, "authenticate">,
  { logger, signal }: { logger: WarmUpLogger; signal: AbortSignal },
): Promise<void> {
  try {
    await client.authenticate({ signal });
    logger.info("Hostaway access token obtained: the first request will not wait for one");
  } catch (error) {
    if (signal.aborted) return;
    const known = HostawayError.isInstance(error);
    logger.warn(
      { errorType: known ? error.errorType : "internal_error", code: known ? error.code : undefined },
      `could not obtain a Hostaway access token at start-up (${known ? error.message : "unexpected error"}); ` +
        "still serving, and each request will try again (check HOSTAWAY_ACCOUNT_ID, HOSTAWAY_SECRET_KEY and HOSTAWAY_API_BASE_URL)",
    );
  }
}
