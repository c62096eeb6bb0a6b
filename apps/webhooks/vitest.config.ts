import { defineConfig } from "vitest/config"

export default defineConfig({
  resolve: { conditions: ["@carepanel/source"] },
  ssr: { resolve: { conditions: ["@carepanel/source"] } },
  // Each test file starts its own receiver on its own port and store; the files share nothing but the loaded modules
  // (not isolated: loading them again for each file was 136 s of CI's CPU, 12 s shared).
  // The global setup bundles the processes the tests start (test/support/bundledProcesses.ts).
  test: { include: ["test/**/*.test.ts"], isolate: false, globalSetup: ["test/support/globalSetup.ts"], testTimeout: 30_000, hookTimeout: 60_000 }
})
