import { readFileSync } from "node:fs";

/** Reads a JSON example copied from Hostaway's docs (../shared/hostaway-api/examples/) into test/fixtures/. */
export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));
}

/** A fresh deep copy of a fixture object, to tweak in a test. */
export function fixtureObject(name: string): Record<string, unknown> {
  return structuredClone(fixture(name)) as Record<string, unknown>;
}
