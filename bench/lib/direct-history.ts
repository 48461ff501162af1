/**
 * The baseline for the conversation-history scenario: the fewest requests a hand-written script needs to read a
 * booking's whole history straight from the sandbox, issued as early as their dependencies allow.
 *
 *   [token → wait for activation] → GET /conversations?reservationId=… → per conversation, the first page of
 *   messages (100, the sandbox's page cap) → the remaining pages of every conversation in parallel.
 */
import { setTimeout as sleep } from "node:timers/promises";

/** Hostaway activates a new token about 1 s after issuing it (REFERENCE.md §2). */
export const TOKEN_ACTIVATION_MS = 1000;
const PAGE_SIZE = 100;

interface Envelope<T> {
  status: string;
  result: T;
  count?: number | null;
}

export interface DirectHistoryResult {
  messages: number;
  requests: number;
  /** The token used, so a warm run can reuse it. */
  token: string;
}

export async function directHistory(
  sandboxUrl: string,
  auth: { token: string } | { accountId: string; secretKey: string },
  bookingId: number,
): Promise<DirectHistoryResult> {
  let requests = 0;
  let token: string;
  if ("token" in auth) {
    token = auth.token;
  } else {
    requests += 1;
    const response = await fetch(`${sandboxUrl}/accessTokens`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: auth.accountId,
        client_secret: auth.secretKey,
        scope: "general",
      }),
    });
    if (!response.ok) throw new Error(`direct baseline: token request answered ${response.status}`);
    token = ((await response.json()) as { access_token: string }).access_token;
    await sleep(TOKEN_ACTIVATION_MS);
  }

  const get = async <T>(path: string): Promise<Envelope<T>> => {
    requests += 1;
    const response = await fetch(`${sandboxUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as Envelope<T>;
    if (!response.ok || body.status !== "success") {
      throw new Error(`direct baseline: GET ${path} answered ${response.status}`);
    }
    return body;
  };

  const conversations = await get<{ id: number }[]>(
    `/conversations?reservationId=${bookingId}&limit=${PAGE_SIZE}`,
  );
  const counts = await Promise.all(
    conversations.result.map(async ({ id }) => {
      const first = await get<unknown[]>(`/conversations/${id}/messages?limit=${PAGE_SIZE}&offset=0`);
      const total = first.count ?? first.result.length;
      const rest = [];
      for (let offset = PAGE_SIZE; offset < total; offset += PAGE_SIZE) {
        rest.push(get<unknown[]>(`/conversations/${id}/messages?limit=${PAGE_SIZE}&offset=${offset}`));
      }
      const pages = await Promise.all(rest);
      return first.result.length + pages.reduce((sum, page) => sum + page.result.length, 0);
    }),
  );
  return { messages: counts.reduce((sum, count) => sum + count, 0), requests, token };
}
