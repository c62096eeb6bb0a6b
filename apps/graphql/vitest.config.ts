import { createRequire } from "node:module"
import { defineConfig } from "vitest/config"

// graphql 16 ships CommonJS (main) and ES modules (module). Node loads the CommonJS build for yoga, Pothos and
// graphql-armor; Vite would give the app's own files the ES build. One copy for all, as under Node.
const graphql = createRequire(import.meta.url).resolve("graphql")

export default defineConfig({
  resolve: { conditions: ["@carepanel/source"], alias: [{ find: /^graphql$/, replacement: graphql }] },
  ssr: { resolve: { conditions: ["@carepanel/source"] } },
  // Each test file starts its own server on its own port; the files share nothing but the loaded modules.
  // The global setup bundles the processes the tests start (test/support/bundledProcesses.ts).
  test: { include: ["test/**/*.test.ts"], isolate: false, globalSetup: ["test/support/globalSetup.ts"], testTimeout: 30_000, hookTimeout: 60_000 }
})
