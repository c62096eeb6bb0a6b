// Mutation testing of the SQL store (`npm run mutation -- store-sql src/store` from the repository root). See
// docs/testing.md.
import { strykerConfig } from "@carepanel/core/mutation/stryker"

// A mutant's tests may wait on PostgreSQL, fsync and child processes: more time than the core's pure tests.
export default strykerConfig({ timeoutMS: 30_000 })
