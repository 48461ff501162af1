import { readFileSync } from "node:fs";

/** One of Hostaway's documented examples, copied into test/fixtures/ from ../shared/hostaway-api/examples/. */
// biome-ignore lint/suspicious/noExplicitAny: the examples are free-form JSON
export function readExample(name: string): any {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8"));
}
