// Mutation testing of the GraphQL app (`npm run mutation -- graphql src/schema/errors` from the repository root). See
// docs/testing.md.
import { strykerConfig } from "@carepanel/core/mutation/stryker"

// Each test file starts a server on a real port and plays requests over HTTP: more time per mutant than the core's.
export default strykerConfig({ timeoutMS: 30_000 })
