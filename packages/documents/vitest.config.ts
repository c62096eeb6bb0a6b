import { defineConfig } from "vitest/config"

export default defineConfig({
  resolve: { conditions: ["@carepanel/source"] },
  ssr: { resolve: { conditions: ["@carepanel/source"] } },
  // A played week and a PDF's text extraction take a few seconds on a shared 2-core machine.
  test: { include: ["test/**/*.test.ts"], testTimeout: 30_000 }
})
