import { mutationTestConfig } from "@carepanel/core/mutation/vitest"
import base from "./vitest.config.js"

/**
 * The core's tests as Stryker runs them (`npm run mutation`), without the tests that read the repository around the
 * package (Stryker runs a copy of the package alone).
 */
export default mutationTestConfig(base, ["test/policy/ruleCoverage.test.ts", "test/scripts/demo.test.ts"])
