import { defineConfig } from "vitest/config"

export default defineConfig({
  resolve: { conditions: ["@carepanel/source"] },
  ssr: { resolve: { conditions: ["@carepanel/source"] } },
  // The files share nothing but the loaded modules (not isolated: loading them again for each file was 80 s of CI's CPU).
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    isolate: false,
    setupFiles: ["test/support/frameCaches.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000
  }
})
