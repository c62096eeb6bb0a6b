import { defineConfig } from "vitest/config"

export default defineConfig({
  resolve: { conditions: ["@carepanel/source"] },
  ssr: { resolve: { conditions: ["@carepanel/source"] } },
  test: { include: ["test/**/*.test.{ts,tsx}"], setupFiles: ["test/support/frameCaches.ts"], testTimeout: 30_000, hookTimeout: 60_000 }
})
