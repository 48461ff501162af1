import type { TokenCheck } from "./token-registry.js";

type DenialReason = Extract<TokenCheck, { ok: false }>["reason"];

/** The 403 message for each reason; Hostaway's own 403 body is not documented (REFERENCE.md §2). */
export function accessDeniedMessage(reason: DenialReason): string {
  switch (reason) {
    case "missing":
      return "Access denied: no access token (send Authorization: Bearer <token>)";
    case "expired":
      return "Access denied: the access token has expired";
    case "revoked":
      return "Access denied: the access token has been revoked";
    case "not_yet_valid":
      return "Access denied: the access token is not valid yet (wait 1 second after issuing it)";
    default:
      return "Access denied: invalid access token";
  }
}
