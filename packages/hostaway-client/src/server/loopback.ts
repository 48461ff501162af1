import { isIP } from "node:net";
import { ipv6Groups, mappedIpv4 } from "./ip-address.js";

/**
 * True when `host` (a bind address or a Host name, IPv6 with or without brackets) only reaches this machine:
 * `localhost`, 127.0.0.0/8, `::1`, and IPv4-mapped loopback such as `::ffff:127.0.0.1` (what a dual-stack socket
 * reports for an IPv4 loopback peer).
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host
    .trim()
    .replace(/^\[(.*)\]$/, "$1")
    .toLowerCase();
  if (bare === "localhost") return true;
  if (isIP(bare) === 4) return bare.startsWith("127.");
  const groups = ipv6Groups(bare);
  if (groups === undefined) return false;
  const mapped = mappedIpv4(groups);
  if (mapped !== undefined) return mapped.startsWith("127.");
  return groups.slice(0, 7).every((group) => group === 0) && groups[7] === 1;
}

/** True for an `http(s)` origin whose host is loopback (`http://localhost:5173`, `https://127.0.0.1`, `http://[::1]:8080`). */
export function isLoopbackOrigin(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return (url.protocol === "http:" || url.protocol === "https:") && isLoopbackHost(url.hostname);
}
