import { defineConfig } from "vitest/config"

export default defineConfig({
  resolve: { conditions: ["@carepanel/source"] },
  ssr: { resolve: { conditions: ["@carepanel/source"] } },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/postgresGlobalSetup.ts"],
    // Two test files at a time: most of the time here is spent waiting on PostgreSQL, fsync and child processes.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
