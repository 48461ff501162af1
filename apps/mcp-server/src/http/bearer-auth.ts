import { createHash, timingSafeEqual } from "node:crypto";
import type { AuthInfo } from "@modelcontextprotocol/sdk/server/auth/types.js";
import type { NextFunction, Request, Response } from "express";
import { callerFromApiKey } from "../audit.js";

const sha256 = (value: string): Buffer => createHash("sha256").update(value).digest();

/**
 * Checks `Authorization: Bearer <key>` against the configured keys. Keys are compared as SHA-256 digests with
 * `timingSafeEqual`, so neither the comparison time nor the digest length says anything about a key; every key is
 * compared (no early exit).
 */
export function findApiKey(presented: string, keyDigests: readonly Buffer[]): boolean {
  const digest = sha256(presented);
  let matched = false;
  for (const keyDigest of keyDigests) {
    if (timingSafeEqual(digest, keyDigest)) matched = true;
  }
  return matched;
}

/**
 * Express middleware for `/mcp`: with keys configured, a request needs a matching bearer token (401 with
 * `WWW-Authenticate: Bearer` otherwise). On success `req.auth` carries the caller's audit identity (a hash prefix
 * of the key, never the key) for the MCP transport to hand to tool handlers.
 */
export function bearerAuth(apiKeys: readonly string[]) {
  const keyDigests = apiKeys.map(sha256);
  return (req: Request & { auth?: AuthInfo }, res: Response, next: NextFunction): void => {
    if (keyDigests.length === 0) {
      next();
      return;
    }
    const header = req.headers.authorization ?? "";
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const presented = match?.[1];
    if (presented === undefined || !findApiKey(presented, keyDigests)) {
      res
        .status(401)
        .set("WWW-Authenticate", 'Bearer realm="hostaway-mcp"')
        .json({
          jsonrpc: "2.0",
          error: {
            code: -32001,
            message:
              presented === undefined
                ? "Unauthorized: send one of the server's API keys as 'Authorization: Bearer <key>'."
                : "Unauthorized: the bearer token is not one of the server's API keys.",
          },
          id: null,
        });
      return;
    }
    const caller = callerFromApiKey(presented);
    req.auth = { token: caller, clientId: caller, scopes: [] };
    next();
  };
}
