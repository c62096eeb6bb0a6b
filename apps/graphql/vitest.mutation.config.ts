import { mutationTestConfig } from "@carepanel/core/mutation/vitest"
import base from "./vitest.config.js"

/**
 * The app's tests as Stryker runs them (`npm run mutation`), without the one that reads docs/deployment.md against the
 * code of other packages and apps (found from the repository root, which is not in Stryker's copy of the app).
 */
export default mutationTestConfig(base, ["test/deploymentDoc.test.ts"])
