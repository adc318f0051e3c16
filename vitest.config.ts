import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // A PostgreSQL server for the tests that run on both engines (test/setup/postgres.ts).
    globalSetup: ["test/setup/postgres.ts"],
  },
});
