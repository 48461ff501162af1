import { readFileSync } from "node:fs";

/**
 * The app's version, from its package.json (one level above both `src/` and `dist/`, so this works in tests and in
 * the built binary alike).
 */
export const SERVER_VERSION: string = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;

export const SERVER_NAME = "hostaway-mcp";
