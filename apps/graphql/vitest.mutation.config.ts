import { mutationTestConfig } from "@carepanel/core/mutation/vitest"
import base from "./vitest.config.js"

/**
 * The app's tests as Stryker runs them (`npm run mutation`), without the two that reach outside the app, which Stryker's
 * copy of it does not hold: the one that reads docs/deployment.md against the code of other packages and apps, and the
 * one that holds the store's write lock from store-sql's dev script.
 */
export default mutationTestConfig(base, ["test/deploymentDoc.test.ts", "test/storeBusy.test.ts"])
