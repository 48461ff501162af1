import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ms, ratio, renderTable, seconds } from "./table.ts";

describe("renderTable", () => {
  it("renders a padded markdown table with its notes", () => {
    const text = renderTable({ title: "T", headers: ["a", "bb"], rows: [["1", "22222"]], notes: ["n"] });
    assert.equal(text, "### T\n\n| a   | bb    |\n| --- | ----- |\n| 1   | 22222 |\n\n- n\n");
  });
});

describe("formatters", () => {
  it("scale their precision to the value and show a dash for missing figures", () => {
    assert.equal(ms(0.4234), "0.42 ms");
    assert.equal(ms(12.34), "12.3 ms");
    assert.equal(ms(1534.4), "1534 ms");
    assert.equal(ms(null), "–");
    assert.equal(seconds(1234), "1.234 s");
    assert.equal(seconds(31_234), "31.23 s");
    assert.equal(ratio(1.049), "1.05×");
    assert.equal(ratio(Number.POSITIVE_INFINITY), "–");
  });
});
