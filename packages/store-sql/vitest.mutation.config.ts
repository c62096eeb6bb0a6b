import { mutationTestConfig } from "@carepanel/core/mutation/vitest"
import base from "./vitest.config.js"

/**
 * The store's tests as Stryker runs them (`npm run mutation`), PostgreSQL included (one cluster per run, started by the
 * global setup), without the CLI test: it runs the command npm links at the repository root and docs/integrity.md,
 * neither of which is in Stryker's copy of the package.
 */
export default mutationTestConfig(base, ["test/cli.test.ts"])
