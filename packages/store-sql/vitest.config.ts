import { defineConfig } from "vitest/config"

export default defineConfig({
  resolve: { conditions: ["@carepanel/source"] },
  ssr: { resolve: { conditions: ["@carepanel/source"] } },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/postgresGlobalSetup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
