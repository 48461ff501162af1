import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/cli.ts"],
  format: ["esm"],
  target: "node22",
  dts: true,
  sourcemap: true,
  clean: true,
  // `--sandbox` loads the sandbox on demand from the workspace; it is never bundled into the binary.
  external: ["@hostaway-mcp/hostaway-sandbox"],
});
