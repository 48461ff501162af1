import { describe, expect, it } from "vitest";
import { createBasicAuthCheck } from "./basic-auth.js";

const basic = (text: string) => `Basic ${Buffer.from(text).toString("base64")}`;

describe("createBasicAuthCheck", () => {
  const check = createBasicAuthCheck("hook-user", "pa:ss wörd");

  it("accepts the login and password, the password may hold colons and any UTF-8", () => {
    expect(check(basic("hook-user:pa:ss wörd"))).toBe(true);
    expect(check(`basic  ${Buffer.from("hook-user:pa:ss wörd").toString("base64")}`)).toBe(true);
  });

  it.each([
    ["no header", undefined],
    ["a bearer token", "Bearer abc"],
    ["a wrong password", basic("hook-user:pa:ss")],
    ["a wrong login", basic("hook:pa:ss wörd")],
    ["no colon", basic("hook-userpa")],
    ["an empty value", "Basic "],
    ["not base64", "Basic ***"],
    ["a header list", ["Basic x", "Basic y"]],
  ])("refuses %s", (_label, header) => {
    expect(check(header)).toBe(false);
  });
});
