import { mutationTestOptions } from "@carepanel/core/mutation/vitest"
import { defineConfig, mergeConfig } from "vitest/config"
import base from "./vitest.config.js"

// The package's tests as Stryker runs them (`npm run mutation`): every one runs in the sandbox.
export default mergeConfig(base, defineConfig({ test: mutationTestOptions([]) }))
