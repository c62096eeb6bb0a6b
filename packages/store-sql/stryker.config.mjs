// Mutation testing of the SQL store (`npm run mutation -- store-sql src/store` from the repository root). See
// docs/testing.md.
import { strykerConfig } from "@carepanel/core/mutation/stryker"

// A mutant's tests may wait on PostgreSQL, fsync and child processes: more time than the core's pure tests.
// Its first, whole-suite run took over 20 minutes under a load of 16-18 on the shared 2-core machine (3 Dec 2026).
export default strykerConfig({ timeoutMS: 30_000, dryRunTimeoutMinutes: 60 })
