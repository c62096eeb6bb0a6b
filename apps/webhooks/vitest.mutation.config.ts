import { mutationTestConfig } from "@carepanel/core/mutation/vitest"
import base from "./vitest.config.js"

/**
 * The receiver's tests as Stryker runs them (`npm run mutation`), without those that run the receiver as other
 * processes: a child runs the code unmutated, so they kill nothing, and each takes tens of seconds to minutes (a
 * PostgreSQL cluster and two receivers, a SIGKILL mid-burst, the API beside the receiver, two receivers sharing a
 * limit, both apps on a disk that fills, a store mended under a receiver, a PostgreSQL restart under both apps), or reaches outside the app (store-sql's write-lock holder; its PostgreSQL cluster and partitionable proxy, by paths that point nowhere from Stryker's copy). None left needs the bundles the global set-up
 * builds, whose imports reach into other packages Stryker's copy of the app does not hold: it is not run.
 */
export default mutationTestConfig({ ...base, test: { ...base.test, globalSetup: [] } }, [
  "test/concurrency.test.ts",
  "test/crash.test.ts",
  "test/apiToReceiver.test.ts",
  "test/security/rateLimitAcrossReceivers.test.ts",
  "test/storeBusy.test.ts",
  "test/diskFull.test.ts",
  "test/storeRecovery.test.ts",
  "test/pgRestart.test.ts",
  "test/storePartition.test.ts"
])
