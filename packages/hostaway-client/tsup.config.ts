import { defineConfig } from "tsup";

export default defineConfig({
  // `server/index` is the `./server` subpath: the HTTP edge both servers share (node:http types only).
  entry: { index: "src/index.ts", "server/index": "src/server/index.ts" },
  format: ["esm"],
  target: "node22",
  dts: true,
  sourcemap: true,
  clean: true,
});
