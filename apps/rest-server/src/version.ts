import { createRequire } from "node:module";

/** This package's version, read from package.json (one directory up from both `src/` and `dist/`). */
export const packageVersion: string = (
  createRequire(import.meta.url)("../package.json") as { version: string }
).version;
