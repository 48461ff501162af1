import { describe, expect, it } from "vitest";
import { clientIpKey } from "./client-ip-key.js";
import { ipv6Groups } from "./ip-address.js";
import { isLoopbackHost, isLoopbackOrigin } from "./loopback.js";

describe("isLoopbackHost", () => {
  it("accepts localhost, 127/8, ::1 and IPv4-mapped loopback, with or without brackets", () => {
    for (const host of [
      "localhost",
      "LOCALHOST",
      "127.0.0.1",
      "127.1.2.3",
      "::1",
      "[::1]",
      "0:0:0:0:0:0:0:1",
      "::ffff:127.0.0.1",
      "[::ffff:127.0.0.1]",
      "::ffff:7f00:1", // how new URL() writes ::ffff:127.0.0.1
      "::FFFF:127.9.9.9",
    ]) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
  });

  it("refuses every other address and name", () => {
    for (const host of [
      "0.0.0.0",
      "::",
      "[::]",
      "192.168.1.5",
      "128.0.0.1",
      "::ffff:10.0.0.1",
      "::2",
      "1::1",
      "example.com",
      "localhost.evil.example",
      "127.0.0.1.nip.io",
      "",
    ]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });
});

describe("isLoopbackOrigin", () => {
  it("accepts http(s) origins on loopback hosts, any port", () => {
    expect(isLoopbackOrigin("http://localhost:5173")).toBe(true);
    expect(isLoopbackOrigin("https://127.0.0.1")).toBe(true);
    expect(isLoopbackOrigin("http://[::1]:8080")).toBe(true);
    expect(isLoopbackOrigin("http://[::ffff:127.0.0.1]:8080")).toBe(true);
  });

  it("refuses foreign hosts, other schemes and opaque origins", () => {
    expect(isLoopbackOrigin("http://localhost.evil.example")).toBe(false);
    expect(isLoopbackOrigin("https://evil.example")).toBe(false);
    expect(isLoopbackOrigin("file://localhost")).toBe(false);
    expect(isLoopbackOrigin("null")).toBe(false);
    expect(isLoopbackOrigin("")).toBe(false);
  });
});

describe("ipv6Groups", () => {
  it("expands :: and an embedded IPv4 tail, and drops a zone id", () => {
    expect(ipv6Groups("::1")).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(ipv6Groups("1::")).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(ipv6Groups("2001:db8::8:800:200c:417a")).toEqual([
      0x2001, 0xdb8, 0, 0, 0x8, 0x800, 0x200c, 0x417a,
    ]);
    expect(ipv6Groups("::ffff:192.0.2.128")).toEqual([0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0280]);
    expect(ipv6Groups("fe80::1%eth0")).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 1]);
    expect(ipv6Groups("1:2:3:4:5:6:7:8")).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("is undefined for anything but IPv6", () => {
    expect(ipv6Groups("127.0.0.1")).toBeUndefined();
    expect(ipv6Groups("localhost")).toBeUndefined();
  });
});

describe("clientIpKey", () => {
  it("keys IPv4 as is and IPv4-mapped IPv6 as its IPv4", () => {
    expect(clientIpKey("203.0.113.9")).toBe("203.0.113.9");
    expect(clientIpKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
  });

  it("groups IPv6 by /56, so rotating addresses inside one allocation shares a window", () => {
    const key = clientIpKey("2001:db8:1:2::1");
    expect(key).toBe("2001:db8:1:0::/56");
    expect(clientIpKey("2001:db8:1:ff:aaaa::9")).toBe(key);
    expect(clientIpKey("2001:db8:1:100::1")).not.toBe(key);
    expect(clientIpKey("2001:db8:2:2::1")).not.toBe(key);
  });

  it("names a missing address unknown and bounds any other text", () => {
    expect(clientIpKey(undefined)).toBe("unknown");
    expect(clientIpKey("")).toBe("unknown");
    expect(clientIpKey("x".repeat(5000))).toHaveLength(100);
  });
});
