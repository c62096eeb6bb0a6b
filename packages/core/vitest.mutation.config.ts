import { mutationTestOptions } from "@carepanel/core/mutation/vitest"
import { defineConfig, mergeConfig } from "vitest/config"
import base from "./vitest.config.js"

/**
 * The core's tests as Stryker runs them (`npm run mutation`), without the tests that read the repository around the
 * package (Stryker runs a copy of the package alone).
 */
export default mergeConfig(
  base,
  defineConfig({ test: mutationTestOptions(["test/policy/ruleCoverage.test.ts", "test/scripts/demo.test.ts"]) })
)
