import { afterEach, describe, expect, it } from "vitest";
import { type Sandbox, type SandboxOptions, startSandbox } from "../src/index.js";
import { readExample } from "./support/examples.js";
import { SandboxClient } from "./support/sandbox-client.js";

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(options: SandboxOptions = {}): Promise<SandboxClient> {
  sandbox = await startSandbox({ rateLimits: false, ...options });
  return new SandboxClient(sandbox);
}

const decode = (part: string | undefined) =>
  JSON.parse(Buffer.from(part ?? "", "base64url").toString("utf8"));

describe("POST /v1/accessTokens", () => {
  it("returns the raw token JSON (not enveloped) with a Hostaway-looking JWT", async () => {
    const client = await start();
    const response = await client.requestToken({});
    expect(response.status).toBe(200);
    const example = readExample("auth.accessTokens.response.json");
    expect(Object.keys(response.body).sort()).toEqual(Object.keys(example).sort());
    expect(response.body.token_type).toBe("Bearer");
    expect(response.body.expires_in).toBe(15_897_600);
    const [header, claims, signature] = String(response.body.access_token).split(".");
    expect(decode(header)).toEqual({ typ: "JWT", alg: "RS256" });
    const payload = decode(claims);
    expect(payload).toMatchObject({ aud: "10450", sub: "", scopes: ["general"] });
    expect(payload.exp - payload.iat).toBe(15_897_600);
    expect(typeof payload.jti).toBe("string");
    expect(Buffer.from(signature ?? "", "base64url")).toHaveLength(256);
  });

  it("issues distinct tokens that all work", async () => {
    const client = await start();
    const first = await client.authenticate();
    const second = await client.authenticate();
    expect(first).not.toBe(second);
    expect((await client.get("/listings?limit=1", first)).status).toBe(200);
    expect((await client.get("/listings?limit=1", second)).status).toBe(200);
  });

  it("uses expires_in from tokenTtlSeconds and honours it", async () => {
    let now = Date.parse("2026-01-01T00:00:00Z");
    const client = await start({ tokenTtlSeconds: 60, now: () => now });
    const token = (await client.requestToken({})).body;
    expect(token.expires_in).toBe(60);
    expect((await client.get("/listings?limit=1", token.access_token)).status).toBe(200);
    now += 60_000;
    const expired = await client.get("/listings?limit=1", token.access_token);
    expect(expired.status).toBe(403);
    expect(expired.body).toEqual({ status: "fail", result: "Access denied: the access token has expired" });
  });

  it("answers 401 with a fail body for wrong credentials, never echoing the secret", async () => {
    const client = await start();
    for (const overrides of [{ client_secret: "wrong-secret" }, { client_id: "99999" }]) {
      const response = await client.requestToken(overrides);
      expect(response.status).toBe(401);
      expect(response.body.status).toBe("fail");
      expect(response.body.result).toMatch(/Client authentication failed/);
      expect(JSON.stringify(response.body)).not.toContain("wrong-secret");
    }
  });

  it("answers 400 naming the field for a malformed grant", async () => {
    const client = await start();
    const cases: [Record<string, string | undefined>, RegExp][] = [
      [{ grant_type: undefined }, /"grant_type" is required/],
      [{ grant_type: "password" }, /Unsupported "grant_type"/],
      [{ client_id: undefined }, /"client_id" is required/],
      [{ client_secret: undefined }, /"client_secret" is required/],
      [{ scope: undefined }, /"scope" must be "general"/],
      [{ scope: "admin" }, /"scope" must be "general", got "admin"/],
    ];
    for (const [overrides, message] of cases) {
      const response = await client.requestToken(overrides);
      expect(response.status, JSON.stringify(overrides)).toBe(400);
      expect(response.body.result).toMatch(message);
    }
  });

  it("accepts custom credentials and a JSON body", async () => {
    const client = await start({ credentials: { accountId: "777", secretKey: "s3cret" } });
    const response = await client.send("POST", "/accessTokens", {
      contentType: "application/json",
      body: JSON.stringify({
        grant_type: "client_credentials",
        client_id: "777",
        client_secret: "s3cret",
        scope: "general",
      }),
    });
    expect(response.status).toBe(200);
    expect(decode(String(response.body.access_token).split(".")[1]).aud).toBe("777");
    const broken = await client.send("POST", "/accessTokens", {
      contentType: "application/json",
      body: "{nope",
    });
    expect(broken.status).toBe(400);
    expect(broken.body.result).toMatch(/not valid JSON/);
  });
});

describe("403 for missing, bad, expired and revoked tokens (REFERENCE.md §2)", () => {
  it("rejects a request without a token, or with an unknown one", async () => {
    const client = await start();
    const missing = await client.get("/listings", null);
    expect(missing.status).toBe(403);
    expect(missing.body.status).toBe("fail");
    expect(missing.body.result).toMatch(/no access token/);
    const garbage = await client.get("/listings", "not-a-token");
    expect(garbage.status).toBe(403);
    expect(garbage.body.result).toBe("Access denied: invalid access token");
  });

  it("expires every token issued so far with expireAllTokens(); a new token works", async () => {
    const client = await start();
    const old = await client.authenticate();
    sandbox?.expireAllTokens();
    expect((await client.get("/reservations?limit=1", old)).status).toBe(403);
    const fresh = await client.authenticate();
    expect((await client.get("/reservations?limit=1", fresh)).status).toBe(200);
  });

  it("revokes a token with DELETE /v1/accessTokens?token=", async () => {
    const client = await start();
    const token = await client.authenticate();
    const revoke = await client.send("DELETE", `/accessTokens?token=${encodeURIComponent(token)}`);
    expect(revoke.status).toBe(200);
    expect(revoke.body).toEqual({ status: "success", result: [] });
    const after = await client.get("/listings?limit=1", token);
    expect(after.status).toBe(403);
    expect(after.body.result).toMatch(/revoked/);
    const missing = await client.send("DELETE", "/accessTokens");
    expect(missing.status).toBe(400);
  });

  it("refuses a token used before tokenNotBeforeMs has passed", async () => {
    let now = Date.parse("2026-01-01T00:00:00Z");
    const client = await start({ tokenNotBeforeMs: 1000, now: () => now });
    const token = await client.authenticate();
    const early = await client.get("/listings?limit=1", token);
    expect(early.status).toBe(403);
    expect(early.body.result).toMatch(/not valid yet/);
    now += 1000;
    expect((await client.get("/listings?limit=1", token)).status).toBe(200);
  });
});
