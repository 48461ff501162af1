import { createHmac, randomBytes } from "node:crypto";

export interface IssuedToken {
  token: string;
  accountId: string;
  issuedAtMs: number;
  expiresAtMs: number;
  revoked: boolean;
}

export type TokenCheck =
  | { ok: true; token: IssuedToken }
  | { ok: false; reason: "missing" | "unknown" | "expired" | "revoked" | "not_yet_valid" };

const base64url = (value: Buffer | string): string => Buffer.from(value).toString("base64url");

/**
 * Issues and checks access tokens. They look like Hostaway's (REFERENCE.md §2): a JWT with header
 * `{"typ":"JWT","alg":"RS256"}` and claims `aud` (the account id), `jti`, `iat`, `nbf`, `exp`, `sub:""`,
 * `scopes:["general"]`. The signature is an HMAC chain the length of an RSA-2048 signature: only this sandbox
 * can tell its tokens apart, which is all a fake needs.
 */
export class TokenRegistry {
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly signingKey = randomBytes(32);

  constructor(private readonly options: { ttlSeconds: number; notBeforeMs: number; now: () => number }) {}

  issue(accountId: string): { token: IssuedToken; expiresIn: number } {
    const nowMs = this.options.now();
    const iat = Math.floor(nowMs / 1000);
    const claims = {
      aud: accountId,
      jti: randomBytes(20).toString("hex"),
      iat,
      nbf: iat + Math.ceil(this.options.notBeforeMs / 1000),
      exp: iat + this.options.ttlSeconds,
      sub: "",
      scopes: ["general"],
    };
    const unsigned = `${base64url(JSON.stringify({ typ: "JWT", alg: "RS256" }))}.${base64url(JSON.stringify(claims))}`;
    const signature: Buffer[] = [];
    for (let block = 0; block < 8; block += 1) {
      signature.push(createHmac("sha256", this.signingKey).update(`${block}.${unsigned}`).digest());
    }
    const token: IssuedToken = {
      token: `${unsigned}.${base64url(Buffer.concat(signature))}`,
      accountId,
      issuedAtMs: nowMs,
      expiresAtMs: nowMs + this.options.ttlSeconds * 1000,
      revoked: false,
    };
    this.tokens.set(token.token, token);
    return { token, expiresIn: this.options.ttlSeconds };
  }

  check(bearer: string | undefined): TokenCheck {
    if (!bearer) return { ok: false, reason: "missing" };
    const token = this.tokens.get(bearer);
    if (!token) return { ok: false, reason: "unknown" };
    if (token.revoked) return { ok: false, reason: "revoked" };
    const nowMs = this.options.now();
    if (nowMs >= token.expiresAtMs) return { ok: false, reason: "expired" };
    // REFERENCE.md §2: a new token becomes valid 1 s after it is returned (enforced only when configured).
    if (nowMs < token.issuedAtMs + this.options.notBeforeMs) return { ok: false, reason: "not_yet_valid" };
    return { ok: true, token };
  }

  /** The account a token names, without checking that it is still valid (for the per-account rate limit). */
  accountOf(bearer: string | undefined): string | undefined {
    return bearer ? this.tokens.get(bearer)?.accountId : undefined;
  }

  /** REFERENCE.md §2: `DELETE /v1/accessTokens?token=` revokes a token. Unknown tokens are ignored. */
  revoke(bearer: string): boolean {
    const token = this.tokens.get(bearer);
    if (!token) return false;
    token.revoked = true;
    return true;
  }

  /** Makes every token issued so far expired, so the next call gets a 403 and must re-authenticate. */
  expireAll(): number {
    const nowMs = this.options.now();
    let count = 0;
    for (const token of this.tokens.values()) {
      if (token.expiresAtMs > nowMs) count += 1;
      token.expiresAtMs = Math.min(token.expiresAtMs, nowMs);
    }
    return count;
  }
}
