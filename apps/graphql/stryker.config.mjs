// Mutation testing of the GraphQL app (`npm run mutation -- graphql src/schema/errors` from the repository root). See
// docs/testing.md.
import { strykerConfig } from "@carepanel/core/mutation/stryker"

// Each test file starts a server on a real port and plays requests over HTTP: more time per mutant than the core's.
// Its first, whole-suite run (each test file a server) was not measured; the smaller store-sql suite took over 20 minutes
// under a load of 16-18 on the shared 2-core machine (3 Dec 2026).
export default strykerConfig({ timeoutMS: 30_000, dryRunTimeoutMinutes: 60 })
