import { defineConfig } from "vitest/config";

// Two tiers: `unit` is pure and fast (npm run check); `integration` drives real binaries,
// the CLI as a child process, real files and (later) real databases and browsers.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.ts", "apps/*/src/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
        },
      },
      {
        test: {
          name: "integration",
          globalSetup: ["apps/server/test/support/global-setup.ts"],
          include: [
            "packages/*/test/**/*.int.test.ts",
            "apps/*/test/**/*.int.test.ts",
            "packages/*/src/**/*.int.test.ts",
          ],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
