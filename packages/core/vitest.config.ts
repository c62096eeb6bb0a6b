import { defineConfig } from "vitest/config"

export default defineConfig({
  resolve: { conditions: ["@carepanel/source"] },
  test: {
    include: ["test/**/*.test.ts"],
    // The core is pure: test files share no state, and loading effect once per worker instead of once per file
    // takes the suite from about 90 s to about 25 s.
    isolate: false,
    // Property tests play whole weeks; on a busy 2-core CI machine a run can take several seconds.
    testTimeout: 30_000
  }
})
