import { mutationTestConfig } from "@carepanel/core/mutation/vitest"
import base from "./vitest.config.js"

// The package's tests as Stryker runs them (`npm run mutation`): every one runs in the sandbox.
export default mutationTestConfig(base, [])
