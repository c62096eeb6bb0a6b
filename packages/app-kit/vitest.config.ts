import { defineConfig } from "vitest/config"

export default defineConfig({
  resolve: { conditions: ["@carepanel/source"] },
  ssr: { resolve: { conditions: ["@carepanel/source"] } },
  // The files share nothing but the loaded modules: not isolated, each worker loads effect and the dependencies once.
  test: { include: ["test/**/*.test.ts"], isolate: false }
})
