import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Workspace packages resolve to their TypeScript sources in tests, so coverage is measured on `src/`
// and a test never runs against a stale `dist/`.
const workspace = {
  "domain-models": "packages/domain-models",
  "hostaway-client": "packages/hostaway-client",
  "batch-runner": "packages/batch-runner",
  "message-timeline": "packages/message-timeline",
  "hostaway-sandbox": "packages/hostaway-sandbox",
  "mcp-server": "apps/mcp-server",
  "rest-server": "apps/rest-server",
} as const;

// Subpath exports first: an alias matches by prefix, so `…/hostaway-client` would swallow `…/hostaway-client/server`.
const subpaths = { "hostaway-client/server": "packages/hostaway-client/src/server/index.ts" } as const;

const alias = [
  ...Object.entries(subpaths).map(([name, file]) => ({
    find: `@hostaway-mcp/${name}`,
    replacement: fileURLToPath(new URL(`./${file}`, import.meta.url)),
  })),
  ...Object.entries(workspace).map(([name, dir]) => ({
    find: new RegExp(`^@hostaway-mcp/${name}$`),
    replacement: fileURLToPath(new URL(`./${dir}/src/index.ts`, import.meta.url)),
  })),
];

const publishedPackageFloor = { lines: 90 };

export default defineConfig({
  resolve: { alias },
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      ...Object.entries(workspace).map(([name, dir]) => ({
        extends: true as const,
        test: { name, include: [`${dir}/src/**/*.test.ts`, `${dir}/test/**/*.test.ts`] },
      })),
      { extends: true as const, test: { name: "cross-app", include: ["test/**/*.test.ts"] } },
    ],
    coverage: {
      provider: "v8",
      include: ["packages/*/src/**/*.ts", "apps/*/src/**/*.ts"],
      exclude: ["**/*.test.ts", "**/test/**", "**/dist/**"],
      reporter: ["text-summary", "text", "json-summary"],
      thresholds: {
        lines: 80,
        "packages/domain-models/src/**": publishedPackageFloor,
        "packages/hostaway-client/src/**": publishedPackageFloor,
        "packages/batch-runner/src/**": publishedPackageFloor,
        "packages/message-timeline/src/**": publishedPackageFloor,
      },
    },
  },
});
