import { isIP } from "node:net";
import { ipv6Groups, mappedIpv4 } from "./ip-address.js";

/** The longest client address text used as a limiter key (a custom `clientIp` may return anything). */
const MAX_KEY_CHARS = 100;

/**
 * The per-IP limiter key of a client address: IPv4 as is (IPv4-mapped IPv6 as its IPv4), IPv6 grouped by its /56
 * prefix, because one host usually holds a whole /64 (or more) and could otherwise rotate addresses to reset its
 * window; `unknown` when the socket has no address (it was already closed).
 */
export function clientIpKey(address: string | undefined): string {
  if (address === undefined || address === "") return "unknown";
  if (isIP(address) === 4) return address;
  const groups = ipv6Groups(address);
  if (groups === undefined) return address.slice(0, MAX_KEY_CHARS);
  const mapped = mappedIpv4(groups);
  if (mapped !== undefined) return mapped;
  const [a = 0, b = 0, c = 0, d = 0] = groups;
  return `${[a, b, c, d & 0xff00].map((group) => group.toString(16)).join(":")}::/56`;
}
