import { mutationTestConfig } from "@carepanel/core/mutation/vitest"
import base from "./vitest.config.js"

/**
 * The app's tests as Stryker runs them (`npm run mutation`), without the four that reach outside the app, which Stryker's
 * copy of it does not hold: the one that reads docs/deployment.md against the code of other packages and apps, the
 * one that holds the store's write lock from store-sql's dev script, and the two that start a PostgreSQL cluster with it.
 */
export default mutationTestConfig(base, ["test/deploymentDoc.test.ts", "test/storeBusy.test.ts", "test/pgStartFailure.test.ts", "test/storePartition.test.ts"])
