import { defineConfig } from "tsup";

/**
 * The build of both apps (each app's tsup.config.ts re-exports it): the library entry the tests and the bench load
 * in-process, and the binary. Shared like tsconfig.base.json: build settings, not code the apps run.
 */
export default defineConfig({
  entry: ["src/index.ts", "src/cli.ts"],
  format: ["esm"],
  target: "node22",
  dts: true,
  sourcemap: true,
  clean: true,
});
