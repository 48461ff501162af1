import { describe, expect, test } from "vitest";
import { z } from "zod";
import {
  HostawayBoolean,
  HostawayDate,
  HostawayDateTime,
  HostawayId,
  HostawayNumber,
  HostawayString,
  optionalArray,
  optionalBoolean,
  toIsoUtc,
} from "./primitives.js";

describe("HostawayBoolean (REFERENCE.md §1, §10.5)", () => {
  test.each([
    [1, true],
    [0, false],
    [true, true],
    [false, false],
    ["1", true],
    ["0", false],
    ["true", true],
    ["false", false],
    [" TRUE ", true],
    ["", false],
    [2, true],
  ])("%j → %j", (input, expected) => {
    expect(HostawayBoolean.parse(input)).toBe(expected);
  });

  test("unreadable text becomes null instead of failing", () => {
    expect(HostawayBoolean.parse("maybe")).toBeNull();
  });

  test("as an optional field: null and missing are accepted", () => {
    const schema = z.object({ flag: optionalBoolean() });
    expect(schema.parse({ flag: null }).flag).toBeNull();
    expect(schema.parse({}).flag).toBeUndefined();
    expect(schema.parse({ flag: { nested: 1 } }).flag).toBeNull();
  });
});

describe("HostawayId (REFERENCE.md §10.6)", () => {
  test("numbers and numeric strings become numbers", () => {
    expect(HostawayId.parse(40160)).toBe(40160);
    expect(HostawayId.parse("755143")).toBe(755143);
    expect(HostawayId.parse(" 2 ")).toBe(2);
  });

  test.each([["abc"], [-1], [1.5], [""], [null], ["12a"]])("rejects %j", (input) => {
    expect(HostawayId.safeParse(input).success).toBe(false);
  });

  test("the error names the problem", () => {
    const result = z.object({ id: HostawayId }).safeParse({ id: "abc" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["id"]);
    expect(result.error?.issues[0]?.message).toMatch(/numeric id/);
  });
});

describe("HostawayNumber", () => {
  test.each([
    [12.5, 12.5],
    ["1", 1],
    [" 3.25 ", 3.25],
    ["-2", -2],
    ["", null],
    ["n/a", null],
  ])("%j → %j", (input, expected) => {
    expect(HostawayNumber.parse(input)).toBe(expected);
  });
});

describe("HostawayString", () => {
  test("numbers become text", () => {
    expect(HostawayString.parse(2001)).toBe("2001");
    expect(HostawayString.parse("x")).toBe("x");
  });
});

describe("HostawayDateTime (REFERENCE.md §1, §10.10)", () => {
  test.each([
    ["2018-07-16 10:12:52", "2018-07-16T10:12:52Z"],
    ["2018-07-16T10:12:52", "2018-07-16T10:12:52Z"],
    ["2018-07-16 10:12", "2018-07-16T10:12:00Z"],
    ["2018-07-16 10:12:52.250", "2018-07-16T10:12:52.250Z"],
    ["2018-07-16", "2018-07-16T00:00:00Z"],
    ["2018-07-16T10:12:52Z", "2018-07-16T10:12:52Z"],
    ["2018-07-16T12:12:52+02:00", "2018-07-16T10:12:52Z"],
    ["2024-02-29 23:59:59", "2024-02-29T23:59:59Z"],
  ])("%s → %s", (input, expected) => {
    expect(HostawayDateTime.parse(input)).toBe(expected);
  });

  test.each([
    [""],
    ["0000-00-00 00:00:00"],
    ["2023-02-29 10:00:00"],
    ["2018-13-01 10:00:00"],
    ["2018-07-16 24:00:00"],
    ["2018-07-16 10:60:00"],
    ["2018-07-16 10:00:61"],
    ["yesterday"],
    ["2018-07-32"],
    ["2018-07-16Tgarbage"],
  ])("%j → null", (input) => {
    expect(HostawayDateTime.parse(input)).toBeNull();
    expect(toIsoUtc(input)).toBeNull();
  });

  test("a number is read as Unix seconds", () => {
    expect(HostawayDateTime.parse(1_531_735_972)).toBe("2018-07-16T10:12:52Z");
    expect(HostawayDateTime.parse(1e20)).toBeNull(); // beyond the range of a Date
  });
});

describe("HostawayDate", () => {
  test("keeps the date part, even of a datetime (review dates, REFERENCE.md §10.10)", () => {
    expect(HostawayDate.parse("2017-07-15")).toBe("2017-07-15");
    expect(HostawayDate.parse("2021-05-11 22:00:00")).toBe("2021-05-11");
  });

  test.each([["0000-00-00"], [""], ["2021-02-30"], ["15/07/2017"]])("%j → null", (input) => {
    expect(HostawayDate.parse(input)).toBeNull();
  });
});

describe("optionalArray", () => {
  test("drops unreadable items and keeps the rest", () => {
    const schema = optionalArray(z.object({ id: HostawayId }));
    expect(schema.parse([{ id: 1 }, { id: "x" }, { id: "3" }])).toEqual([{ id: 1 }, { id: 3 }]);
    expect(schema.parse("not a list")).toBeNull();
    expect(schema.parse(null)).toBeNull();
    expect(schema.parse(undefined)).toBeUndefined();
  });
});
