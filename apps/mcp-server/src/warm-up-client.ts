import { type HostawayClient, HostawayError } from "@hostaway-mcp/hostaway-client";
import type { Logger } from "./logger.js";

/**
 * Fetches the Hostaway access token in the background once the server is up, so the first tool call pays neither
 * the token round trip nor Hostaway's 1 s token activation (REFERENCE.md §2). Never rejects and never blocks
 * start-up: a failure is logged once (the client's messages carry no secret) and the next tool call simply tries
 * again. `signal` ends it quietly on shutdown.
 */
export async function warmUpClient(
  client: Pick<HostawayClient, "authenticate">,
  logger: Logger,
  signal: AbortSignal,
): Promise<void> {
  try {
    await client.authenticate({ signal });
    logger.info("Hostaway access token obtained: the first tool call will not wait for one");
  } catch (error) {
    if (signal.aborted) return;
    const known = HostawayError.isInstance(error);
    logger.warn(
      {
        errorType: known ? error.errorType : "internal_error",
        code: known ? error.code : undefined,
      },
      `could not obtain a Hostaway access token at start-up (${known ? error.message : "unexpected error"}); ` +
        "still serving, and each tool call will try again (check HOSTAWAY_ACCOUNT_ID, HOSTAWAY_SECRET_KEY and HOSTAWAY_API_BASE_URL)",
    );
  }
}
