import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    // One embedded PostgreSQL for the archive tests (test/store/support); skipped for runs that need none.
    globalSetup: ["test/store/support/global-setup.ts"],
    hookTimeout: 120_000,
  },
});
