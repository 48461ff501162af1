import { expect, it } from "vitest";
import { resolveAllowedHosts } from "./create-http-app.js";
import { isLoopbackHost } from "./loopback.js";
import { isLoopbackOrigin } from "./origin-check.js";

it("recognises loopback bind addresses", () => {
  for (const host of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]", "::ffff:127.0.0.1"]) {
    expect(isLoopbackHost(host), host).toBe(true);
  }
  for (const host of ["0.0.0.0", "::", "192.168.1.5", "example.com", "128.0.0.1"]) {
    expect(isLoopbackHost(host), host).toBe(false);
  }
});

it("recognises loopback origins on any port", () => {
  expect(isLoopbackOrigin("http://localhost:5173")).toBe(true);
  expect(isLoopbackOrigin("https://127.0.0.1")).toBe(true);
  expect(isLoopbackOrigin("http://[::1]:8080")).toBe(true);
  expect(isLoopbackOrigin("http://localhost.evil.example")).toBe(false);
  expect(isLoopbackOrigin("file://localhost")).toBe(false);
  expect(isLoopbackOrigin("null")).toBe(false);
});

it("allows loopback Host names plus a specific bound address, or exactly ALLOWED_HOSTS", () => {
  expect(resolveAllowedHosts([], "127.0.0.1")).toEqual(["localhost", "127.0.0.1", "[::1]"]);
  expect(resolveAllowedHosts([], "0.0.0.0")).toEqual(["localhost", "127.0.0.1", "[::1]"]);
  expect(resolveAllowedHosts([], "10.0.0.7")).toEqual(["localhost", "127.0.0.1", "[::1]", "10.0.0.7"]);
  expect(resolveAllowedHosts([], "fd00::7")).toContain("[fd00::7]");
  expect(resolveAllowedHosts(["mcp.example"], "0.0.0.0")).toEqual(["mcp.example"]);
});
