import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { shebangNodeFlags } from "./server-process.ts";

describe("shebangNodeFlags", () => {
  it("returns the Node flags of an env -S shebang, none for a plain one", () => {
    assert.deepEqual(shebangNodeFlags("#!/usr/bin/env -S node --max-semi-space-size=8"), [
      "--max-semi-space-size=8",
    ]);
    assert.deepEqual(shebangNodeFlags("#!/usr/bin/env -S node --a=1  --b\n"), ["--a=1", "--b"]);
    assert.deepEqual(shebangNodeFlags("#!/usr/bin/env node"), []);
    assert.deepEqual(shebangNodeFlags("import x from 'y';"), []);
  });
});
