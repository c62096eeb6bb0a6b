import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Packing, an npm install from the cache and a tsc run: tens of seconds on a busy 2-core machine.
    testTimeout: 180_000,
    hookTimeout: 180_000
  }
})
