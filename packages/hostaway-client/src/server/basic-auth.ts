import { createHash, timingSafeEqual } from "node:crypto";

/**
 * A check of HTTP Basic credentials (RFC 7617) in constant time: both sides are hashed to equal length first, and
 * the login and the password are both compared whatever the first comparison says, so the answer's timing tells
 * nothing about which part, or how much of it, was right.
 */
export function createBasicAuthCheck(login: string, password: string): (authorization: unknown) => boolean {
  const expectedLogin = digest(login);
  const expectedPassword = digest(password);
  return (authorization) => {
    const presented = parseBasic(authorization);
    const loginMatches = timingSafeEqual(digest(presented?.login ?? ""), expectedLogin);
    const passwordMatches = timingSafeEqual(digest(presented?.password ?? ""), expectedPassword);
    return presented !== undefined && loginMatches && passwordMatches;
  };
}

function parseBasic(header: unknown): { login: string; password: string } | undefined {
  if (typeof header !== "string") return undefined;
  const match = /^Basic +([A-Za-z0-9+/=_-]+) *$/i.exec(header);
  if (match === null) return undefined;
  const decoded = Buffer.from(match[1] ?? "", "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  return { login: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}
