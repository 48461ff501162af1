import { timingSafeEqual } from "node:crypto";
import { badRequest, HttpError } from "../http/http-error.js";
import { ok, type Route } from "../http/route.js";

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** REFERENCE.md §2: the client-credentials grant and token revocation. */
export const accessTokenRoutes: Route[] = [
  {
    method: "POST",
    template: "/v1/accessTokens",
    requiresToken: false,
    handle(context) {
      const { form } = context;
      const grantType = form.string("grant_type");
      if (grantType === undefined) throw badRequest('"grant_type" is required: client_credentials');
      if (grantType !== "client_credentials") {
        throw badRequest(`Unsupported "grant_type": expected client_credentials, got "${grantType}"`);
      }
      const clientId = form.string("client_id");
      const clientSecret = form.string("client_secret");
      if (clientId === undefined) throw badRequest('"client_id" is required: your Hostaway account id');
      if (clientSecret === undefined)
        throw badRequest('"client_secret" is required: your Hostaway API secret');
      const scope = form.string("scope");
      if (scope !== "general")
        throw badRequest(`"scope" must be "general", got ${scope === undefined ? "nothing" : `"${scope}"`}`);
      if (
        clientId !== context.credentials.accountId ||
        !sameSecret(clientSecret, context.credentials.secretKey)
      ) {
        // Hostaway documents no status for bad credentials (REFERENCE.md §2, §5); 401 tells it apart from an
        // expired token's 403.
        throw new HttpError(401, "Client authentication failed: unknown client_id or wrong client_secret");
      }
      const { token, expiresIn } = context.tokens.issue(clientId);
      // Not enveloped (REFERENCE.md §2, examples/auth.accessTokens.response.json).
      return ok({ token_type: "Bearer", expires_in: expiresIn, access_token: token.token });
    },
  },
  {
    method: "DELETE",
    template: "/v1/accessTokens",
    requiresToken: false,
    handle(context) {
      const token = context.query.string("token");
      if (token === undefined) throw badRequest('"token" is required: the access token to revoke');
      context.tokens.revoke(token);
      // examples/auth.accessTokens.revoke.response.json
      return ok({ status: "success", result: [] });
    },
  },
];
