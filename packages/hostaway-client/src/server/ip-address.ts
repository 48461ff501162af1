import { isIP } from "node:net";

/**
 * The eight 16-bit groups of an IPv6 address (`::` expanded, an embedded IPv4 tail as two groups, a zone id such as
 * `%eth0` dropped), or `undefined` when `address` is not IPv6. One parser, so `::1`, `0:0:0:0:0:0:0:1`,
 * `::ffff:127.0.0.1` and `::ffff:7f00:1` (how `new URL()` writes the last one) are all recognised alike.
 */
export function ipv6Groups(address: string): number[] | undefined {
  if (isIP(address) !== 6) return undefined;
  let text = address.toLowerCase();
  const zone = text.indexOf("%");
  if (zone >= 0) text = text.slice(0, zone);
  const lastColon = text.lastIndexOf(":");
  const tail = text.slice(lastColon + 1);
  if (tail.includes(".")) {
    const [a = 0, b = 0, c = 0, d = 0] = tail.split(".").map(Number);
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", rest] = text.split("::");
  const headParts = head === "" ? [] : head.split(":");
  const restParts = rest === undefined || rest === "" ? [] : rest.split(":");
  const filler = rest === undefined ? [] : Array<string>(8 - headParts.length - restParts.length).fill("0");
  return [...headParts, ...filler, ...restParts].map((group) => Number.parseInt(group, 16));
}

/** The IPv4 address an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`) stands for, else `undefined`. */
export function mappedIpv4(groups: readonly number[]): string | undefined {
  if (groups.length !== 8 || groups.slice(0, 5).some((group) => group !== 0) || groups[5] !== 0xffff) {
    return undefined;
  }
  const high = groups[6] ?? 0;
  const low = groups[7] ?? 0;
  return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
}
