import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { OptionsError, parseOptions, SCENARIOS, VIAS } from "./options.ts";

const parse = (...argv: string[]) => parseOptions(argv, "/repo/bench");

describe("parseOptions", () => {
  it("defaults to every scenario, both paths and issue 6's sizes, with per-scenario latency and limits", () => {
    const options = parse();
    assert.deepEqual(options.only, [...SCENARIOS]);
    assert.deepEqual(options.via, [...VIAS]);
    assert.deepEqual(options.concurrency, [1, 50]);
    assert.equal(options.batchSize, 50);
    assert.equal(options.loadRequests, 100);
    assert.equal(options.latencyMs, undefined);
    assert.equal(options.limits, undefined);
    assert.equal(options.out, "/repo/bench/results/latest.json");
  });

  it("reads the flags the README documents", () => {
    const options = parse(
      "--only",
      "overhead,load",
      "--iterations",
      "500",
      "--latency",
      "150",
      "--limits",
      "off",
    );
    assert.deepEqual(options.only, ["overhead", "load"]);
    assert.equal(options.iterations, 500);
    assert.equal(options.latencyMs, 150);
    assert.equal(options.limits, false);
  });

  it("names the flag and what is allowed when a value is wrong", () => {
    assert.throws(
      () => parse("--only", "overhead,speed"),
      (error: unknown) => {
        assert.ok(error instanceof OptionsError);
        assert.match(error.message, /--only takes a comma-separated list of overhead, conversations/);
        return true;
      },
    );
    assert.throws(() => parse("--iterations", "0"), /--iterations must be a whole number ≥ 1, got "0"/);
    assert.throws(() => parse("--batch-size", "51"), /--batch-size must be a whole number 1\.\.50/);
    assert.throws(() => parse("--limits", "maybe"), /--limits must be "on" or "off"/);
    assert.throws(() => parse("--bogus"), OptionsError);
  });
});
