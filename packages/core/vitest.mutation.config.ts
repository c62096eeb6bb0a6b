import { defineConfig, mergeConfig } from "vitest/config"
import base from "./vitest.config.js"

/**
 * The core's tests as Stryker runs them (`npm run mutation`): fresh modules for each mutant (the everyday suite shares
 * loaded modules), a fixed fast-check seed, load failures counted as failures, and without the tests that read the
 * repository around the package (Stryker runs a copy of the package alone).
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      isolate: true,
      setupFiles: ["test/mutation/fixedSeed.ts"],
      reporters: ["default", "./test/mutation/loadFailures.ts"],
      exclude: ["test/policy/ruleCoverage.test.ts", "test/scripts/demo.test.ts", "**/node_modules/**"]
    }
  })
)
