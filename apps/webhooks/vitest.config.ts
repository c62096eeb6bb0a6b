import { defineConfig } from "vitest/config"

export default defineConfig({
  resolve: { conditions: ["@carepanel/source"] },
  ssr: { resolve: { conditions: ["@carepanel/source"] } },
  // Each test file starts its own receiver on its own port and store.
  test: { include: ["test/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 60_000 }
})
