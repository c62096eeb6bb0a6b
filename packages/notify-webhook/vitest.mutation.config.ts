import { mutationTestConfig } from "@carepanel/core/mutation/vitest"
import base from "./vitest.config.js"

/**
 * The package's tests as Stryker runs them (`npm run mutation`), without the dispatcher chaos test: it plays hundreds of
 * deliveries with the dispatcher killed mid-run, which instrumented code on a busy machine does not finish in its 30 s
 * (it tests the core's outbox dispatcher more than this package; the notifier's own tests cover the same code).
 */
export default mutationTestConfig(base, ["test/dispatcherChaos.test.ts"])
